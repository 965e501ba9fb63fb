using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using System.Globalization;
using Microsoft.Extensions.Options;
using SatuPintu.Data;
using SatuPintu.Search.Analysis;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace SatuPintu.Search.Lucene;

/// <summary>
/// The embedded index: Lucene.NET files under data/search/&lt;generation&gt;, the live generation
/// named in data/search/current. A rebuild (at start, or the reindex verb in another process)
/// writes a new generation and then replaces that file, so the site serves the old index until the
/// new one is complete; every node notices the swap within a second.
/// </summary>
public sealed class LuceneBackend(IOptions<DataOptions> data, TextAnalyzer analyzer, TimeProvider time, ILogger<LuceneBackend> log)
    : ISearchBackend, IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private const int StoredBodyChars = 20_000;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string Root => Path.Combine(data.Value.DataDirFullPath, "search");
    private string CurrentFile => Path.Combine(Root, "current");
    private Live? _live;
    private DateTimeOffset _checkedAt;

    /// <summary>The weights searches use; the quality test compares others on the known-item set.</summary>
    internal Ranking Ranking { get; set; } = Ranking.Default;

    private sealed record Live(string Generation, LuceneDirectory Directory, IndexWriter Writer, SearcherManager Searchers) : IDisposable
    {
        public void Dispose()
        {
            Searchers.Dispose();
            Writer.Dispose();
            Directory.Dispose();
        }
    }

    public async Task<long?> PositionAsync(CancellationToken ct)
    {
        var live = await OpenAsync(ct);
        return live is not null && live.Writer.CommitData.TryGetValue("position", out var p) && long.TryParse(p, out var position) ? position : null;
    }

    public async Task ApplyAsync(IReadOnlyList<SearchEntry> upserts, IReadOnlyList<string> deletes, long position, CancellationToken ct)
    {
        var live = await OpenAsync(ct) ?? throw new InvalidOperationException("No search index to apply changes to.");
        await _gate.WaitAsync(ct);
        try
        {
            foreach (var id in deletes)
            {
                live.Writer.DeleteDocuments(new Term("id", id));
            }
            foreach (var entry in upserts)
            {
                live.Writer.UpdateDocument(new Term("id", entry.Id), ToDocument(entry));
            }
            live.Writer.SetCommitData(new Dictionary<string, string> { ["position"] = position.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            live.Writer.Commit();
            live.Searchers.MaybeRefreshBlocking();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task RebuildAsync(IAsyncEnumerable<SearchEntry> entries, long position, Action<int>? progress, CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Root);
        // Unique even for two rebuilds in one millisecond (or on a frozen test clock): a generation is never written twice.
        var generation = "index-" + time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8];
        var path = Path.Combine(Root, generation);
        using (var dir = FSDirectory.Open(path))
        using (var writer = NewWriter(dir, OpenMode.CREATE))
        {
            var count = 0;
            await foreach (var entry in entries.WithCancellation(ct))
            {
                writer.AddDocument(ToDocument(entry));
                progress?.Invoke(++count);
            }
            writer.SetCommitData(new Dictionary<string, string> { ["position"] = position.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            writer.Commit();
        }
        var tmp = CurrentFile + ".tmp";
        await File.WriteAllTextAsync(tmp, generation, ct);
        File.Move(tmp, CurrentFile, overwrite: true);
        _checkedAt = default;
        await OpenAsync(ct);
    }

    public async Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken ct)
    {
        var live = await OpenAsync(ct);
        if (live is null || request.Query.IsEmpty)
        {
            return SearchResults.Empty;
        }
        var searcher = live.Searchers.Acquire();
        try
        {
            var reader = searcher.IndexReader;
            var plan = QueryPlan.Make(request.Query, analyzer,
                t => reader.DocFreq(new Term("title", t)) + reader.DocFreq(new Term("body", t)) > 0,
                (w, max) => Nearest(reader, w, max));
            if (plan.IsEmpty)
            {
                return SearchResults.Empty with { Correction = plan.Correction };
            }
            var query = LuceneQueries.Build(plan, Ranking);
            var filter = LuceneQueries.Filter(request);
            var wanted = request.Skip + request.Take;
            var all = searcher.Search(query, filter, Math.Max(LuceneQueries.FacetWindow, wanted));
            TopDocs page = request.ByDate
                ? searcher.Search(query, filter, Math.Max(1, wanted), new Sort(new SortField("date", SortFieldType.INT64, true)))
                : all;
            var hits = page.ScoreDocs.Skip(request.Skip).Take(request.Take)
                .Select(sd => new SearchHit(FromDocument(searcher.Doc(sd.Doc)), float.IsNaN(sd.Score) ? 0 : sd.Score, plan.AllTerms.ToList())).ToList();
            var facetDocs = all.ScoreDocs.Select(sd => searcher.Doc(sd.Doc)).ToList();
            return new SearchResults(hits, all.TotalHits,
                Facets.Count(facetDocs.Select(d => d.Get("kind", CultureInfo.InvariantCulture)), SearchEntry.Label),
                Facets.Count(facetDocs.Where(d => d.Get("opd", CultureInfo.InvariantCulture) is { Length: > 0 }).Select(d => d.Get("opd", CultureInfo.InvariantCulture) + "\t" + d.Get("opdName", CultureInfo.InvariantCulture)), null),
                Facets.Count(facetDocs.Select(d => d.Get("year", CultureInfo.InvariantCulture)).Where(y => y is { Length: > 0 }), y => y),
                plan.Correction, plan.AllTerms.ToList());
        }
        finally
        {
            live.Searchers.Release(searcher);
        }
    }

    private static string? Nearest(IndexReader reader, string word, int max)
    {
        var terms = MultiFields.GetTerms(reader, "words");
        if (terms is null)
        {
            return null;
        }
        // Typos rarely hit the first letter; staying within it keeps the scan to one slice of the vocabulary.
        var e = terms.GetEnumerator();
        if (e.SeekCeil(new BytesRef(word[..1])) == TermsEnum.SeekStatus.END)
        {
            return null;
        }
        (string Word, int Distance, int Df)? best = null;
        do
        {
            var candidate = e.Term.Utf8ToString();
            if (candidate[0] != word[0])
            {
                break;
            }
            var d = QueryPlan.Distance(word, candidate, max);
            if (d <= max && d > 0 && (best is null || d < best.Value.Distance || (d == best.Value.Distance && e.DocFreq > best.Value.Df)))
            {
                best = (candidate, d, e.DocFreq);
            }
        }
        while (e.MoveNext());
        return best?.Word;
    }

    private Document ToDocument(SearchEntry e)
    {
        var titleTokens = analyzer.Analyze(e.Title, true);
        var bodyTokens = analyzer.Analyze(e.Body, true);
        var doc = new Document
        {
            new StringField("id", e.Id, Field.Store.YES),
            new StringField("kind", e.Kind, Field.Store.YES),
            new StringField("opd", e.OpdSlug ?? "", Field.Store.YES),
            new StoredField("opdName", e.OpdName ?? ""),
            new StringField("year", e.Date?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", Field.Store.YES),
            new NumericDocValuesField("date", e.Date?.Ticks ?? 0),
            new StoredField("dateTicks", e.Date?.Ticks ?? 0),
            new StoredField("url", e.Url),
            new StoredField("titleText", e.Title),
            new StoredField("bodyText", e.Body.Length > StoredBodyChars ? e.Body[..StoredBodyChars] : e.Body),
            new TextField("title", new TokenListStream(titleTokens, false)),
            new TextField("body", new TokenListStream(bodyTokens, false)),
            new TextField("words", new TokenListStream(titleTokens.Concat(bodyTokens).ToList(), true)),
        };
        return doc;
    }

    private static SearchEntry FromDocument(Document d)
    {
        var ticks = d.GetField("dateTicks")?.GetInt64Value() ?? 0;
        return new SearchEntry(d.Get("id", CultureInfo.InvariantCulture), d.Get("kind", CultureInfo.InvariantCulture), d.Get("titleText", CultureInfo.InvariantCulture), d.Get("bodyText", CultureInfo.InvariantCulture) ?? "", d.Get("url", CultureInfo.InvariantCulture),
            d.Get("opd", CultureInfo.InvariantCulture) is { Length: > 0 } o ? o : null, d.Get("opdName", CultureInfo.InvariantCulture) is { Length: > 0 } n ? n : null,
            ticks == 0 ? null : new DateTime(ticks, DateTimeKind.Utc));
    }

    private static IndexWriter NewWriter(LuceneDirectory dir, OpenMode mode) =>
        new(dir, new IndexWriterConfig(Version, new KeywordAnalyzer()) { OpenMode = mode, Similarity = new BM25Similarity() });

    /// <summary>The live generation, reopened when another process swapped in a new one; null when there is none or it is unreadable.</summary>
    private async Task<Live?> OpenAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_live is not null && now - _checkedAt < TimeSpan.FromSeconds(1))
        {
            return _live;
        }
        await _gate.WaitAsync(ct);
        try
        {
            _checkedAt = now;
            var generation = File.Exists(CurrentFile) ? (await File.ReadAllTextAsync(CurrentFile, ct)).Trim() : null;
            if (_live is not null && _live.Generation == generation)
            {
                return _live;
            }
            var old = _live;
            _live = null;
            if (generation is not null)
            {
                _live = TryOpen(generation);
            }
            if (old is not null)
            {
                old.Dispose();
                TryDelete(Path.Combine(Root, old.Generation));
            }
            return _live;
        }
        finally
        {
            _gate.Release();
        }
    }

    private Live? TryOpen(string generation)
    {
        var path = Path.Combine(Root, generation);
        LuceneDirectory? dir = null;
        try
        {
            dir = FSDirectory.Open(path);
            if (!DirectoryReader.IndexExists(dir))
            {
                log.LogWarning("Search index {Path} is missing; it will be rebuilt", path);
                dir.Dispose();
                return null;
            }
            var writer = NewWriter(dir, OpenMode.APPEND);
            var searchers = new SearcherManager(writer, true, new Bm25SearcherFactory(new CoordBm25(() => Ranking)));
            return new Live(generation, dir, writer, searchers);
        }
#pragma warning disable CA1031 // A damaged index is rebuilt from the database, never a reason to stop the site.
        catch (Exception e)
#pragma warning restore CA1031
        {
            log.LogWarning(e, "Search index {Path} is unreadable; it will be rebuilt", path);
            dir?.Dispose();
            return null;
        }
    }

    private void TryDelete(string path)
    {
        try
        {
            System.IO.Directory.Delete(path, true);
        }
        catch (IOException e)
        {
            log.LogInformation(e, "Old search index {Path} not removed yet", path);
        }
    }

    private sealed class Bm25SearcherFactory(Similarity similarity) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = similarity };
    }

    public void Dispose()
    {
        _live?.Dispose();
        _gate.Dispose();
    }
}
