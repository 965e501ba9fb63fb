namespace SatuPintu.Search;

/// <summary>Facet counts, most first; an OPD value arrives as "slug\tname".</summary>
public static class Facets
{
    public static IReadOnlyList<FacetCount> Count(IEnumerable<string> values, Func<string, string>? label) =>
        values.GroupBy(v => v, StringComparer.Ordinal)
            .Select(g =>
            {
                var parts = g.Key.Split('\t', 2);
                return new FacetCount(parts[0], label?.Invoke(parts[0]) ?? (parts.Length > 1 && parts[1].Length > 0 ? parts[1] : parts[0]), g.Count());
            })
            .OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal)
            .ToList();
}

/// <summary>One facet box of /cari; <see cref="Link"/> gives this search with the facet set (null: removed).</summary>
public sealed record FacetView(string Title, string Key, string? Current, IReadOnlyList<FacetCount> Items, Func<string?, string> Link);
