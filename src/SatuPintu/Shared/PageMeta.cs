namespace SatuPintu.Shared;

/// <summary>What the layout puts in &lt;head&gt;: title, description, canonical URL and OpenGraph.</summary>
public sealed record PageMeta(string Title, string Description)
{
    public const string Key = "meta";

    /// <summary>Path (and query) of the canonical URL; made absolute with the request's host.</summary>
    public string? CanonicalPath { get; init; }
    public string OgType { get; init; } = "website";
    public DateTime? PublishedUtc { get; init; }
    /// <summary>Menu item to mark as current: "opd", "berita", "pengumuman", "agenda", "dokumen".</summary>
    public string? Section { get; init; }
    public bool NoIndex { get; init; }
    /// <summary>Where the page's feeds live ("" for /feed.xml, "/berita" for /berita/feed.xml); null: no feed.</summary>
    public string? FeedBase { get; init; }
    public string? FeedTitle { get; init; }
    /// <summary>schema.org JSON-LD, already serialised with an encoder that escapes &lt;, so it cannot end its script element.</summary>
    public string? JsonLd { get; init; }
    /// <summary>Path of the page's picture as a JPEG (an article's lead image); made absolute for OpenGraph and Twitter previews.</summary>
    public string? ImagePath { get; init; }
    public string? ImageAlt { get; init; }
    public int? ImageWidth { get; init; }
    public int? ImageHeight { get; init; }
}
