using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Content;
using SatuPintu.Data;
using SatuPintu.Directory;
using SatuPintu.Hosting;

namespace SatuPintu.Portal;

[OutputCache(PolicyName = HostingFeature.PublicPolicy)]
public sealed class HomeModel(SatuPintuDb db, RegionalClock clock) : PageModel
{
    public IReadOnlyList<ArticleCard> News { get; private set; } = [];
    public IReadOnlyList<ArticleCard> Announcements { get; private set; } = [];
    public IReadOnlyList<ArticleCard> Agenda { get; private set; } = [];
    public IReadOnlyList<(OpdKind Kind, int Count)> OpdKinds { get; private set; } = [];
    public int OpdCount { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var articles = db.Articles.AsNoTracking().Visible(clock.UtcNow);
        News = await articles.Where(a => a.Kind == ArticleKind.Berita).Newest().ToCards().Take(6).ToListAsync(ct);
        Announcements = await articles.Where(a => a.Kind == ArticleKind.Pengumuman).Newest().ToCards().Take(4).ToListAsync(ct);
        Agenda = await articles.Where(a => a.Kind == ArticleKind.Agenda).Newest().ToCards().Take(4).ToListAsync(ct);
        var kinds = await db.Opds.AsNoTracking().Where(o => o.ArchivedAt == null).GroupBy(o => o.Kind)
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        OpdKinds = kinds.OrderBy(k => k.Key).Select(k => (k.Key, k.Count)).ToList();
        OpdCount = kinds.Sum(k => k.Count);
    }
}
