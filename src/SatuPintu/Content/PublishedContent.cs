using Microsoft.EntityFrameworkCore;

namespace SatuPintu.Content;

/// <summary>An article as the lists show it: no body, so list queries stay small.</summary>
public sealed record ArticleCard(
    string Slug, string Title, string? Summary, ArticleKind Kind, DateTime PublishedUtc,
    string OpdSlug, string OpdName, DateTime? EventStart, string? EventPlace, DateTime? RevisedUtc = null, CardImage? Image = null,
    string? Category = null, DateTime? EventEnd = null)
{
    public string Url => ArticleKinds.DetailUrl(Kind, Slug);
}

/// <summary>An article's lead image as cards and the detail page show it: three widths of one WebP.</summary>
public sealed record CardImage(string StoredName, string Alt, int Width, int Height)
{
    public string Url => $"/media/{StoredName}";
    public string MediumUrl => $"/media/{Uploads.MediaFile.MediumName(StoredName)}";
    public string ThumbnailUrl => $"/media/{Uploads.MediaFile.ThumbnailName(StoredName)}";
    /// <summary>The JPEG for link previews (og:image); the page itself shows the WebP sizes.</summary>
    public string ShareUrl => $"/media/{Uploads.MediaFile.ShareName(StoredName)}";
    /// <summary>The srcset widths: thumbnail and medium are at most that wide, never wider than the original.</summary>
    public string SrcSet(int thumbnailWidth, int mediumWidth) =>
        $"{ThumbnailUrl} {Math.Min(thumbnailWidth, Width)}w, {MediumUrl} {Math.Min(mediumWidth, Width)}w, {Url} {Width}w";
}

public sealed record DocumentCard(string Slug, string Title, string? Category, string ContentType, long SizeBytes, DateTime PublishedUtc, string OpdSlug, string OpdName,
    string? RegulationNumber = null, int? RegulationYear = null, RegulationStatus? RegulationStatus = null)
{
    public string Url => $"/dokumen/{Slug}";
}

/// <summary>What the public may see: published and due. Every public query starts here.</summary>
public static class PublishedContent
{
    public static IQueryable<Article> Visible(this IQueryable<Article> articles, DateTime nowUtc) =>
        articles.Where(a => a.Status == PublicationStatus.Published && a.PublishAt != null && a.PublishAt <= nowUtc && !a.Opd!.Hidden);

    public static IQueryable<Document> Visible(this IQueryable<Document> documents, DateTime nowUtc) =>
        documents.Where(d => d.Status == PublicationStatus.Published && d.PublishAt != null && d.PublishAt <= nowUtc && !d.Opd!.Hidden);

    public static IQueryable<Article> Newest(this IQueryable<Article> articles) =>
        articles.OrderByDescending(a => a.PublishAt).ThenByDescending(a => a.Id);

    public static IQueryable<ArticleCard> ToCards(this IQueryable<Article> articles) =>
        articles.Select(a => new ArticleCard(a.Slug, a.Title, a.Summary, a.Kind, a.PublishAt!.Value,
            a.Opd!.Slug, a.Opd.ShortName ?? a.Opd.Name, a.EventStart, a.EventPlace));

    public static IQueryable<DocumentCard> ToCards(this IQueryable<Document> documents) =>
        documents.OrderByDescending(d => d.PublishAt).ThenByDescending(d => d.Id)
            .Select(d => new DocumentCard(d.Slug, d.Title, d.Category, d.ContentType, d.SizeBytes, d.PublishAt!.Value, d.Opd!.Slug, d.Opd.ShortName ?? d.Opd.Name));

    public static async Task<Shared.PagedList<T>> ToPageAsync<T>(this IQueryable<T> query, Shared.PageRequest page, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var items = await query.Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return new Shared.PagedList<T>(items, page, total);
    }
}
