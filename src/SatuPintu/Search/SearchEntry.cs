namespace SatuPintu.Search;

/// <summary>One thing search can find, as both backends index it. <see cref="Id"/> is "kind:key" of the source row.</summary>
public sealed record SearchEntry(
    string Id, string Kind, string Title, string Body, string Url, string? OpdSlug, string? OpdName, DateTime? Date)
{
    /// <summary>The kinds as the page names them; the key is what URLs and the API use.</summary>
    public static readonly IReadOnlyDictionary<string, string> KindLabels = new Dictionary<string, string>
    {
        ["layanan"] = "Layanan",
        ["opd"] = "OPD",
        ["berita"] = "Berita",
        ["pengumuman"] = "Pengumuman",
        ["agenda"] = "Agenda",
        ["dokumen"] = "Dokumen",
        ["halaman"] = "Halaman",
    };

    public static string Label(string kind) => KindLabels.TryGetValue(kind, out var l) ? l : kind;
}

/// <summary>What to search for: words and quoted phrases (already split), filters, sort and page.</summary>
public sealed record SearchRequest(
    QueryText Query, string? Kind = null, string? Opd = null, int? Year = null, bool ByDate = false, int Skip = 0, int Take = 20);

public sealed record SearchHit(SearchEntry Entry, float Score, IReadOnlyList<string> MatchedTerms);

public sealed record FacetCount(string Value, string Label, int Count);

public sealed record SearchResults(
    IReadOnlyList<SearchHit> Hits, int Total, IReadOnlyList<FacetCount> Kinds, IReadOnlyList<FacetCount> Opds,
    IReadOnlyList<FacetCount> Years, string? Correction, IReadOnlyList<string> QueryTerms)
{
    public static readonly SearchResults Empty = new([], 0, [], [], [], null, []);
}
