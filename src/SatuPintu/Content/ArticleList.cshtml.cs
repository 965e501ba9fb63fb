using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using SatuPintu.Directory;
using SatuPintu.Hosting;
using SatuPintu.Shared;

namespace SatuPintu.Content;

/// <summary>
/// /berita, /pengumuman, /agenda, and the same per OPD (/opd/{opd}/berita); ?tag= filters by tag, ?opd=, ?tahun= and
/// (announcements) ?kategori= through the filter form. /agenda lists what is coming soonest first, and what is over
/// (<c>?waktu=selesai</c>) newest first, apart.
/// </summary>
[OutputCache(PolicyName = HostingFeature.PublicPolicy, VaryByQueryKeys = [ListFilter.OpdKey, ListFilter.CategoryKey, ListFilter.YearKey,
    PageRequest.NumberKey, PageRequest.SizeKey, "tag", WhenKey])]
public sealed class ArticleListModel(PublicCatalog catalog, RegionalClock clock) : PageModel
{
    public const int PageSize = 12;
    public const string WhenKey = "waktu";
    public const string PastValue = "selesai";
    /// <summary>How many finished events the upcoming agenda shows below its own list.</summary>
    public const int PastPreview = 5;

    public ArticleKind Kind { get; private set; }
    public Opd? Opd { get; private set; }
    public Tag? Tag { get; private set; }
    public PagedList<ArticleCard> List { get; private set; } = null!;
    public ListFilterView Filters { get; private set; } = null!;
    /// <summary>Agenda: this page lists finished events.</summary>
    public bool Past { get; private set; }
    /// <summary>Agenda, upcoming page: the latest finished events and how many there are.</summary>
    public IReadOnlyList<ArticleCard> RecentPast { get; private set; } = [];
    public int PastTotal { get; private set; }
    public PagerView Pager { get; private set; } = null!;

    public IReadOnlyList<ContentCategory>? Categories => Kind == ArticleKind.Pengumuman ? AnnouncementCategories.All : null;

    public async Task<IActionResult> OnGetAsync(string kind, [FromRoute] string? opd, string? tag, CancellationToken ct)
    {
        Kind = ArticleKinds.FromUrlWord(kind) ?? ArticleKind.Berita;
        var c = await catalog.GetAsync(ct);
        if (opd is not null)
        {
            Opd = Slug.IsWellFormed(opd) ? c.OpdsBySlug.GetValueOrDefault(opd) : null;
            if (Opd is null)
            {
                return this.Answer(404, "Perangkat daerah yang Anda cari tidak ada.");
            }
        }
        if (tag is not null)
        {
            Tag = Slug.IsWellFormed(tag) ? c.TagsBySlug.GetValueOrDefault(tag) : null;
            if (Tag is null)
            {
                return this.Answer(404, $"Tidak ada topik \"{(tag.Length > 40 ? tag[..40] : tag)}\".");
            }
        }
        var page = PageRequest.Parse(Request.Query, PageSize, out var error);
        if (page is null)
        {
            return this.Answer(400, error!);
        }
        if (ListFilter.Parse(Request.Query, c, Categories, Opd, out var filterError) is not { } filter)
        {
            return this.Answer(400, filterError!);
        }
        if (Request.Query.TryGetValue(WhenKey, out var when) && (Kind != ArticleKind.Agenda || when.Count != 1 || when[0] != PastValue))
        {
            return this.Answer(400, Kind == ArticleKind.Agenda
                ? $"Pilihan waktu tidak dikenal: gunakan ?{WhenKey}={PastValue} untuk agenda yang sudah selesai."
                : "Pilihan waktu hanya untuk agenda.");
        }
        Past = when.Count == 1;

        var now = clock.UtcNow;
        var items = c.Visible(Kind, now, Opd?.Id, Tag?.Id);
        if (Kind == ArticleKind.Agenda)
        {
            var all = items.ToList();
            var past = all.Where(a => IsOver(a.Card, now)).OrderByDescending(a => EventTime(a.Card)).ThenByDescending(a => a.Id).ToList();
            var upcoming = all.Where(a => !IsOver(a.Card, now)).OrderBy(a => EventTime(a.Card)).ThenBy(a => a.Id);
            items = Past ? past : upcoming;
            if (!Past)
            {
                var pastFacets = Facets(past, filter);
                RecentPast = pastFacets.Matching.Take(PastPreview).Select(a => a.Card).ToList();
                PastTotal = pastFacets.Matching.Count;
            }
        }
        var facets = Facets(items, filter);
        List = facets.Page(page, a => a.Card);
        // What the filter form and the pager carry besides the filter: the tag and the finished-events switch.
        var kept = new Dictionary<string, string>();
        if (Tag is not null)
        {
            kept["tag"] = Tag.Slug;
        }
        if (Past)
        {
            kept[WhenKey] = PastValue;
        }
        Filters = ListFilterView.For(filter, facets, c, Categories, Request.Path.Value ?? "/", Noun) with { Hidden = kept };
        var query = new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>(filter.PagerQuery(page, PageSize));
        foreach (var (key, value) in kept)
        {
            query[key] = value;
        }
        Pager = new PagerView(List.Page.Number, List.TotalPages, Request.Path, new QueryCollection(query));
        return this.CheckPaging(null, List) ?? Page();
    }

    public ListFilter Filter => Filters.Filter;

    public string Noun => Past ? "agenda yang sudah selesai" : Kind.Label().ToLowerInvariant();

    public string Heading => (Tag, Opd, Past) switch
    {
        ({ } t, _, _) => $"{Kind.Label()}: {t.Name}",
        (_, { } o, true) => $"Agenda {o.DisplayShortName} yang sudah selesai",
        (_, { } o, _) => $"{Kind.Label()} {o.DisplayShortName}",
        (_, _, true) => "Agenda yang sudah selesai",
        _ => Kind.Label(),
    };

    /// <summary>The canonical address: the path and the filter in a fixed order, whatever else the request carried.</summary>
    public string CanonicalPath => Filters.Url(Filter.QueryString(List.Page, PageSize));

    public string PastUrl => AgendaUrl(past: true);

    public string UpcomingUrl => AgendaUrl(past: false);

    private string AgendaUrl(bool past)
    {
        var hidden = Filters.Hidden.Where(h => h.Key != WhenKey).ToDictionary();
        if (past)
        {
            hidden[WhenKey] = PastValue;
        }
        return (Filters with { Hidden = hidden }).Url(Filter.QueryString());
    }

    /// <summary>An event is over once its end (or, without one, its start) has passed.</summary>
    public static bool IsOver(ArticleCard a, DateTime nowUtc) => (a.EventEnd ?? a.EventStart ?? a.PublishedUtc) < nowUtc;

    private static DateTime EventTime(ArticleCard a) => a.EventStart ?? a.PublishedUtc;

    private ListFacets<CatalogArticle> Facets(IEnumerable<CatalogArticle> items, ListFilter filter) =>
        new(items, filter, a => a.OpdId, a => a.Card.Category,
            a => clock.ToLocal(Kind == ArticleKind.Agenda ? EventTime(a.Card) : a.PublishAt).Year);
}
