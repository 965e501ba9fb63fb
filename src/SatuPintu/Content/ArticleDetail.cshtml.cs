using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;
using SatuPintu.Hosting;
using SatuPintu.Shared;

namespace SatuPintu.Content;

[OutputCache(PolicyName = HostingFeature.PublicPolicy)]
public sealed class ArticleDetailModel(PublicCatalog catalog, SatuPintuDb db, RegionalClock clock) : PageModel
{
    public Article Article { get; private set; } = null!;
    public ArticleCard? Previous { get; private set; }
    public ArticleCard? Next { get; private set; }
    public ArticleCard Card { get; private set; } = null!;
    /// <summary>Documents attached to the article and published with it.</summary>
    public IReadOnlyList<DocumentCard> Attachments { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string kind, string slug, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var c = await catalog.GetAsync(ct);
        if (Slug.IsWellFormed(slug) && !c.ArticlesBySlug.ContainsKey(slug)
            && await db.ArticleAddresses.AsNoTracking().Where(x => x.Slug == slug).Select(x => x.Article!.Slug).FirstOrDefaultAsync(ct) is { } renamed
            && c.ArticlesBySlug.TryGetValue(renamed, out var moved) && moved.PublishAt <= now)
        {
            // A former address of a renamed article: links shared before the rename keep working.
            return RedirectPermanent(moved.Card.Url);
        }
        if (!Slug.IsWellFormed(slug) || !c.ArticlesBySlug.TryGetValue(slug, out var entry) || entry.PublishAt > now)
        {
            return this.Answer(404, "Artikel yang Anda cari tidak ada atau belum diterbitkan.");
        }
        if (entry.Kind.UrlWord() != kind)
        {
            return RedirectPermanent(entry.Card.Url);
        }
        // The body is the one thing the catalog does not hold: one read by primary key.
        var rest = await db.Articles.AsNoTracking().Where(a => a.Id == entry.Id)
            .Select(a => new { a.BodyHtml, a.EventEnd, a.Origin, a.SourceUrl, a.FirstPublishedAt, a.UpdatedAt, a.CreatedAt, a.LeadImageCaption, a.LeadImageCredit, a.RevisedAt }).FirstOrDefaultAsync(ct);
        if (rest is null)
        {
            return this.Answer(404, "Artikel yang Anda cari tidak ada atau belum diterbitkan.");
        }
        var card = entry.Card;
        Article = new Article
        {
            Id = entry.Id, OpdId = entry.OpdId, Opd = c.OpdsById[entry.OpdId], Kind = entry.Kind, Slug = card.Slug, Title = card.Title, Summary = card.Summary,
            Status = PublicationStatus.Published, PublishAt = entry.PublishAt, EventStart = card.EventStart, EventEnd = rest.EventEnd, EventPlace = card.EventPlace,
            BodyHtml = rest.BodyHtml, FirstPublishedAt = rest.FirstPublishedAt, UpdatedAt = rest.UpdatedAt, CreatedAt = rest.CreatedAt, Origin = rest.Origin, SourceUrl = rest.SourceUrl, Tags = entry.TagIds.Select(t => c.TagsById[t]).ToList(),
            LeadImageCaption = rest.LeadImageCaption, LeadImageCredit = rest.LeadImageCredit, RevisedAt = rest.RevisedAt,
        };
        Card = card;
        Attachments = c.VisibleDocuments(now).Where(d => d.Document.ArticleId == entry.Id).Select(d => d.Card).ToList();
        (Previous, Next) = c.Neighbours(entry, now);
        return Page();
    }
}
