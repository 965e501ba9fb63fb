using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SatuPintu.Data;
using SatuPintu.Search;
using SatuPintu.Search.Analysis;
using SatuPintu.Search.Lucene;
using SatuPintu.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SatuPintu.Tests.Search;

/// <summary>
/// The known-item set (Fixtures/known-items.tsv, made by bench/search-known-items.py): 300 queries
/// over 1,000 IndoSum news articles, each with one intended article. Our search must keep its
/// success@3 floor; the anchors are measured beside it for docs/SEARCH.md. Quality, not time.
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

    private static (double Success3, double Mrr10) Score(List<(string Query, string Id)> queries, Func<string, IReadOnlyList<string>> search)
    {
        double success = 0, mrr = 0;
        foreach (var (q, id) in queries)
        {
            var ranked = search(q);
            var rank = ranked.Take(10).ToList().IndexOf("article:" + id);
            success += rank is >= 0 and < 3 ? 1 : 0;
            mrr += rank >= 0 ? 1.0 / (rank + 1) : 0;
        }
        return (success / queries.Count, mrr / queries.Count);
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
        var ours = Score(set.Queries, q => backend.SearchAsync(new SearchRequest(QueryText.Parse(q), Take: 10), CancellationToken.None)
            .GetAwaiter().GetResult().Hits.Select(h => h.Entry.Id).ToList());
        var like = Score(set.Queries, q => Anchors.Like(set.Articles, q));
        using var plain = new Anchors.PlainLucene(set.Articles);
        var bm25 = Score(set.Queries, q => plain.Search(q, fuzzy: false));
        var fuzzy = Score(set.Queries, q => plain.Search(q, fuzzy: true));
        output.WriteLine($"ours (Lucene backend): success@3 {ours.Success3:P1}, MRR@10 {ours.Mrr10:F3}");
        output.WriteLine($"WordPress-style LIKE: success@3 {like.Success3:P1}, MRR@10 {like.Mrr10:F3}");
        output.WriteLine($"Lucene IndonesianAnalyzer BM25: success@3 {bm25.Success3:P1}, MRR@10 {bm25.Mrr10:F3}");
        output.WriteLine($"  + fuzzy fallback: success@3 {fuzzy.Success3:P1}, MRR@10 {fuzzy.Mrr10:F3}");
        // The floor reached (73.7 % on this set when written), not the 95 % target: see docs/SEARCH.md.
        Assert.True(ours.Success3 >= 0.72, $"success@3 {ours.Success3:P1}");
        Assert.True(ours.Mrr10 >= 0.65, $"MRR@10 {ours.Mrr10:F3}");
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_dir))
        {
            System.IO.Directory.Delete(_dir, true);
        }
    }
}
