using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using SatuPintu.Directory;
using SatuPintu.Hosting;
using SatuPintu.Shared;

namespace SatuPintu.Content;

/// <summary>/dokumen and /opd/{opd}/dokumen.</summary>
[OutputCache(PolicyName = HostingFeature.PublicPolicy)]
public sealed class DocumentListModel(PublicCatalog catalog, RegionalClock clock) : PageModel
{
    public const int PageSize = 20;

    public Opd? Opd { get; private set; }
    public PagedList<DocumentCard> List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? opd, CancellationToken ct)
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
        var matching = c.VisibleDocuments(clock.UtcNow, Opd?.Id).ToList();
        List = new PagedList<DocumentCard>(matching.Skip(page.Skip).Take(page.Size).Select(d => d.Card).ToList(), page, matching.Count);
        return this.CheckPaging(null, List) ?? Page();
    }
}
