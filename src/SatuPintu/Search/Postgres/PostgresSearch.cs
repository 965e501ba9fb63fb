using System.Globalization;
using Npgsql;
using NpgsqlTypes;

namespace SatuPintu.Search.Postgres;

/// <summary>
/// A search in SQL with the same plan and weights as Lucene: per term its inverse document
/// frequency times ts_rank over the title (A) and body (D) weights, plus the exact written form;
/// the sum scaled by the share of query terms a hit holds; all terms close together (ts_rank_cd)
/// as a bonus; phrases required. Facets are counted over the best <see cref="FacetWindow"/> hits.
/// </summary>
public sealed partial class PostgresBackend
{
    private const int FacetWindow = 2000;

    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken ct)
    {
        if (request.Query.IsEmpty)
        {
            return SearchResults.Empty;
        }
        try
        {
            return await RunAsync(request, ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // Before the first build at start there is nothing to search yet.
            return SearchResults.Empty;
        }
    }

    private async Task<SearchResults> RunAsync(SearchRequest request, CancellationToken ct)
    {
        await using var connection = await source.OpenConnectionAsync(ct);
        var words = request.Query.Words.SelectMany(w => analyzer.Analyze(w, false)).ToList();
        var df = await DocFreqsAsync(connection, words.Select(w => w.Term), ct);
        var slices = new Dictionary<string, List<(string Word, int Df)>>(StringComparer.Ordinal);
        foreach (var w in words.Where(w => !df.ContainsKey(w.Term) && w.Surface.Length >= 4 && !char.IsAsciiDigit(w.Surface[0])))
        {
            slices[w.Surface] = await VocabularySliceAsync(connection, w.Surface, ct);
        }
        var plan = QueryPlan.Make(request.Query, analyzer, df.ContainsKey, (w, max) => Nearest(slices.GetValueOrDefault(w, []), w, max));
        if (plan.IsEmpty)
        {
            return SearchResults.Empty with { Correction = plan.Correction };
        }
        foreach (var (t, n) in await DocFreqsAsync(connection, plan.AllTerms.Where(t => !df.ContainsKey(t)), ct))
        {
            df[t] = n;
        }
        await using var totalCmd = new NpgsqlCommand("SELECT total FROM search_state", connection);
        var total = (int)(await totalCmd.ExecuteScalarAsync(ct))!;
        double Idf(string t) => Math.Log(1 + (total - df.GetValueOrDefault(t) + 0.5) / (df.GetValueOrDefault(t) + 0.5));

        var wanted = request.Skip + request.Take;
        var ranked = await RankAsync(connection, plan, Idf, request, Math.Max(FacetWindow, wanted), false, ct);
        var page = request.ByDate ? await RankAsync(connection, plan, Idf, request, Math.Max(1, wanted), true, ct) : ranked;
        var count = ranked.Count;
        if (count >= FacetWindow)
        {
            await using var countCmd = Command(connection, $"SELECT count(*) FROM search_entry e WHERE {Where}", plan, Idf, request, 0);
            count = (int)(long)(await countCmd.ExecuteScalarAsync(ct))!;
        }
        var shown = page.Skip(request.Skip).Take(request.Take).ToList();
        var entries = await EntriesAsync(connection, shown.Select(h => h.Id).ToArray(), ct);
        var hits = shown.Where(h => entries.ContainsKey(h.Id)).Select(h => new SearchHit(entries[h.Id], (float)h.Score, plan.AllTerms.ToList())).ToList();
        return new SearchResults(hits, count,
            Facets.Count(ranked.Select(r => r.Kind), SearchEntry.Label),
            Facets.Count(ranked.Where(r => r.Opd.Length > 0).Select(r => r.Opd + "\t" + r.OpdName), null),
            Facets.Count(ranked.Where(r => r.Year is not null).Select(r => r.Year!.Value.ToString(CultureInfo.InvariantCulture)), y => y),
            plan.Correction, plan.AllTerms.ToList());
    }

    private const string Ones = "'{1,1,1,1}'";

    private sealed record Ranked(string Id, double Score, string Kind, string Opd, string OpdName, int? Year);

    private const string Where = "e.terms @@ $4::tsquery AND ($8::text IS NULL OR e.kind = $8) AND ($9::text IS NULL OR e.opd = $9) AND ($10::int IS NULL OR e.year = $10)";

    private async Task<List<Ranked>> RankAsync(NpgsqlConnection connection, QueryPlan plan, Func<string, double> idf, SearchRequest request, int limit, bool byDate, CancellationToken ct)
    {
        var r = Ranking;
        var weights = string.Create(CultureInfo.InvariantCulture, $"'{{{1 / r.TitleBoost},0,0,1}}'");
        var coord = string.Create(CultureInfo.InvariantCulture, $"{r.CoordPower}");
        var sql = $"""
            SELECT e.id, (s.score + p.score) * CASE WHEN $11 > 1 THEN power(s.matched::float8 / $11, {coord}) ELSE 1 END
                   + CASE WHEN $5::tsquery IS NULL THEN 0 ELSE $12 * ts_rank_cd({weights}, e.terms, $5::tsquery, 1) END AS score,
                   e.kind, e.opd, e.opd_name, e.year
            FROM search_entry e
            CROSS JOIN LATERAL (
                SELECT coalesce(sum(q.idf * (q.r + $13 * coalesce(ts_rank({Ones}, e.words, q.wq, 1), 0))), 0) AS score, count(*) FILTER (WHERE q.r > 0) AS matched
                FROM (SELECT u.idf, u.wq, ts_rank({weights}, e.terms, u.tq, 1) AS r FROM unnest($1::tsquery[], $2::float8[], $3::tsquery[]) AS u(tq, idf, wq)) q) s
            CROSS JOIN LATERAL (
                SELECT coalesce(sum(u.idf * ts_rank({weights}, e.terms, u.pq, 1)), 0) AS score FROM unnest($6::tsquery[], $7::float8[]) AS u(pq, idf)) p
            WHERE {Where}
            ORDER BY {(byDate ? "e.date_ticks DESC" : "score DESC")}, e.id
            LIMIT {limit.ToString(CultureInfo.InvariantCulture)}
            """;
        await using var cmd = Command(connection, sql, plan, idf, request, 13);
        var list = new List<Ranked>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(new Ranked(reader.GetString(0), reader.GetDouble(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetInt32(5)));
        }
        return list;
    }

    /// <summary>The command with the plan as parameters $1..$10 (and $11..$13 for ranking).</summary>
    private NpgsqlCommand Command(NpgsqlConnection connection, string sql, QueryPlan plan, Func<string, double> idf, SearchRequest request, int parameters)
    {
        var terms = plan.Terms;
        var match = new List<string>();
        if (terms.Count > 0)
        {
            match.Add("(" + string.Join(" | ", terms.Select(Matching)) + ")");
        }
        match.AddRange(plan.Phrases.Select(TsText.Phrase));
        object?[] values =
        [
            terms.Select(Matching).ToArray(),
            terms.Select(idf).ToArray(),
            terms.Select(t => plan.Surfaces.GetValueOrDefault(t, []) is { Length: > 0 } s ? string.Join(" | ", s.Select(TsText.Quote)) : null).ToArray(),
            string.Join(" & ", match),
            terms.Count > 1 ? string.Join(" & ", terms.Select(TsText.Quote)) : null,
            plan.Phrases.Select(TsText.Phrase).ToArray(),
            plan.Phrases.Select(p => p.Sum(idf)).ToArray(),
            request.Kind, request.Opd, request.Year,
            terms.Count, (double)Ranking.ProximityBoost * terms.Sum(idf), (double)Ranking.SurfaceBoost,
        ];
        NpgsqlDbType?[] types =
        [
            NpgsqlDbType.Array | NpgsqlDbType.Text, NpgsqlDbType.Array | NpgsqlDbType.Double, NpgsqlDbType.Array | NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Text,
            NpgsqlDbType.Array | NpgsqlDbType.Text, NpgsqlDbType.Array | NpgsqlDbType.Double, NpgsqlDbType.Text, NpgsqlDbType.Text, NpgsqlDbType.Integer,
            NpgsqlDbType.Integer, NpgsqlDbType.Double, NpgsqlDbType.Double,
        ];
        // A term with acronym alternates matches any of them (see QueryPlan.Alternates).
        string Matching(string term) => plan.Alternates.GetValueOrDefault(term) is { Length: > 0 } alternates
            ? "(" + TsText.Quote(term) + " | " + string.Join(" | ", alternates.Select(TsText.Phrase)) + ")"
            : TsText.Quote(term);
        var cmd = new NpgsqlCommand(sql, connection);
        for (var i = 0; i < Math.Max(parameters, 10); i++)
        {
            cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = types[i]!.Value, Value = values[i] ?? DBNull.Value });
        }
        return cmd;
    }

    private static async Task<Dictionary<string, int>> DocFreqsAsync(NpgsqlConnection connection, IEnumerable<string> terms, CancellationToken ct)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var cmd = new NpgsqlCommand("SELECT term, df FROM search_term WHERE term = ANY($1) AND df > 0", connection);
        cmd.Parameters.Add(new NpgsqlParameter { Value = terms.Distinct().ToArray() });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result[reader.GetString(0)] = reader.GetInt32(1);
        }
        return result;
    }

    /// <summary>The written words that could be the typed one: same first letter, length within two.</summary>
    private static async Task<List<(string Word, int Df)>> VocabularySliceAsync(NpgsqlConnection connection, string word, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            "SELECT word, df FROM search_vocab WHERE word >= $1 AND word < $2 AND length(word) BETWEEN $3 AND $4 AND df > 0 ORDER BY word", connection);
        cmd.Parameters.Add(new NpgsqlParameter { Value = word[..1] });
        cmd.Parameters.Add(new NpgsqlParameter { Value = ((char)(word[0] + 1)).ToString() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = word.Length - 2 });
        cmd.Parameters.Add(new NpgsqlParameter { Value = word.Length + 2 });
        var list = new List<(string, int)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add((reader.GetString(0), reader.GetInt32(1)));
        }
        return list;
    }

    /// <summary>As the Lucene backend picks it: the smallest distance, then the most documents, then the first in order.</summary>
    private static string? Nearest(List<(string Word, int Df)> slice, string word, int max)
    {
        (string Word, int Distance, int Df)? best = null;
        foreach (var (candidate, df) in slice)
        {
            var d = QueryPlan.Distance(word, candidate, max);
            if (d <= max && d > 0 && (best is null || d < best.Value.Distance || (d == best.Value.Distance && df > best.Value.Df)))
            {
                best = (candidate, d, df);
            }
        }
        return best?.Word;
    }

    private static async Task<Dictionary<string, SearchEntry>> EntriesAsync(NpgsqlConnection connection, string[] ids, CancellationToken ct)
    {
        var result = new Dictionary<string, SearchEntry>(StringComparer.Ordinal);
        await using var cmd = new NpgsqlCommand("SELECT id, kind, title, body, url, opd, opd_name, date_ticks FROM search_entry WHERE id = ANY($1)", connection);
        cmd.Parameters.Add(new NpgsqlParameter { Value = ids });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var ticks = reader.GetInt64(7);
            result[reader.GetString(0)] = new SearchEntry(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5) is { Length: > 0 } o ? o : null, reader.GetString(6) is { Length: > 0 } n ? n : null,
                ticks == 0 ? null : new DateTime(ticks, DateTimeKind.Utc));
        }
        return result;
    }
}
