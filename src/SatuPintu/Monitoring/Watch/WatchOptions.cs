using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SatuPintu.Monitoring.Watch;

/// <summary>The judol/defacement watch: "SatuPintu:Monitoring:Watch".</summary>
public sealed class WatchOptions
{
    public const string Section = "SatuPintu:Monitoring:Watch";

    /// <summary>Whether this node runs the watch's scheduler; off, sites are inspected only when an admin asks.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often each resumed site is inspected.</summary>
    [Range(5, 10080)]
    public int IntervalMinutes { get; set; } = 60;

    /// <summary>How often the scheduler looks for sites that are due.</summary>
    [Range(1, 3600)]
    public int TickSeconds { get; set; } = 30;

    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 20;

    /// <summary>Bytes read of a page at most; the rest is not read.</summary>
    [Range(1024, 50_000_000)]
    public int MaxBytes { get; set; } = 2_000_000;

    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Sites inspected at the same time.</summary>
    [Range(1, 16)]
    public int Concurrency { get; set; } = 2;

    /// <summary>A page that should not change may differ from its baseline by this share of its text (0.1 = 10 %).</summary>
    [Range(0.0, 0.9)]
    public double DriftTolerance { get; set; } = 0.1;

    /// <summary>Below this similarity between the browser's and Googlebot's text, the page is cloaking.</summary>
    [Range(0.0, 1.0)]
    public double CloakingMinSimilarity { get; set; } = 0.6;

    [Required, MinLength(10)]
    public string BrowserUserAgent { get; set; } = "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";

    [Required, MinLength(10)]
    public string CrawlerUserAgent { get; set; } = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";
}

[OptionsValidator]
public sealed partial class WatchOptionsValidator : IValidateOptions<WatchOptions>;
