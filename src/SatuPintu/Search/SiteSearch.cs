using SatuPintu.Search.Analysis;

namespace SatuPintu.Search;

/// <summary>What /cari and /api/v1/search both show: the hits of one page, the facets, a direct answer and the correction.</summary>
public sealed record SearchView(
    QueryText Query, SearchResults Results, IReadOnlyList<ShownHit> Hits, ShownHit? Answer, bool Corrected);

public sealed record ShownHit(SearchEntry Entry, Microsoft.AspNetCore.Html.IHtmlContent Snippet, float Score)
{
    public string KindLabel => SearchEntry.Label(Entry.Kind);
}

/// <summary>
/// One search as the portal runs it: the query on the backend, and when it finds nothing and a
/// spelling was corrected, the corrected query instead (the page then says "Mungkin maksud Anda").
/// A service or OPD whose title holds every word of the query becomes the direct answer.
/// </summary>
public sealed class SiteSearch(ISearchBackend backend, TextAnalyzer analyzer, SearchIndexer indexer, TimeProvider time)
{
    public async Task<SearchView> RunAsync(SearchRequest request, CancellationToken ct)
    {
        // Right after a start with no index the first searches wait for the rebuild, briefly.
        if (!indexer.Ready.IsCompleted)
        {
            await Task.WhenAny(indexer.Ready, Task.Delay(TimeSpan.FromSeconds(30), time, ct));
        }
        var results = await backend.SearchAsync(request, ct);
        var corrected = results.Correction is not null;
        ShownHit? answer = null;
        if (request.Skip == 0 && request.Kind is null && !request.ByDate && results.QueryTerms.Count > 0)
        {
            var direct = await backend.SearchAsync(request with { Kind = null, Take = 5 }, ct);
            var candidate = direct.Hits.FirstOrDefault(h => h.Entry.Kind is "layanan" or "opd");
            if (candidate is not null && CoversQuery(candidate.Entry, results.QueryTerms))
            {
                answer = Show(candidate, results.QueryTerms);
            }
        }
        var hits = results.Hits.Select(h => Show(h, results.QueryTerms)).ToList();
        return new SearchView(request.Query, results, hits, answer, corrected);
    }

    private bool CoversQuery(SearchEntry entry, IReadOnlyList<string> terms)
    {
        var title = analyzer.Analyze(entry.Title, true).Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        return terms.All(title.Contains);
    }

    private ShownHit Show(SearchHit hit, IReadOnlyList<string> terms) =>
        new(hit.Entry, Snippets.Make(analyzer, hit.Entry.Body, terms), hit.Score);
}
