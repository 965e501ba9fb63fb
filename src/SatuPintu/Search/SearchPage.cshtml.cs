using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using SatuPintu.Hosting;
using SatuPintu.Shared;

namespace SatuPintu.Search;

/// <summary>
/// /cari?q=: everything the public can see, ranked, with facets (jenis, opd, tahun), paging and sort
/// (urut=tanggal). Any input gives a page: filters that make no sense are ignored, the query is
/// cleaned by <see cref="QueryText"/>.
/// </summary>
[OutputCache(PolicyName = HostingFeature.PublicPolicy)]
public sealed partial class SearchPage(SiteSearch search) : PageModel
{
    public const int PageSize = 20;

    public QueryText Query { get; private set; } = QueryText.Parse(null);
    public SearchView? View { get; private set; }
    public PagedList<ShownHit>? Paged { get; private set; }
    public string? Kind { get; private set; }
    public string? Opd { get; private set; }
    public int? Year { get; private set; }
    public bool ByDate { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var page = PageRequest.Parse(Request.Query, PageSize, out var error);
        if (page is null)
        {
            return this.Answer(400, error!);
        }
        var request = RequestFrom(Request.Query, page, out var query);
        (Query, Kind, Opd, Year, ByDate) = (query, request.Kind, request.Opd, request.Year, request.ByDate);
        if (query.IsEmpty)
        {
            return Page();
        }
        View = await search.RunAsync(request, ct);
        Paged = new PagedList<ShownHit>(View.Hits, page, View.Results.Total);
        return this.CheckPaging(null, Paged) ?? Page();
    }

    /// <summary>The request from the address; values that cannot be meant are dropped, not refused.</summary>
    public static SearchRequest RequestFrom(IQueryCollection q, PageRequest page, out QueryText query)
    {
        query = QueryText.Parse(q["q"].ToString());
        var kind = q["jenis"].ToString();
        var opd = q["opd"].ToString();
        int? year = int.TryParse(q["tahun"].ToString(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var y)
            && y is >= 1900 and <= 2200 ? y : null;
        return new SearchRequest(query,
            SearchEntry.KindLabels.ContainsKey(kind) ? kind : null,
            Slug().IsMatch(opd) ? opd : null,
            year,
            q["urut"].ToString() == "tanggal",
            page.Skip, page.Size);
    }

    /// <summary>This search with <paramref name="key"/> set to <paramref name="value"/> (or removed), back on page 1.</summary>
    public string Link(string key, string? value)
    {
        var qb = new QueryBuilder();
        foreach (var (k, values) in Request.Query)
        {
            if (k != key && k != PageRequest.NumberKey)
            {
                foreach (var v in values)
                {
                    qb.Add(k, v ?? "");
                }
            }
        }
        if (value is not null)
        {
            qb.Add(key, value);
        }
        return "/cari" + qb.ToQueryString();
    }

    public static string SearchFor(string text) => "/cari" + QueryString.Create("q", text);

    [GeneratedRegex("^[a-z0-9-]{1,80}$")]
    private static partial Regex Slug();
}
