using Microsoft.EntityFrameworkCore;
using SatuPintu.Content;

namespace SatuPintu.Tests.Infrastructure;

/// <summary>Articles in a given OPD and state, written straight to the database, for tests that act on them.</summary>
public static class TestArticles
{
    public static Task<int> CreateAsync(SatuPintuApp app, string opdSlug, PublicationStatus status, string? title = null) =>
        app.WithDbAsync(async db =>
        {
            var opd = await db.Opds.SingleAsync(o => o.Slug == opdSlug);
            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            var slug = "uji-" + Guid.NewGuid().ToString("N")[..10];
            var article = new Article
            {
                OpdId = opd.Id, Kind = ArticleKind.Berita, Slug = slug, Title = title ?? "Artikel uji " + slug,
                BodyMarkdown = "Isi uji.", BodyHtml = "<p>Isi uji.</p>", Status = status,
                PublishAt = status == PublicationStatus.Published ? now.AddMinutes(-1) : null, CreatedAt = now, UpdatedAt = now,
            };
            db.Articles.Add(article);
            // As the app does on every save: revision 1 as created, revision 2 after one edit.
            db.ArticleRevisions.Add(new ArticleRevision { Article = article, Number = 1, OpdId = opd.Id, Kind = article.Kind, Title = article.Title + " (draf awal)", BodyMarkdown = "Isi awal.", CreatedAt = now });
            db.ArticleRevisions.Add(new ArticleRevision { Article = article, Number = 2, OpdId = opd.Id, Kind = article.Kind, Title = article.Title, BodyMarkdown = "Isi uji.", CreatedAt = now });
            await db.SaveChangesAsync();
            return article.Id;
        });

    public static Task<int> CreateDocumentAsync(SatuPintuApp app, string opdSlug, PublicationStatus status) =>
        app.WithDbAsync(async db =>
        {
            var opd = await db.Opds.SingleAsync(o => o.Slug == opdSlug);
            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            var slug = "uji-" + Guid.NewGuid().ToString("N")[..10];
            var doc = new Document
            {
                OpdId = opd.Id, Slug = slug, Title = "Dokumen uji " + slug, FileName = slug + ".pdf", ContentType = "application/pdf",
                StoragePath = "dokumen/tidak-ada.pdf", Status = status, PublishAt = status == PublicationStatus.Published ? now : null, CreatedAt = now, UpdatedAt = now,
            };
            db.Documents.Add(doc);
            await db.SaveChangesAsync();
            return doc.Id;
        });

    public static Task<PublicationStatus?> DocumentStatusAsync(SatuPintuApp app, int id) =>
        app.WithDbAsync(db => db.Documents.Where(d => d.Id == id).Select(d => (PublicationStatus?)d.Status).FirstOrDefaultAsync());

    /// <summary>Empties the bin of this article as the purge job does once its 30 days are over (here: its bin time moved back).</summary>
    public static async Task PurgeAsync(SatuPintuApp app, int id)
    {
        await app.WithDbAsync(async db =>
        {
            var article = await db.Articles.IgnoreQueryFilters().SingleAsync(a => a.Id == id);
            article.DeletedAt = article.DeletedAt!.Value.AddDays(-ArticlePublishing.BinDays - 1);
            return await db.SaveChangesAsync();
        });
        await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<BinPurger>(app.Services).PurgeDueAsync(CancellationToken.None);
    }

    public static Task<PublicationStatus?> StatusAsync(SatuPintuApp app, int id) =>
        app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => (PublicationStatus?)a.Status).FirstOrDefaultAsync());

    /// <summary>A static page of the OPD (or of the regency when <paramref name="opdSlug"/> is null).</summary>
    public static Task<int> CreatePageAsync(SatuPintuApp app, string? opdSlug, PublicationStatus status) =>
        app.WithDbAsync(async db =>
        {
            int? opdId = opdSlug is null ? null : (await db.Opds.SingleAsync(o => o.Slug == opdSlug)).Id;
            var now = TimeProvider.System.GetUtcNow().UtcDateTime;
            var slug = "uji-" + Guid.NewGuid().ToString("N")[..10];
            var page = new Page
            {
                OpdId = opdId, Slug = slug, Title = "Halaman uji " + slug, BodyMarkdown = "Isi uji.", BodyHtml = "<p>Isi uji.</p>", Status = status,
                CreatedAt = now, UpdatedAt = now, PublishedAt = status == PublicationStatus.Published ? now : null,
            };
            db.Pages.Add(page);
            await db.SaveChangesAsync();
            return page.Id;
        });

    public static Task<PublicationStatus?> PageStatusAsync(SatuPintuApp app, int id) =>
        app.WithDbAsync(db => db.Pages.Where(p => p.Id == id).Select(p => (PublicationStatus?)p.Status).FirstOrDefaultAsync());
}
