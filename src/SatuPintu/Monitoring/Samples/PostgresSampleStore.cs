using System.Collections.Concurrent;
using Npgsql;
using NpgsqlTypes;

namespace SatuPintu.Monitoring.Samples;

/// <summary>A PostgreSQL table per UTC day (<c>monitor_samples_yyyymmdd</c>), filled by binary COPY and dropped whole.</summary>
public sealed class PostgresSampleStore(NpgsqlDataSource source) : ISampleStore
{
    private const string Prefix = "monitor_samples_";
    private readonly ConcurrentDictionary<DateOnly, bool> _ready = new();

    private static string Table(DateOnly day) => Prefix + SampleDays.Suffix(day);

    public async Task AppendAsync(IReadOnlyList<Sample> samples, CancellationToken ct)
    {
        await using var connection = await source.OpenConnectionAsync(ct);
        foreach (var day in samples.GroupBy(s => SampleDays.DayOf(s.AtMs)))
        {
            var table = Table(day.Key);
            if (!_ready.ContainsKey(day.Key))
            {
                await using var create = new NpgsqlCommand(
                    $"CREATE TABLE IF NOT EXISTS {table} (check_id bigint NOT NULL, at_ms bigint NOT NULL, status smallint NOT NULL, rtt double precision, loss double precision NOT NULL)", connection);
                await create.ExecuteNonQueryAsync(ct);
                _ready[day.Key] = true;
            }
            await using var copy = await connection.BeginBinaryImportAsync($"COPY {table} (check_id, at_ms, status, rtt, loss) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var s in day)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(s.CheckId, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(s.AtMs, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync((short)s.Status, NpgsqlDbType.Smallint, ct);
                if (s.RttMs is { } rtt)
                {
                    await copy.WriteAsync(rtt, NpgsqlDbType.Double, ct);
                }
                else
                {
                    await copy.WriteNullAsync(ct);
                }
                await copy.WriteAsync(s.LossPercent, NpgsqlDbType.Double, ct);
            }
            await copy.CompleteAsync(ct);
        }
    }

    public async Task<IReadOnlyList<Sample>> ReadAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var existing = (await DaysAsync(ct)).ToHashSet();
        var result = new List<Sample>();
        await using var connection = await source.OpenConnectionAsync(ct);
        foreach (var day in SampleDays.Between(fromUtc, toUtc).Where(existing.Contains))
        {
            await using var query = new NpgsqlCommand($"SELECT check_id, at_ms, status, rtt, loss FROM {Table(day)} WHERE at_ms >= $1 AND at_ms < $2", connection);
            query.Parameters.Add(new() { Value = new DateTimeOffset(fromUtc, TimeSpan.Zero).ToUnixTimeMilliseconds() });
            query.Parameters.Add(new() { Value = new DateTimeOffset(toUtc, TimeSpan.Zero).ToUnixTimeMilliseconds() });
            await using var reader = await query.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                result.Add(new Sample(reader.GetInt64(0), reader.GetInt64(1), (SampleStatus)reader.GetInt16(2),
                    reader.IsDBNull(3) ? null : reader.GetDouble(3), reader.GetDouble(4)));
            }
        }
        return result;
    }

    public async Task<IReadOnlyList<DateOnly>> DaysAsync(CancellationToken ct)
    {
        await using var connection = await source.OpenConnectionAsync(ct);
        await using var query = new NpgsqlCommand(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE 'monitor\\_samples\\_%'", connection);
        var days = new List<DateOnly>();
        await using var reader = await query.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            if (SampleDays.Parse(reader.GetString(0)[Prefix.Length..]) is { } d)
            {
                days.Add(d);
            }
        }
        return [.. days.Order()];
    }

    public async Task DropDayAsync(DateOnly day, CancellationToken ct)
    {
        await using var connection = await source.OpenConnectionAsync(ct);
        await using var drop = new NpgsqlCommand($"DROP TABLE IF EXISTS {Table(day)}", connection);
        await drop.ExecuteNonQueryAsync(ct);
        _ready.TryRemove(day, out _);
    }
}
