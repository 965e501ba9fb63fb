using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using SatuPintu.Hosting;
using SatuPintu.Shared;

namespace SatuPintu.Content;

[OutputCache(PolicyName = HostingFeature.PublicPolicy)]
public sealed class DocumentDetailModel(PublicCatalog catalog, RegionalClock clock) : PageModel
{
    public Document Document { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var c = await catalog.GetAsync(ct);
        var doc = Slug.IsWellFormed(slug) && c.DocumentsBySlug.TryGetValue(slug, out var found) && found.Document.PublishAt <= clock.UtcNow
            ? found.Document
            : null;
        if (doc is null)
        {
            return this.Answer(404, "Dokumen yang Anda cari tidak ada atau belum diterbitkan.");
        }
        Document = doc;
        return Page();
    }
}
