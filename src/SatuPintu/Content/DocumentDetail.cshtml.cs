using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;
using SatuPintu.Hosting;
using SatuPintu.Shared;

namespace SatuPintu.Content;

[OutputCache(PolicyName = HostingFeature.PublicPolicy)]
public sealed class DocumentDetailModel(SatuPintuDb db, RegionalClock clock) : PageModel
{
    public Document Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var doc = Slug.IsWellFormed(slug)
            ? await db.Documents.AsNoTracking().Visible(clock.UtcNow).Include(d => d.Opd).FirstOrDefaultAsync(d => d.Slug == slug, ct)
            : null;
        if (doc is null)
        {
            return this.Answer(404, "Dokumen yang Anda cari tidak ada atau belum diterbitkan.");
        }
        Document = doc;
        return Page();
    }
}
