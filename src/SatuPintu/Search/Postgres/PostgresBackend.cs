using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using SatuPintu.Search.Analysis;

namespace SatuPintu.Search.Postgres;

/// <summary>
/// The index in PostgreSQL, so every web node searches the same tables and none keeps its own:
/// <c>search_entry</c> (a tsvector of our analyzer's terms with a GIN index, the surface words,
/// the stored text), <c>search_term</c> and <c>search_vocab</c> (document counts per term and per
/// written word, for weighting and for typos) and <c>search_state</c> (the feed position and the
/// entry count). Changes and the position commit in one transaction; a rebuild fills tables
/// beside the live ones and swaps them in one transaction. The tables are the index's own, made
/// here rather than by a migration, because a rebuild replaces them whole.
/// </summary>
public sealed partial class PostgresBackend(NpgsqlDataSource source, TextAnalyzer analyzer, ILogger<PostgresBackend> log) : ISearchBackend
{
    private const int StoredBodyChars = 20_000;
    private const long SwapLock = 0x5345415243484958; // "SEARCHIX": one swap or apply at a time across nodes.

    internal Ranking Ranking { get; set; } = Ranking.Default;

    private static string Schema(string suffix) => $"""
        CREATE TABLE search_entry{suffix} (id text PRIMARY KEY, kind text NOT NULL, title text NOT NULL, body text NOT NULL, url text NOT NULL,
            opd text NOT NULL, opd_name text NOT NULL, year int, date_ticks bigint NOT NULL, terms text NOT NULL, words text NOT NULL);
        CREATE TABLE search_term{suffix} (term text COLLATE "C" PRIMARY KEY, df int NOT NULL);
        CREATE TABLE search_vocab{suffix} (word text COLLATE "C" PRIMARY KEY, df int NOT NULL);
        CREATE TABLE search_state{suffix} (position bigint NOT NULL, total int NOT NULL);
        """;

    public async Task<long?> PositionAsync(CancellationToken ct)
    {
        await using var cmd = source.CreateCommand("SELECT to_regclass('search_state') IS NOT NULL");
        if (!(bool)(await cmd.ExecuteScalarAsync(ct))!)
        {
            return null;
        }
        await using var read = source.CreateCommand("SELECT position FROM search_state");
        return await read.ExecuteScalarAsync(ct) is long p ? p : null;
    }

    public async Task ApplyAsync(IReadOnlyList<SearchEntry> upserts, IReadOnlyList<string> deletes, long position, CancellationToken ct)
    {
        await using var connection = await source.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await Exec(connection, "SELECT pg_advisory_xact_lock($1)", ct, SwapLock);
        await using (var read = new NpgsqlCommand("SELECT position FROM search_state", connection))
        {
            // Another node applied this batch already: the tables are shared.
            if (await read.ExecuteScalarAsync(ct) is long stored && stored >= position)
            {
                return;
            }
        }
        var ids = upserts.Select(u => u.Id).Concat(deletes).Distinct().ToArray();
        await Exec(connection, Count("search_term", "terms", "-", "e.id = ANY($1)"), ct, (object)ids);
        await Exec(connection, Count("search_vocab", "words", "-", "e.id = ANY($1)"), ct, (object)ids);
        var removed = await Exec(connection, "DELETE FROM search_entry WHERE id = ANY($1)", ct, (object)ids);
        foreach (var chunk in upserts.Chunk(200))
        {
            await InsertAsync(connection, chunk, ct);
        }
        var added = upserts.Select(u => u.Id).ToArray();
        await Exec(connection, Count("search_term", "terms", "+", "e.id = ANY($1)"), ct, (object)added);
        await Exec(connection, Count("search_vocab", "words", "+", "e.id = ANY($1)"), ct, (object)added);
        await Exec(connection, "UPDATE search_state SET position = $1, total = total - $2 + $3", ct, position, removed, added.Length);
        await tx.CommitAsync(ct);
    }

