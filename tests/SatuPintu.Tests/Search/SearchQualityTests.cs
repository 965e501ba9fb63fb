using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SatuPintu.Data;
using SatuPintu.Search;
using SatuPintu.Search.Analysis;
using SatuPintu.Search.Lucene;
using SatuPintu.Search.Postgres;
using Npgsql;
using SatuPintu.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SatuPintu.Tests.Search;

/// <summary>
/// The known-item set (Fixtures/known-items.tsv, made by bench/search-known-items.py): 300 queries
/// over 1,000 IndoSum news articles, each with one intended article. Our search must reach the
/// issue's 95 % success@3 on both backends; the anchors are measured beside it for docs/SEARCH.md. Quality, not time.
/// </summary>
public sealed class SearchQualityTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "satupintu-quality-" + Guid.NewGuid().ToString("N")[..8]);

    private sealed record KnownItems(List<SearchEntry> Articles, List<(string Query, string Id)> Queries);

    private static KnownItems Load()
    {
        var lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Search", "Fixtures", "known-items.tsv")).Where(l => !l.StartsWith('#')).Select(l => l.Split('\t')).ToList();
        var wanted = lines.Where(l => l[0] == "article").Select(l => l[1]).ToHashSet();
        var articles = new List<SearchEntry>();
        foreach (var line in File.ReadLines(Path.Combine(Corpus.Path("indonesian"), "indosum", "articles.jsonl")))
        {
            var row = JsonDocument.Parse(line).RootElement;
            var id = row.GetProperty("id").GetString()!;
            if (wanted.Contains(id))
            {
                // IndoSum has no headline; its id carries the start of the headline's slug.
                var title = string.Join(' ', id.Split('-').Skip(1));
                articles.Add(new SearchEntry("article:" + id, "berita", title, row.GetProperty("text").GetString()!, "/berita/" + id, null, null, null));
            }
        }
        return new KnownItems(articles, lines.Where(l => l[0] == "query").Select(l => (l[1], l[2])).ToList());
    }

    private static readonly Ranking[] RankingGrid =
    [
        Ranking.Default with { CoordPower = 0, SurfaceBoost = 0, ProximityBoost = 0 }, Ranking.Default with { CoordPower = 1 },
        Ranking.Default with { CoordPower = 3 }, Ranking.Default with { SurfaceBoost = 0 }, Ranking.Default with { SurfaceBoost = 1 },
        Ranking.Default with { ProximityBoost = 0 }, Ranking.Default with { ProximityBoost = 3 }, Ranking.Default with { TitleBoost = 1.5f },
    ];

    /// <summary>The intended article's rank (-1 when not in the top 10) for each query, searched once.</summary>
    private static int[] Ranks(List<(string Query, string Id)> queries, Func<string, IReadOnlyList<string>> search) =>
        queries.Select(k => search(k.Query).Take(10).ToList().IndexOf("article:" + k.Id)).ToArray();

    private static (double Success3, double Mrr10) Score(IReadOnlyList<int> ranks) =>
        (ranks.Count(r => r is >= 0 and < 3) / (double)ranks.Count, ranks.Sum(r => r >= 0 ? 1.0 / (r + 1) : 0) / ranks.Count);

    // Tuned on the even queries; the odd ones are held out to show it is not fitted to them.
    private static (double Success3, double Mrr10) Half(int[] ranks, int parity) => Score(ranks.Where((_, i) => i % 2 == parity).ToList());

    private static void ReportMisses(ITestOutputHelper output, string label, List<(string Query, string Id)> queries, int[] ranks)
    {
        for (var i = 0; i < ranks.Length; i++)
        {
            if (ranks[i] is < 0 or >= 3)
            {
                output.WriteLine($"{label} miss: {queries[i].Query} -> {queries[i].Id} at {ranks[i]}");
            }
        }
    }

    [Fact]
    public async Task Known_item_success_at_3_stays_above_the_floor()
    {
        var set = Load();
        Assert.Equal(1000, set.Articles.Count);
        Assert.Equal(300, set.Queries.Count);
        var options = Options.Create(new DataOptions { DataDir = _dir });
        using var backend = new LuceneBackend(options, new TextAnalyzer(), TimeProvider.System, NullLogger<LuceneBackend>.Instance);
        await backend.RebuildAsync(set.Articles.ToAsyncEnumerable(), 0, null, CancellationToken.None);
        IReadOnlyList<string> Ours(string q) => backend.SearchAsync(new SearchRequest(QueryText.Parse(q), Take: 10), CancellationToken.None)
            .GetAwaiter().GetResult().Hits.Select(h => h.Entry.Id).ToList();
        // The weights and the anchors compared for docs/SEARCH.md (bench/search-quality.sh sets the
        // variable); the suite measures the default ranking only.
        if (Environment.GetEnvironmentVariable("SATUPINTU_QUALITY_GRID") is "1")
        {
            var tuningQueries = set.Queries.Where((_, i) => i % 2 == 0).ToList();
            foreach (var r in RankingGrid)
            {
                backend.Ranking = r;
                output.WriteLine($"tuning {r}: success@3 {Score(Ranks(tuningQueries, Ours)).Success3:P1}");
            }
            var like = Score(Ranks(set.Queries, q => Anchors.Like(set.Articles, q)));
            using var plain = new Anchors.PlainLucene(set.Articles);
            var bm25 = Score(Ranks(set.Queries, q => plain.Search(q, fuzzy: false)));
            var fuzzy = Score(Ranks(set.Queries, q => plain.Search(q, fuzzy: true)));
            output.WriteLine($"WordPress-style LIKE: success@3 {like.Success3:P1}, MRR@10 {like.Mrr10:F3}");
            output.WriteLine($"Lucene IndonesianAnalyzer BM25: success@3 {bm25.Success3:P1}, MRR@10 {bm25.Mrr10:F3}");
            output.WriteLine($"  + fuzzy fallback: success@3 {fuzzy.Success3:P1}, MRR@10 {fuzzy.Mrr10:F3}");
        }
        backend.Ranking = Ranking.Default;
        var ranks = Ranks(set.Queries, Ours);
        var (ours, tuned, held) = (Score(ranks), Half(ranks, 0), Half(ranks, 1));
        output.WriteLine($"ours (Lucene backend): success@3 {ours.Success3:P1}, MRR@10 {ours.Mrr10:F3}; tuning half {tuned.Success3:P1}, MRR@10 {tuned.Mrr10:F3}; held-out half {held.Success3:P1}, MRR@10 {held.Mrr10:F3}");
        ReportMisses(output, "lucene", set.Queries, ranks);
        // The target (99.3 % on this set when written; see docs/SEARCH.md), on both halves.
        Assert.True(ours.Success3 >= 0.95 && tuned.Success3 >= 0.95 && held.Success3 >= 0.95, $"success@3 {ours.Success3:P1}");
        Assert.True(ours.Mrr10 >= 0.9, $"MRR@10 {ours.Mrr10:F3}");
    }

    [Fact]
    public async Task Known_item_success_at_3_on_the_postgres_backend()
    {
        var set = Load();
        await using var source = NpgsqlDataSource.Create(PostgresServer.CreateDatabase());
        var backend = new PostgresBackend(source, new TextAnalyzer(), NullLogger<PostgresBackend>.Instance);
        await backend.RebuildAsync(set.Articles.ToAsyncEnumerable(), 0, null, CancellationToken.None);
        IReadOnlyList<string> Ours(string q) => backend.SearchAsync(new SearchRequest(QueryText.Parse(q), Take: 10), CancellationToken.None)
            .GetAwaiter().GetResult().Hits.Select(h => h.Entry.Id).ToList();
        var ranks = Ranks(set.Queries, Ours);
        var (ours, tuned, held) = (Score(ranks), Half(ranks, 0), Half(ranks, 1));
        output.WriteLine($"ours (PostgreSQL backend): success@3 {ours.Success3:P1}, MRR@10 {ours.Mrr10:F3}; tuning half {tuned.Success3:P1}, held-out half {held.Success3:P1}");
        ReportMisses(output, "pg", set.Queries, ranks);
        if (Environment.GetEnvironmentVariable("SATUPINTU_QUALITY_GRID") is "1")
        {
            var indonesian = new Anchors.PostgresIndonesian(source);
            await indonesian.LoadAsync(set.Articles);
            var all = Score(Ranks(set.Queries, q => indonesian.Search(q, anyWord: false)));
            var any = Score(Ranks(set.Queries, q => indonesian.Search(q, anyWord: true)));
            output.WriteLine($"PostgreSQL indonesian, websearch_to_tsquery: success@3 {all.Success3:P1}, MRR@10 {all.Mrr10:F3}");
            output.WriteLine($"  any word (OR): success@3 {any.Success3:P1}, MRR@10 {any.Mrr10:F3}");
        }
        Assert.True(ours.Success3 >= 0.95 && tuned.Success3 >= 0.95 && held.Success3 >= 0.95, $"success@3 {ours.Success3:P1}");
        Assert.True(ours.Mrr10 >= 0.9, $"MRR@10 {ours.Mrr10:F3}");
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_dir))
        {
            System.IO.Directory.Delete(_dir, true);
        }
    }
}
