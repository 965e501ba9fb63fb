using SatuPintu.Directory;

namespace SatuPintu.Content;

/// <summary>
/// A static page: the regency's own (OpdId null, e.g. "tentang", "kebijakan-privasi"; admins only)
/// or one of an OPD's pages (e.g. "sejarah", "maklumat-pelayanan"). Same workflow as articles
/// without scheduling: Draft → Review → Published, Review → Rejected.
/// </summary>
public sealed class Page : IReviewed
{
    public int Id { get; set; }
    public int? OpdId { get; set; }
    public Opd? Opd { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    /// <summary>What the editor wrote (Markdown, HTML allowed and sanitized).</summary>
    public string BodyMarkdown { get; set; } = "";
    /// <summary>Sanitized HTML rendered from <see cref="BodyMarkdown"/> on save.</summary>
    public string BodyHtml { get; set; } = "";
    public PublicationStatus Status { get; set; }
    public string? RejectionReason { get; set; }
    /// <summary>Order among the owner's pages in menus.</summary>
    public int SortOrder { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? UpdatedBy { get; set; }
    public DateTime? PublishedAt { get; set; }

    /// <summary>Counts content changes; the edit and publish forms carry it, and a change made since is refused (409).</summary>
    public int Version { get; set; }

    /// <summary><see cref="PublishedAt"/> stays after unpublishing.</summary>
    public bool EverPublished => PublishedAt is not null || Status == PublicationStatus.Published;
}
