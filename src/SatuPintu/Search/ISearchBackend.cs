namespace SatuPintu.Search;

/// <summary>
/// Where the index lives: Lucene.NET files in the data folder (SQLite) or tables in PostgreSQL.
/// Both index the same <see cref="Analysis.TextAnalyzer"/> output, so they find the same things.
/// The feed position is stored in the same commit as the entries, so a crash repeats work and never skips it.
/// </summary>
public interface ISearchBackend
{
    /// <summary>The last change-feed id the stored index includes; null when there is no usable index.</summary>
    Task<long?> PositionAsync(CancellationToken ct);

    Task ApplyAsync(IReadOnlyList<SearchEntry> upserts, IReadOnlyList<string> deletes, long position, CancellationToken ct);

    /// <summary>A whole new index built aside from <paramref name="entries"/>, then swapped in; readers keep the old one until then.</summary>
    Task RebuildAsync(IAsyncEnumerable<SearchEntry> entries, long position, Action<int>? progress, CancellationToken ct);

    Task<SearchResults> SearchAsync(SearchRequest request, CancellationToken ct);
}
