using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;
using SatuPintu.Hosting;

namespace SatuPintu.Content;

/// <summary>/halaman: the regency's own published pages (about the portal, privacy …); the footer links here.</summary>
[OutputCache(PolicyName = HostingFeature.PublicPolicy)]
public sealed class PageIndexModel(SatuPintuDb db) : PageModel
{
    public IReadOnlyList<(string Slug, string Title)> Pages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Pages = (await db.Pages.AsNoTracking().Where(p => p.OpdId == null && p.Status == PublicationStatus.Published)
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Title).Select(p => new { p.Slug, p.Title }).ToListAsync(ct))
            .Select(p => (p.Slug, p.Title)).ToList();
}
