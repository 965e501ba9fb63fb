using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SatuPintu.Monitoring;

/// <summary>Settings of the monitoring engine: "SatuPintu:Monitoring".</summary>
public sealed class MonitoringOptions
{
    public const string Section = "SatuPintu:Monitoring";

    /// <summary>Run the scheduler on this node. Off: checks are kept and shown, nothing is probed here.</summary>
    public bool Enabled { get; set; } = true;

    [Range(1, 86400)]
    public int MinIntervalSeconds { get; set; } = 5;

    [Range(1, 365)]
    public int RawSampleDays { get; set; } = 7;

    /// <summary>Probes of one kind running at once on this node.</summary>
    [Range(1, 10000)]
    public int ConcurrencyPerKind { get; set; } = 256;

    /// <summary>ICMP rounds waiting for echoes at once on this node (they share one socket, so a waiting round costs memory only).</summary>
    [Range(1, 100000)]
    public int IcmpConcurrency { get; set; } = 4096;

    /// <summary>Checks claimed per scheduler pass.</summary>
    [Range(1, 100000)]
    public int ClaimBatch { get; set; } = 2000;

    /// <summary>How far ahead the scheduler claims rounds (started at their due time from memory); a node that dies loses at most this much of its rounds.</summary>
    [Range(0, 10000)]
    public int ClaimAheadMilliseconds { get; set; } = 1000;

    /// <summary>How long the writer gathers results before it writes them as one batch (a flush writes at once).</summary>
    [Range(0, 5000)]
    public int WriteGatherMilliseconds { get; set; } = 250;

    [Range(100, 60000)]
    public int ProbeTimeoutMilliseconds { get; set; } = 3000;

    /// <summary>State changes within <see cref="FlapWindowMinutes"/> from which a check counts as flapping (alerts held back).</summary>
    [Range(2, 1000)]
    public int FlapTransitions { get; set; } = 6;

    [Range(1, 1440)]
    public int FlapWindowMinutes { get; set; } = 30;

    /// <summary>/metrics in Prometheus format; off by default (it names every check).</summary>
    public bool MetricsEnabled { get; set; }

    /// <summary>When set, /metrics wants "Authorization: Bearer" with this value.</summary>
    public string? MetricsToken { get; set; }
}

[OptionsValidator]
public sealed partial class MonitoringOptionsValidator : IValidateOptions<MonitoringOptions>;
