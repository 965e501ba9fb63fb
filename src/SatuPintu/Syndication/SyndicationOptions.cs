using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SatuPintu.Syndication;

/// <summary>Settings of syndication in: "SatuPintu:Syndication".</summary>
public sealed class SyndicationOptions : IValidatableObject
{
    public const string Section = "SatuPintu:Syndication";

    /// <summary>Run the background poller on this node. Off: sources are kept, `sources poll` still fetches.</summary>
    public bool PollerEnabled { get; set; } = true;

    /// <summary>
    /// Host names or CIDRs (e.g. "192.168.10.0/24", "opd.kepahiangkab.go.id") that may be fetched although they
    /// resolve to loopback, private or other special addresses: OPD sites on the government intranet.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>DNS servers ("127.0.0.53:5353") to resolve source hosts with; empty: the system resolver.</summary>
    public List<string> DnsServers { get; set; } = [];

    [Range(5, 10080)]
    public int DefaultIntervalMinutes { get; set; } = 30;

    /// <summary>How often the poller looks for due sources.</summary>
    [Range(1, 3600)]
    public int TickSeconds { get; set; } = 30;

    /// <summary>Sources fetched at once on this node: one slow source holds one slot, never the others.</summary>
    [Range(1, 1000)]
    public int MaxConcurrentFetches { get; set; } = 32;

    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 20;

    /// <summary>
    /// All of one source's work in a round (every page of a WordPress archive, its images) ends by then: a slow
    /// or hostile source costs no more. A big archive then goes on from where it stopped in the next round.
    /// </summary>
    [Range(1, 3600)]
    public int SourceTimeoutSeconds { get; set; } = 300;

    [Range(1, 512)]
    public int MaxResponseMegabytes { get; set; } = 16;

    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;

    /// <summary>WordPress REST pages (100 posts each) read on the first import of an archive.</summary>
    [Range(1, 10000)]
    public int MaxWordPressPages { get; set; } = 200;

    /// <summary>WordPress: hours between complete reads of an archive, which find the posts deleted at the source.</summary>
    [Range(1, 8760)]
    public int ArchiveRecheckHours { get; set; } = 24;

    /// <summary>Images fetched per imported item; more are dropped with a note.</summary>
    [Range(0, 100)]
    public int MaxImagesPerItem { get; set; } = 20;

    /// <summary>The longest wait after repeated failures.</summary>
    [Range(1, 10080)]
    public int MaxBackoffMinutes { get; set; } = 1440;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SourceTimeoutSeconds < TimeoutSeconds)
        {
            yield return new ValidationResult($"SourceTimeoutSeconds ({SourceTimeoutSeconds}) harus sekurang-kurangnya TimeoutSeconds ({TimeoutSeconds}).", [nameof(SourceTimeoutSeconds)]);
        }
        foreach (var entry in AllowedHosts)
        {
            if (!Outbound.AddressPolicy.TryParseEntry(entry, out _))
            {
                yield return new ValidationResult($"'{entry}' bukan nama host atau CIDR yang sah.", [nameof(AllowedHosts)]);
            }
        }
        foreach (var server in DnsServers)
        {
            if (!System.Net.IPEndPoint.TryParse(server, out _))
            {
                yield return new ValidationResult($"'{server}' bukan alamat server DNS (mis. 127.0.0.53:53).", [nameof(DnsServers)]);
            }
        }
    }
}

[OptionsValidator]
public sealed partial class SyndicationOptionsValidator : IValidateOptions<SyndicationOptions>;
