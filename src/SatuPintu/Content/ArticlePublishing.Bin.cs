using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Accounts;
using SatuPintu.Shared;

namespace SatuPintu.Content;

/// <summary>
/// Delete puts an article in the bin (Tempat sampah): off the portal at once, like unpublishing, and
/// restorable (as a draft) for <see cref="BinDays"/> days, after which <see cref="BinPurger"/> removes it for good.
/// </summary>
public sealed partial class ArticlePublishing
{
    public const int BinDays = 30;

    public async Task<Outcome<Article>> DeleteAsync(ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var article = await FindAsync(id, ct);
        if (article is null || Hidden(user, article))
        {
            return ArticleRefusals.NotFound;
        }
        if (!user.Can(Review.RightToDelete(article), article.OpdId))
        {
            return ArticleRefusals.Forbidden;
        }
        if (article.Status == PublicationStatus.Published)
        {
            article.FirstPublishedAt ??= article.PublishAt ?? Now;
        }
        // Whatever it was, it comes back as a draft: publishing it again goes through review.
        article.Status = article.Status == PublicationStatus.Rejected ? PublicationStatus.Rejected : PublicationStatus.Draft;
        article.ProposedRevision = null;
        article.DeletedAt = Now;
        article.DeletedBy = Actor(user);
        article.UpdatedAt = Now;
        article.UpdatedBy = Actor(user);
        return await SaveAsync(article, ct);
    }

    /// <summary>One page of the bin of the OPDs the user may edit, newest first.</summary>
    public Task<PagedList<Article>> BinAsync(ClaimsPrincipal user, PageRequest page, CancellationToken ct)
    {
        var opds = Directory.EditableOpds.For(db, user).Select(o => o.Id);
        return db.Articles.IgnoreQueryFilters().AsNoTracking().Include(a => a.Opd)
            .Where(a => a.DeletedAt != null && opds.Contains(a.OpdId)).OrderByDescending(a => a.DeletedAt).ThenByDescending(a => a.Id).ToPageAsync(page, ct);
    }

    public async Task<Outcome<Article>> RestoreFromBinAsync(ClaimsPrincipal user, int id, CancellationToken ct)
    {
        var article = await db.Articles.IgnoreQueryFilters().Include(a => a.Opd).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (article is null || !user.Can(OpdRight.Edit, article.OpdId))
        {
            return ArticleRefusals.NotFound;
        }
        if (!user.Can(Review.RightToDelete(article), article.OpdId))
        {
            return ArticleRefusals.Forbidden;
        }
        if (article.DeletedAt is null)
        {
            return Outcome<Article>.Conflict("Artikel ini tidak ada di Tempat sampah.");
        }
        article.DeletedAt = null;
        article.DeletedBy = null;
        article.UpdatedAt = Now;
        article.UpdatedBy = Actor(user);
        return await SaveAsync(article, ct);
    }

    /// <summary>
    /// Removes a binned article for good. Never public: its drafts go with it. Once public, the revisions
    /// stay as the record of what was published (their article link cleared). Its images go when no other
    /// article or page shows them.
    /// </summary>
    internal async Task PurgeAsync(Article article, CancellationToken ct)
    {
        var media = await ImagesOnlyOfAsync(article, ct);
        if (!article.EverPublished)
        {
            db.ArticleRevisions.RemoveRange(await db.ArticleRevisions.Where(r => r.ArticleId == article.Id).ToListAsync(ct));
        }
        db.MediaFiles.RemoveRange(media);
        db.Articles.Remove(article);
        await db.SaveChangesAsync(ct);
        uploads.RemoveMediaFiles(media);
    }
}
