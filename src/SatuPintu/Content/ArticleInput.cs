using SatuPintu.Shared;

namespace SatuPintu.Content;

/// <summary>What an editor sends, from the admin form or as JSON to <c>/api/v1/articles</c>.</summary>
public sealed record ArticleInput
{
    /// <summary>Slug of the OPD the article belongs to.</summary>
    public string? Opd { get; init; }
    /// <summary>"berita", "pengumuman" or "agenda".</summary>
    public string? Kind { get; init; }
    public string? Title { get; init; }
    public string? Summary { get; init; }
    /// <summary>Markdown; HTML inside it is allowed and sanitized.</summary>
    public string? Body { get; init; }
    public DateTime? EventStart { get; init; }
    public DateTime? EventEnd { get; init; }
    public string? EventPlace { get; init; }
    /// <summary>Announcements: a key of <see cref="AnnouncementCategories"/> ("lowongan"); empty means "umum". Ignored for other kinds.</summary>
    public string? Category { get; init; }
    /// <summary>Tag slugs.</summary>
    public IReadOnlyList<string>? Tags { get; init; }
    /// <summary>The <c>version</c> the change is based on; when given and the article moved on since, the change is refused (409).</summary>
    public int? Version { get; init; }
    /// <summary>An uploaded image (its id) to show as the lead image; null keeps the current one.</summary>
    public int? LeadImageId { get; init; }
    /// <summary>Drops the lead image (the file stays for other uses).</summary>
    public bool RemoveLeadImage { get; init; }
    /// <summary>What the lead image shows, for people who cannot see it; required with a lead image. Null keeps the current text.</summary>
    public string? LeadImageAlt { get; init; }
    public string? LeadImageCaption { get; init; }
    public string? LeadImageCredit { get; init; }
    /// <summary>A new address (the last part of /berita/…) for an existing article; null keeps it. The old address redirects.</summary>
    public string? Slug { get; init; }

    /// <summary>The article as it stands, for edits that change one thing (e.g. adding an image).</summary>
    public static ArticleInput From(Article a) => new()
    {
        Opd = a.Opd?.Slug, Kind = a.Kind.UrlWord(), Title = a.Title, Summary = a.Summary, Body = a.BodyMarkdown ?? "",
        EventStart = a.EventStart, EventEnd = a.EventEnd, EventPlace = a.EventPlace, Category = a.Category, Tags = a.Tags.Select(t => t.Slug).ToList(),
        LeadImageCaption = a.LeadImageCaption, LeadImageCredit = a.LeadImageCredit,
    };
}

/// <summary>The refusals every article change shares, with their messages; the outcome itself is <see cref="Outcome{T}"/>.</summary>
public static class ArticleRefusals
{
    public static readonly Outcome<Article> NotFound = Outcome<Article>.NotFound("Artikel tidak ditemukan.");
    public static readonly Outcome<Article> Forbidden = Outcome<Article>.Forbidden("Anda tidak berhak melakukan tindakan ini pada artikel OPD tersebut.");
}