    public async Task RebuildAsync(IAsyncEnumerable<SearchEntry> entries, long position, Action<int>? progress, CancellationToken ct)
    {
        var suffix = "_" + Guid.NewGuid().ToString("N")[..10];
        await using var connection = await source.OpenConnectionAsync(ct);
        await Exec(connection, Schema(suffix), ct);
        var count = 0;
        try
        {
            await using (var copy = await connection.BeginBinaryImportAsync(
                $"COPY search_entry{suffix} (id, kind, title, body, url, opd, opd_name, year, date_ticks, terms, words) FROM STDIN (FORMAT BINARY)", ct))
            {
                await foreach (var e in entries.WithCancellation(ct))
                {
                    var row = Row(e);
                    await copy.StartRowAsync(ct);
                    foreach (var value in row)
                    {
                        await copy.WriteAsync(value, ct);
                    }
                    count++;
                    progress?.Invoke(count);
                }
                await copy.CompleteAsync(ct);
            }
            await Exec(connection, $"""
                ALTER TABLE search_entry{suffix} ALTER COLUMN terms TYPE tsvector USING terms::tsvector, ALTER COLUMN words TYPE tsvector USING words::tsvector;
                CREATE INDEX ON search_entry{suffix} USING gin (terms);
                {Count("search_term" + suffix, "terms", "+", "true", suffix)};
                {Count("search_vocab" + suffix, "words", "+", "true", suffix)};
                INSERT INTO search_state{suffix} VALUES ({position.ToString(CultureInfo.InvariantCulture)}, {count.ToString(CultureInfo.InvariantCulture)});
                """, ct);
            await using var tx = await connection.BeginTransactionAsync(ct);
            await Exec(connection, "SELECT pg_advisory_xact_lock($1)", ct, SwapLock);
            foreach (var table in new[] { "search_entry", "search_term", "search_vocab", "search_state" })
            {
                await Exec(connection, $"DROP TABLE IF EXISTS {table}; ALTER TABLE {table}{suffix} RENAME TO {table}", ct);
            }
            await tx.CommitAsync(ct);
        }
        catch
        {
            await using var clean = new NpgsqlCommand(
                $"DROP TABLE IF EXISTS search_entry{suffix}, search_term{suffix}, search_vocab{suffix}, search_state{suffix}", connection);
            await clean.ExecuteNonQueryAsync(CancellationToken.None);
            throw;
        }
        log.LogInformation("Search tables rebuilt in PostgreSQL: {Count} entries at change {Position}", count, position);
    }

    /// <summary>Adds (or takes off) each term's document count for the entries matching <paramref name="where"/>.</summary>
    private static string Count(string table, string column, string sign, string where, string suffix = "")
    {
        var key = table.StartsWith("search_term", StringComparison.Ordinal) ? "term" : "word";
        return sign == "+"
            ? $"INSERT INTO {table} ({key}, df) SELECT x, count(*) FROM search_entry{suffix} e, unnest(tsvector_to_array(e.{column})) x WHERE {where} GROUP BY x ON CONFLICT ({key}) DO UPDATE SET df = {table}.df + excluded.df"
            : $"UPDATE {table} t SET df = t.df - o.c FROM (SELECT x, count(*) c FROM search_entry e, unnest(tsvector_to_array(e.{column})) x WHERE {where} GROUP BY x) o WHERE t.{key} = o.x";
    }

    private object[] Row(SearchEntry e)
    {
        var title = analyzer.Analyze(e.Title, true);
        var body = analyzer.Analyze(e.Body, true);
        return [e.Id, e.Kind, e.Title, e.Body.Length > StoredBodyChars ? e.Body[..StoredBodyChars] : e.Body, e.Url, e.OpdSlug ?? "", e.OpdName ?? "",
            e.Date is { } d ? d.Year : DBNull.Value, e.Date?.Ticks ?? 0L, TsText.Terms(title, body), TsText.Words(title, body)];
    }

    private async Task InsertAsync(NpgsqlConnection connection, SearchEntry[] entries, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection);
        foreach (var e in entries)
        {
            var cmd = new NpgsqlBatchCommand("INSERT INTO search_entry VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::tsvector, $11::tsvector)");
            foreach (var value in Row(e))
            {
                cmd.Parameters.Add(new NpgsqlParameter { Value = value });
            }
            batch.BatchCommands.Add(cmd);
        }
        await batch.ExecuteNonQueryAsync(ct);
    }

    private static async Task<int> Exec(NpgsqlConnection connection, string sql, CancellationToken ct, params object[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        foreach (var a in args)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = a });
        }
        return await cmd.ExecuteNonQueryAsync(ct);
    }
}
