using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SatuPintu.Shared;

/// <summary>Who this instance is for, shown on every page: settings under "SatuPintu:Site".</summary>
public sealed class SiteOptions
{
    public const string Section = "SatuPintu:Site";

    /// <summary>The regency or city, as people write it; empty takes <see cref="RegencyOptions.Name"/> (SatuPintu:Regency:Name).</summary>
    [Required(ErrorMessage = "Set SatuPintu:Regency:Name, the regency or city as people write it, e.g. \"Kabupaten Kepahiang\".")]
    [StringLength(100, MinimumLength = 3)]
    public string Regency { get; set; } = "";

    /// <summary>The portal's name; empty means "Portal Satu Pintu" and the regency.</summary>
    [StringLength(150)]
    public string? PortalName { get; set; }

    /// <summary>The agency that runs the portal, named in the footer.</summary>
    [Required]
    [StringLength(200)]
    public string Operator { get; set; } = "Dinas Komunikasi, Informatika, Persandian dan Statistik";

    /// <summary>Postal address and telephone for the footer; empty shows none.</summary>
    [StringLength(300)]
    public string? Address { get; set; }

    /// <summary>
    /// The public address of the portal ("https://kepahiangkab.go.id"): feeds, the sitemap, robots.txt and
    /// structured data use it for absolute URLs and feed ids, so they do not depend on the Host a request
    /// names. Empty: the request's scheme and host (behind a proxy, only a trusted one's).
    /// </summary>
    [RegularExpression(@"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?$", ErrorMessage = "SatuPintu:Site:BaseUrl must be scheme and host only, e.g. https://kepahiangkab.go.id (no path, no trailing slash).")]
    public string? BaseUrl { get; set; }

    public string Name => string.IsNullOrWhiteSpace(PortalName) ? $"Portal Satu Pintu {Regency}" : PortalName;

    /// <summary>Under the regency's name in the header.</summary>
    public string Label => string.IsNullOrWhiteSpace(PortalName) ? "Portal Satu Pintu" : PortalName;
}

[OptionsValidator]
public sealed partial class SiteOptionsValidator : IValidateOptions<SiteOptions>;
