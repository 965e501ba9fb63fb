using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using SatuPintu.Directory;
using SatuPintu.Hosting;
using SatuPintu.Shared;

namespace SatuPintu.Content;

/// <summary>/dokumen and /opd/{opd}/dokumen, filtered by ?opd=, ?kategori= and ?tahun= (a regulation's own year, else the publication year).</summary>
[OutputCache(PolicyName = HostingFeature.PublicPolicy, VaryByQueryKeys = [ListFilter.OpdKey, ListFilter.CategoryKey, ListFilter.YearKey,
    PageRequest.NumberKey, PageRequest.SizeKey])]
public sealed class DocumentListModel(PublicCatalog catalog, RegionalClock clock) : PageModel
{
    public const int PageSize = 20;

    public Opd? Opd { get; private set; }
    public PagedList<DocumentCard> List { get; private set; } = null!;
    public ListFilterView Filters { get; private set; } = null!;
    public PagerView Pager { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync([FromRoute] string? opd, CancellationToken ct)
    {
        var c = await catalog.GetAsync(ct);
        if (opd is not null)
        {
            Opd = Slug.IsWellFormed(opd) ? c.OpdsBySlug.GetValueOrDefault(opd) : null;
            if (Opd is null)
            {
                return this.Answer(404, "Perangkat daerah yang Anda cari tidak ada.");
            }
        }
        var page = PageRequest.Parse(Request.Query, PageSize, out var error);
        if (page is null)
        {
            return this.Answer(400, error!);
        }
        if (ListFilter.Parse(Request.Query, c, DocumentCategories.All, Opd, out var filterError) is not { } filter)
        {
            return this.Answer(400, filterError!);
        }
        var facets = new ListFacets<CatalogDocument>(c.VisibleDocuments(clock.UtcNow, Opd?.Id), filter,
            d => d.Document.OpdId, d => d.Document.Category ?? DocumentCategories.Other, d => Year(d.Card));
        List = facets.Page(page, d => d.Card);
        Filters = ListFilterView.For(filter, facets, c, DocumentCategories.All, Request.Path.Value ?? "/", "dokumen");
        Pager = new PagerView(List.Page.Number, List.TotalPages, Request.Path, filter.PagerQuery(page, PageSize));
        return this.CheckPaging(null, List) ?? Page();
    }

    public string CanonicalPath => Filters.Url(Filters.Filter.QueryString(List.Page, PageSize));

    private int Year(DocumentCard d) => d.RegulationYear ?? clock.ToLocal(d.PublishedUtc).Year;
}
