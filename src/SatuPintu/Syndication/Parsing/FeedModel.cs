namespace SatuPintu.Syndication.Parsing;

/// <summary>What a feed (or one page of the WordPress REST API) says, in the shape the importer needs.</summary>
public sealed class ParsedFeed
{
    /// <summary>rss090, rss091, rss092, rss10, rss20, atom03, atom10, json10, json11, wordpress; "" when unknown.</summary>
    public required string Format { get; init; }
    public string? Title { get; set; }
    /// <summary>The site the feed belongs to (absolute).</summary>
    public string? Link { get; set; }
    public List<FeedEntry> Entries { get; } = [];
    /// <summary>The character encoding the bytes were read with.</summary>
    public string Encoding { get; set; } = "utf-8";
    /// <summary>WordPress REST: the total number of pages (X-WP-TotalPages), else null.</summary>
    public int? TotalPages { get; set; }
}

public sealed class FeedEntry
{
    public string? Id { get; set; }
    public string? Link { get; set; }
    /// <summary>As the feed has it: plain text, or HTML when the feed says so (<see cref="TitleIsHtml"/>).</summary>
    public string? Title { get; set; }
    public bool TitleIsHtml { get; set; }
    /// <summary>HTML (text summaries are escaped), relative URLs resolved.</summary>
    public string? Summary { get; set; }
    /// <summary>HTML of the full content, relative URLs resolved.</summary>
    public string? Content { get; set; }
    public string? Author { get; set; }
    public string? PublishedText { get; set; }
    public DateTimeOffset? Published { get; set; }
    public string? UpdatedText { get; set; }
    public DateTimeOffset? Updated { get; set; }
    public List<string> Categories { get; } = [];
    /// <summary>WordPress featured image (absolute URL).</summary>
    public string? ImageUrl { get; set; }
}

/// <summary>A feed that cannot be read at all; the message is Indonesian, for the health view.</summary>
public sealed class FeedFormatException(string message) : Exception(message);
