using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using SatuPintu.Directory;
using SatuPintu.Shared;

namespace SatuPintu.Content;

/// <summary>
/// The filters of /pengumuman, /berita, /agenda and /dokumen (<c>?opd=&amp;kategori=&amp;tahun=</c>), read from the query.
/// A value that names nothing is reported, never ignored, so a mistyped link gets a clear answer instead of a list
/// that only looks filtered. The same keys are the only ones the output cache varies by.
/// </summary>
public sealed record ListFilter(Opd? Opd, ContentCategory? Category, int? Year)
{
    public const string OpdKey = "opd";
    public const string CategoryKey = "kategori";
    public const string YearKey = "tahun";

    /// <summary>Every query key these lists read; the output cache varies by these and nothing else.</summary>
    public static readonly string[] QueryKeys = [OpdKey, CategoryKey, YearKey, PageRequest.NumberKey, PageRequest.SizeKey];

    public bool Any => Opd is not null || Category is not null || Year is not null;

    /// <param name="categories">The list's categories; null when the list has none (berita, agenda).</param>
    /// <param name="fixedOpd">The OPD of an /opd/{slug}/… list: the query cannot choose another.</param>
    public static ListFilter? Parse(IQueryCollection query, CatalogSnapshot catalog, IReadOnlyList<ContentCategory>? categories, Opd? fixedOpd, out string? error)
    {
        error = null;
        if (query.Keys.Any(k => k is OpdKey or CategoryKey or YearKey && query[k].Count > 1))
        {
            error = "Setiap saringan hanya boleh dipilih sekali.";
            return null;
        }
        var opd = fixedOpd;
        if (fixedOpd is null && One(query, OpdKey) is { } opdSlug)
        {
            opd = Slug.IsWellFormed(opdSlug) ? catalog.OpdsBySlug.GetValueOrDefault(opdSlug) : null;
            if (opd is null)
            {
                error = $"Perangkat daerah \"{Shorten(opdSlug)}\" tidak ada. Pilih dari daftar di formulir saringan.";
                return null;
            }
        }
        ContentCategory? category = null;
        if (One(query, CategoryKey) is { } key)
        {
            category = categories?.FirstOrDefault(c => c.Key == key);
            if (category is null)
            {
                error = categories is null
                    ? "Daftar ini tidak memakai kategori."
                    : $"Kategori \"{Shorten(key)}\" tidak ada; pilih salah satu: {string.Join(", ", categories.Select(c => c.Key))}.";
                return null;
            }
        }
        int? year = null;
        if (One(query, YearKey) is { } rawYear)
        {
            if (!int.TryParse(rawYear, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 1900 or > 2200)
            {
                error = $"Tahun \"{Shorten(rawYear)}\" tidak valid: tulis tahun empat angka, misalnya 2026.";
                return null;
            }
            year = y;
        }
        return new ListFilter(fixedOpd is null ? opd : null, category, year) { FixedOpd = fixedOpd };
    }

    /// <summary>The OPD of an /opd/{slug}/… list; not a query value.</summary>
    public Opd? FixedOpd { get; init; }

    public int? OpdId => (Opd ?? FixedOpd)?.Id;

    /// <summary>The filter as a query string in a fixed order (for the canonical link, the pager and the clear links); empty values left out.</summary>
    public string QueryString(PageRequest? page = null, int defaultSize = 0)
    {
        var qb = new QueryBuilder();
        if (Opd is not null)
        {
            qb.Add(OpdKey, Opd.Slug);
        }
        if (Category is not null)
        {
            qb.Add(CategoryKey, Category.Key);
        }
        if (Year is { } y)
        {
            qb.Add(YearKey, y.ToString(CultureInfo.InvariantCulture));
        }
        if (page is not null && page.Size != defaultSize)
        {
            qb.Add(PageRequest.SizeKey, page.Size.ToString(CultureInfo.InvariantCulture));
        }
        if (page is { Number: > 1 })
        {
            qb.Add(PageRequest.NumberKey, page.Number.ToString(CultureInfo.InvariantCulture));
        }
        return qb.ToQueryString().ToString();
    }

    /// <summary>What the pager keeps: the filter and the page size, nothing else the address carried.</summary>
    public IQueryCollection PagerQuery(PageRequest page, int defaultSize) =>
        new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(QueryString(page with { Number = 1 }, defaultSize)));

