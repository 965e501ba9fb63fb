using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Content;
using SatuPintu.Data;
using SatuPintu.Directory;
using SatuPintu.Hosting;
using SatuPintu.Shared;

namespace SatuPintu.Portal;

/// <summary>/opd/{slug}: one OPD's profile, services, contacts and its latest content of every kind.</summary>
[OutputCache(PolicyName = HostingFeature.PublicPolicy)]
public sealed class OpdPageModel(SatuPintuDb db, RegionalClock clock) : PageModel
{
    private const int Latest = 5;

    public Opd Opd { get; private set; } = null!;
    public IReadOnlyList<ArticleCard> News { get; private set; } = [];
    public IReadOnlyList<ArticleCard> Announcements { get; private set; } = [];
    public IReadOnlyList<ArticleCard> Agenda { get; private set; } = [];
    public IReadOnlyList<DocumentCard> Documents { get; private set; } = [];
    public IReadOnlyList<(string Slug, string Title)> Pages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var opd = Slug.IsWellFormed(slug)
            ? await db.Opds.AsNoTracking().Where(o => o.Slug == slug && o.ArchivedAt == null)
                .Include(o => o.Units.OrderBy(u => u.SortOrder)).Include(o => o.Services.OrderBy(s => s.SortOrder))
                .AsSplitQuery().FirstOrDefaultAsync(ct)
            : null;
        if (opd is null)
        {
            return this.Answer(404, "Perangkat daerah yang Anda cari tidak ada.");
        }
        Opd = opd;
        var now = clock.UtcNow;
        var articles = db.Articles.AsNoTracking().Visible(now).Where(a => a.OpdId == opd.Id);
        News = await articles.Where(a => a.Kind == ArticleKind.Berita).Newest().ToCards().Take(Latest).ToListAsync(ct);
        Announcements = await articles.Where(a => a.Kind == ArticleKind.Pengumuman).Newest().ToCards().Take(Latest).ToListAsync(ct);
        Agenda = await articles.Where(a => a.Kind == ArticleKind.Agenda).Newest().ToCards().Take(Latest).ToListAsync(ct);
        Pages = (await db.Pages.AsNoTracking().Where(p => p.OpdId == opd.Id && p.Status == PublicationStatus.Published)
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Title).Select(p => new { p.Slug, p.Title }).ToListAsync(ct)).Select(p => (p.Slug, p.Title)).ToList();
        Documents = await db.Documents.AsNoTracking().Visible(now).Where(d => d.OpdId == opd.Id).ToCards().Take(Latest).ToListAsync(ct);
        return Page();
    }

    public string? MapUrl => Opd.Latitude is { } lat && Opd.Longitude is { } lon
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}")
        : null;
}
