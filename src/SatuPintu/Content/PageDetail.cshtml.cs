using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;
using SatuPintu.Hosting;
using SatuPintu.Shared;

namespace SatuPintu.Content;

/// <summary>/halaman/{slug} (the regency's pages) and /opd/{opd}/halaman/{slug} (an OPD's): published pages only.</summary>
[OutputCache(PolicyName = HostingFeature.PublicPolicy)]
public sealed class PageDetailModel(SatuPintuDb db) : PageModel
{
    public Page Item { get; private set; } = null!;
    /// <summary>The owner's other published pages, for the side menu.</summary>
    public IReadOnlyList<(string Slug, string Title)> Siblings { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? opd, string slug, CancellationToken ct)
    {
        if (!Slug.IsWellFormed(slug) || (opd is not null && !Slug.IsWellFormed(opd)))
        {
            return this.Answer(404, "Halaman yang Anda cari tidak ada.");
        }
        var published = db.Pages.AsNoTracking().Where(p => p.Status == PublicationStatus.Published);
        var owned = opd is null ? published.Where(p => p.OpdId == null) : published.Where(p => p.Opd!.Slug == opd && p.Opd.ArchivedAt == null && !p.Opd.Hidden);
        var page = await owned.Include(p => p.Opd).FirstOrDefaultAsync(p => p.Slug == slug, ct);
        if (page is null)
        {
            return this.Answer(404, "Halaman yang Anda cari tidak ada atau belum diterbitkan.");
        }
        Item = page;
        Siblings = (await owned.OrderBy(p => p.SortOrder).ThenBy(p => p.Title).Select(p => new { p.Slug, p.Title }).ToListAsync(ct))
            .Select(p => (p.Slug, p.Title)).ToList();
        return Page();
    }

    /// <summary>The first words of the page for search engines and link previews.</summary>
    public string Description
    {
        get
        {
            var text = HtmlCleaner.PlainText(System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(Item.BodyHtml, "<[^>]*>", " ")));
            return text.Length > 160 ? text[..160].TrimEnd() + "…" : text.Length > 0 ? text : Item.Title;
        }
    }

    public string UrlOf(string slug) => Item.Opd is { } o ? $"/opd/{o.Slug}/halaman/{slug}" : $"/halaman/{slug}";
}
