using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using SatuPintu.Content;
using SatuPintu.Directory;
using SatuPintu.Hosting;

namespace SatuPintu.Portal;

[OutputCache(PolicyName = HostingFeature.PublicPolicy)]
public sealed class HomeModel(PublicCatalog catalog, RegionalClock clock) : PageModel
{
    public IReadOnlyList<ArticleCard> News { get; private set; } = [];
    public IReadOnlyList<ArticleCard> Announcements { get; private set; } = [];
    public IReadOnlyList<ArticleCard> Agenda { get; private set; } = [];
    public IReadOnlyList<(OpdKind Kind, int Count)> OpdKinds { get; private set; } = [];
    public int OpdCount { get; private set; }
    public IReadOnlyList<PublicService> Popular { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var c = await catalog.GetAsync(ct);
        var now = clock.UtcNow;
        News = c.Latest(ArticleKind.Berita, now, 6);
        Announcements = c.Latest(ArticleKind.Pengumuman, now, 4);
        Agenda = c.Latest(ArticleKind.Agenda, now, 4);
        OpdKinds = c.Opds.GroupBy(o => o.Kind).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())).ToList();
        OpdCount = c.Opds.Count;
        Popular = ServiceDirectory.Popular(c, 8);
    }
}
