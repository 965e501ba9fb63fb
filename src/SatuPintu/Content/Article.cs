using SatuPintu.Directory;

namespace SatuPintu.Content;

/// <summary>A berita, pengumuman or agenda item of one OPD, written here or imported from the OPD's own site.</summary>
public sealed class Article : IReviewed
{
    public int Id { get; set; }
    public int OpdId { get; set; }
    public Opd? Opd { get; set; }
    public ArticleKind Kind { get; set; }
    /// <summary>Unique across all articles, so <c>/berita/{slug}</c> needs no OPD.</summary>
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public string? Summary { get; set; }
    /// <summary>Sanitized HTML; never holds what an editor typed before sanitizing.</summary>
    public string BodyHtml { get; set; } = "";

    public PublicationStatus Status { get; set; }
    /// <summary>When it is (or will be) public; UTC. Published and due means visible.</summary>
    public DateTime? PublishAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Markdown as the editor wrote it; BodyHtml is rendered from it and sanitized.</summary>
    public string? BodyMarkdown { get; set; }
    /// <summary>Why a reviewer sent it back.</summary>
    public string? RejectionReason { get; set; }

    /// <summary>When the article was first public; kept after unpublishing, so its history stays a reviewer's to delete.</summary>
    public DateTime? FirstPublishedAt { get; set; }

    /// <summary>Counts content changes; the edit and publish forms carry it, and a change made since is refused (409).</summary>
    public int Version { get; set; }

    public bool EverPublished => FirstPublishedAt is not null || Status == PublicationStatus.Published;
    public string? CreatedBy { get; set; }
    public string? UpdatedBy { get; set; }

    public ContentOrigin Origin { get; set; }
    /// <summary>Link back to the original for imported items.</summary>
    public string? SourceUrl { get; set; }
    /// <summary>Imported items: the syndication source they came from (Syndication owns the rest of their bookkeeping).</summary>
    public int? SourceId { get; set; }
    /// <summary>Imported items: the item's id at the source (guid/id, else link, else a content hash); unique per source.</summary>
    public string? ExternalKey { get; set; }
    /// <summary>Imported items: a hash of what the source said last, so an unchanged item is not rewritten.</summary>
    public string? ImportHash { get; set; }
    /// <summary>Imported items: the source site's name, shown beside the link back.</summary>
    public string? SourceName { get; set; }
    /// <summary>Imported items: when the source stopped listing it (it stays here, marked).</summary>
    public DateTime? GoneAtSourceAt { get; set; }

    /// <summary>Announcements only: a key of <see cref="AnnouncementCategories"/> (e.g. "lowongan").</summary>
    public string? Category { get; set; }

    // Agenda only.
    public DateTime? EventStart { get; set; }
    public DateTime? EventEnd { get; set; }
    public string? EventPlace { get; set; }

    public List<Tag> Tags { get; set; } = [];

    /// <summary>The picture on cards, the detail page and link previews; its alt text is the image's own.</summary>
    public int? LeadImageId { get; set; }
    public Uploads.MediaFile? LeadImage { get; set; }
    public string? LeadImageCaption { get; set; }
    public string? LeadImageCredit { get; set; }

    /// <summary>The last change of content after the article was first public: the page then says "Diperbarui".</summary>
    public DateTime? RevisedAt { get; set; }

    /// <summary>A correction an editor proposed for the published article: the number of the revision holding it; the public version stays until a reviewer accepts.</summary>
    public int? ProposedRevision { get; set; }

    /// <summary>In the bin (Tempat sampah) since then: hidden everywhere, restorable until purged.</summary>
    public DateTime? DeletedAt { get; set; }
    public string? DeletedBy { get; set; }
}

public enum ArticleKind
{
    Berita = 0,
    Pengumuman = 1,
    Agenda = 2,
}

public enum PublicationStatus
{
    Draft = 0,
    Review = 1,
    Published = 2,
    Rejected = 3,
    /// <summary>Approved for a future time; the scheduled publisher makes it Published when due.</summary>
    Scheduled = 4,
}

public enum ContentOrigin
{
    Native = 0,
    Imported = 1,
}
