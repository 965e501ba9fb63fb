using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace SatuPintu.Monitoring.Samples;

/// <summary>A SQLite file per UTC day under <c>&lt;data&gt;/samples/</c>; a day is dropped by deleting its file.</summary>
public sealed class SqliteSampleStore(string folder) : ISampleStore
{
    private readonly ConcurrentDictionary<DateOnly, bool> _ready = new();

    private string FileOf(DateOnly day) => Path.Combine(folder, $"samples-{SampleDays.Suffix(day)}.db");

    private static string ConnectionString(string file, bool create) =>
        new SqliteConnectionStringBuilder { DataSource = file, Pooling = true, Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadOnly, DefaultTimeout = 5 }.ToString();

    public async Task AppendAsync(IReadOnlyList<Sample> samples, CancellationToken ct)
    {
        foreach (var day in samples.GroupBy(s => SampleDays.DayOf(s.AtMs)))
        {
            var file = FileOf(day.Key);
            System.IO.Directory.CreateDirectory(folder);
            await using var connection = new SqliteConnection(ConnectionString(file, create: true));
            await connection.OpenAsync(ct);
            if (!_ready.ContainsKey(day.Key) || !File.Exists(file))
            {
                await using var create = connection.CreateCommand();
                // The index lets each hour's rollup read its hour, not scan the whole day (24 scans a day of a
                // file that holds every check's samples); appends in time order keep it cheap to maintain.
                create.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS samples (check_id INTEGER NOT NULL, at_ms INTEGER NOT NULL, status INTEGER NOT NULL, rtt REAL, loss REAL NOT NULL);"
                    + " CREATE INDEX IF NOT EXISTS samples_at ON samples (at_ms);";
                await create.ExecuteNonQueryAsync(ct);
                _ready[day.Key] = true;
            }
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
            await using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO samples VALUES ($c, $a, $s, $r, $l)";
            var c = insert.Parameters.Add("$c", SqliteType.Integer);
            var a = insert.Parameters.Add("$a", SqliteType.Integer);
            var s = insert.Parameters.Add("$s", SqliteType.Integer);
            var r = insert.Parameters.Add("$r", SqliteType.Real);
            var l = insert.Parameters.Add("$l", SqliteType.Real);
            foreach (var sample in day)
            {
                c.Value = sample.CheckId;
                a.Value = sample.AtMs;
                s.Value = (int)sample.Status;
                r.Value = sample.RttMs is { } rtt ? rtt : DBNull.Value;
                l.Value = sample.LossPercent;
                await insert.ExecuteNonQueryAsync(ct);
            }
            await tx.CommitAsync(ct);
        }
    }

    public async Task<IReadOnlyList<Sample>> ReadAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct)
    {
        var result = new List<Sample>();
        var from = new DateTimeOffset(fromUtc, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var to = new DateTimeOffset(toUtc, TimeSpan.Zero).ToUnixTimeMilliseconds();
        foreach (var day in SampleDays.Between(fromUtc, toUtc))
        {
            var file = FileOf(day);
            if (!File.Exists(file))
            {
                continue;
            }
            await using var connection = new SqliteConnection(ConnectionString(file, create: false));
            await connection.OpenAsync(ct);
            await using var query = connection.CreateCommand();
            query.CommandText = "SELECT check_id, at_ms, status, rtt, loss FROM samples WHERE at_ms >= $f AND at_ms < $t";
            query.Parameters.AddWithValue("$f", from);
            query.Parameters.AddWithValue("$t", to);
            await using var reader = await query.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                result.Add(new Sample(reader.GetInt64(0), reader.GetInt64(1), (SampleStatus)reader.GetInt32(2),
                    reader.IsDBNull(3) ? null : reader.GetDouble(3), reader.GetDouble(4)));
            }
        }
        return result;
    }

    public Task<IReadOnlyList<DateOnly>> DaysAsync(CancellationToken ct)
    {
        IReadOnlyList<DateOnly> days = System.IO.Directory.Exists(folder)
            ? [.. System.IO.Directory.EnumerateFiles(folder, "samples-*.db")
                .Select(f => SampleDays.Parse(Path.GetFileNameWithoutExtension(f)["samples-".Length..]))
                .OfType<DateOnly>().Order()]
            : [];
        return Task.FromResult(days);
    }

    public Task DropDayAsync(DateOnly day, CancellationToken ct)
    {
        SqliteConnection.ClearAllPools();
        _ready.TryRemove(day, out _);
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(FileOf(day) + suffix);
        }
        return Task.CompletedTask;
    }
}
