using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;
using SatuPintu.Hosting;
using SatuPintu.Shared;

namespace SatuPintu.Content;

[OutputCache(PolicyName = HostingFeature.PublicPolicy)]
public sealed class ArticleDetailModel(SatuPintuDb db, RegionalClock clock) : PageModel
{
    public Article Article { get; private set; } = null!;
    public ArticleCard? Previous { get; private set; }
    public ArticleCard? Next { get; private set; }

    public async Task<IActionResult> OnGetAsync(string kind, string slug, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var article = Slug.IsWellFormed(slug)
            ? await db.Articles.AsNoTracking().Visible(now).Include(a => a.Opd).Include(a => a.Tags).AsSplitQuery()
                .FirstOrDefaultAsync(a => a.Slug == slug, ct)
            : null;
        if (article is null)
        {
            return this.Answer(404, "Artikel yang Anda cari tidak ada atau belum diterbitkan.");
        }
        if (article.Kind.UrlWord() != kind)
        {
            return RedirectPermanent(ArticleKinds.DetailUrl(article.Kind, article.Slug));
        }
        Article = article;
        var at = article.PublishAt!.Value;
        var sameKind = db.Articles.AsNoTracking().Visible(now).Where(a => a.Kind == article.Kind && a.Id != article.Id);
        // Ties on the publish time are broken by id, matching the lists' order. The outer bound
        // (<= / >=) lets SQLite seek in the index instead of walking it from one end.
        Previous = await sameKind.Where(a => a.PublishAt <= at && (a.PublishAt < at || a.Id < article.Id))
            .Newest().ToCards().FirstOrDefaultAsync(ct);
        Next = await sameKind.Where(a => a.PublishAt >= at && (a.PublishAt > at || a.Id > article.Id))
            .OrderBy(a => a.PublishAt).ThenBy(a => a.Id).ToCards().FirstOrDefaultAsync(ct);
        return Page();
    }
}
