using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;
using SatuPintu.Directory;
using SatuPintu.Hosting;
using SatuPintu.Shared;

namespace SatuPintu.Content;

/// <summary>/dokumen and /opd/{opd}/dokumen.</summary>
[OutputCache(PolicyName = HostingFeature.PublicPolicy)]
public sealed class DocumentListModel(SatuPintuDb db, RegionalClock clock) : PageModel
{
    public const int PageSize = 20;

    public Opd? Opd { get; private set; }
    public PagedList<DocumentCard> List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string? opd, CancellationToken ct)
    {
        if (opd is not null)
        {
            Opd = Slug.IsWellFormed(opd) ? await db.Opds.AsNoTracking().FirstOrDefaultAsync(o => o.Slug == opd && o.ArchivedAt == null, ct) : null;
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
        var query = db.Documents.AsNoTracking().Visible(clock.UtcNow);
        if (Opd is not null)
        {
            query = query.Where(d => d.OpdId == Opd.Id);
        }
        List = await query.ToCards().ToPageAsync(page, ct);
        return this.CheckPaging(null, List) ?? Page();
    }
}