    private static string? One(IQueryCollection query, string key) =>
        query.TryGetValue(key, out var v) && v.Count >= 1 && !string.IsNullOrWhiteSpace(v[0]) ? v[0]!.Trim() : null;

    private static string Shorten(string s) => s.Length > 40 ? s[..40] + "…" : s;
}

/// <summary>
/// One pass over a list: the items that match every filter, and for each filter the counts its options would
/// give with the other filters kept, so a choice never leads to an empty page without saying so first.
/// </summary>
public sealed class ListFacets<T>
{
    public List<T> Matching { get; } = [];
    public Dictionary<int, int> Opds { get; } = [];
    public Dictionary<string, int> Categories { get; } = [];
    public SortedDictionary<int, int> Years { get; } = new(Comparer<int>.Create((a, b) => b.CompareTo(a)));

    public ListFacets(IEnumerable<T> items, ListFilter filter, Func<T, int> opdOf, Func<T, string?> categoryOf, Func<T, int> yearOf)
    {
        foreach (var item in items)
        {
            var (opd, category, year) = (opdOf(item), categoryOf(item), yearOf(item));
            var byOpd = filter.Opd is null || filter.Opd.Id == opd;
            var byCategory = filter.Category is null || filter.Category.Key == category;
            var byYear = filter.Year is null || filter.Year == year;
            if (byCategory && byYear)
            {
                Opds[opd] = Opds.GetValueOrDefault(opd) + 1;
            }
            if (byOpd && byYear && category is not null)
            {
                Categories[category] = Categories.GetValueOrDefault(category) + 1;
            }
            if (byOpd && byCategory)
            {
                Years[year] = Years.GetValueOrDefault(year) + 1;
            }
            if (byOpd && byCategory && byYear)
            {
                Matching.Add(item);
            }
        }
    }

    public PagedList<TCard> Page<TCard>(PageRequest page, Func<T, TCard> card) =>
        new(Matching.Skip(page.Skip).Take(page.Size).Select(card).ToList(), page, Matching.Count);
}

/// <summary>What the filter form shows: each choice with its count, the chosen ones selected.</summary>
public sealed record ListFilterView(ListFilter Filter, string Action, string Noun, int Total,
    IReadOnlyList<(string Value, string Label, int Count)>? Opds,
    IReadOnlyList<(string Value, string Label, int Count)>? Categories,
    IReadOnlyList<(string Value, string Label, int Count)> Years)
{
    /// <summary>Query values the form sends back unchanged (a GET form drops its action's own query).</summary>
    public IReadOnlyDictionary<string, string> Hidden { get; init; } = new Dictionary<string, string>();

    /// <summary>The list without the filter, keeping <see cref="Hidden"/>.</summary>
    public string ClearUrl => Url("");

    /// <summary>The list's address with a filter query (from <see cref="ListFilter.QueryString"/>) and <see cref="Hidden"/>.</summary>
    public string Url(string filterQuery)
    {
        var rest = string.Join("&", Hidden.Select(h => $"{h.Key}={Uri.EscapeDataString(h.Value)}"));
        return Action + (rest.Length == 0 ? filterQuery : filterQuery.Length == 0 ? "?" + rest : filterQuery + "&" + rest);
    }

    public static ListFilterView For<T>(ListFilter filter, ListFacets<T> facets, CatalogSnapshot catalog, IReadOnlyList<ContentCategory>? categories,
        string action, string noun)
    {
        // OPDs and years with nothing to show are left out, except the chosen one; every category is listed with its count.
        var opds = filter.FixedOpd is not null ? null : catalog.Opds
            .Where(o => facets.Opds.ContainsKey(o.Id) || o.Id == filter.Opd?.Id)
            .Select(o => (o.Slug, o.DisplayShortName, facets.Opds.GetValueOrDefault(o.Id))).ToList();
        var chosenYear = filter.Year is { } chosen ? new[] { chosen } : [];
        var years = facets.Years.Keys.Union(chosenYear).OrderDescending()
            .Select(y => (y.ToString(CultureInfo.InvariantCulture), y.ToString(CultureInfo.InvariantCulture), facets.Years.GetValueOrDefault(y))).ToList();
        return new(filter, action, noun, facets.Matching.Count, opds,
            categories?.Select(c => (c.Key, c.Label, facets.Categories.GetValueOrDefault(c.Key))).ToList(), years);
    }
}
