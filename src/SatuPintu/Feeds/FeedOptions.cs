using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SatuPintu.Feeds;

/// <summary>Settings under "SatuPintu:Feeds": what the Atom, RSS and JSON feeds and the sitemap hold.</summary>
public sealed class FeedOptions
{
    public const string Section = "SatuPintu:Feeds";

    /// <summary>"full": each entry carries the article's HTML as the site shows it; "summary": the summary only.</summary>
    [Required]
    [AllowedValues("full", "summary", ErrorMessage = "SatuPintu:Feeds:Content must be \"full\" or \"summary\".")]
    public string Content { get; set; } = "full";

    /// <summary>Entries per feed document; older ones are reached through the RFC 5005 "next" link.</summary>
    [Range(1, 500)]
    public int PageSize { get; set; } = 50;

    /// <summary>URLs per child sitemap; the sitemap protocol allows at most 50,000.</summary>
    [Range(1, 50_000)]
    public int SitemapPageSize { get; set; } = 50_000;

    /// <summary>
    /// Authority and date of the entries' tag: URIs (RFC 4151), e.g. "kepahiangkab.go.id,2026". Set once and never
    /// change it: readers recognise an entry by its id. Empty: the host of SatuPintu:Site:BaseUrl (or of the
    /// request) with the year 2026.
    /// </summary>
    [RegularExpression(@"^[A-Za-z0-9.-]+,[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$", ErrorMessage = "SatuPintu:Feeds:IdAuthority must look like \"kepahiangkab.go.id,2026\".")]
    public string? IdAuthority { get; set; }

    public bool FullContent => Content == "full";
}

[OptionsValidator]
public sealed partial class FeedOptionsValidator : IValidateOptions<FeedOptions>;
