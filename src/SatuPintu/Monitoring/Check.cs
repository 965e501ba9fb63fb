namespace SatuPintu.Monitoring;

public enum CheckKind
{
    Icmp,
    Tcp,
    Http,
    Dns,
}

/// <summary>
/// One thing watched: a link (ICMP to its management address), a service port (TCP), a website
/// (HTTP(S)) or a name (DNS). The schedule lives here: <see cref="NextDueMs"/> is always
/// <see cref="PhaseMs"/> plus a whole number of intervals, so rounds never drift and a restart
/// never fires every check at once.
/// </summary>
public sealed class Check
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public CheckKind Kind { get; set; }
    /// <summary>host (ICMP, DNS name), host:port (TCP) or an absolute http(s) URL.</summary>
    public required string Target { get; set; }
    public int IntervalSeconds { get; set; } = 60;
    /// <summary>Offset of this check's rounds within its interval, in milliseconds (spreads checks evenly).</summary>
    public long PhaseMs { get; set; }
    /// <summary>Unix milliseconds (UTC) of the next round; claimed and advanced in one statement.</summary>
    public long NextDueMs { get; set; }
    /// <summary>Failures in a row before the check is DOWN (K).</summary>
    public int FailuresToDown { get; set; } = 3;
    /// <summary>Successes in a row before a DOWN check is UP again (M).</summary>
    public int SuccessesToUp { get; set; } = 2;
    public long? ParentCheckId { get; set; }
    public Check? ParentCheck { get; set; }
    public int? OpdId { get; set; }
    public Directory.Opd? Opd { get; set; }
    /// <summary>The registry link this check watches, when it was made for one.</summary>
    public int? NetworkLinkId { get; set; }
    public bool Paused { get; set; }
    /// <summary>One of the targets that tell whether the monitor itself can reach the world.</summary>
    public bool Canary { get; set; }
    /// <summary>Shown to the public (name and state only, never the target).</summary>
    public bool Public { get; set; } = true;

    public int? ExpectedStatus { get; set; }
    public string? KeywordMust { get; set; }
    public string? KeywordMustNot { get; set; }
    public int TlsWarningDays { get; set; } = 14;
    /// <summary>DNS: A, AAAA, MX, TXT, NS, CNAME, SOA.</summary>
    public string? DnsRecordType { get; set; }
    /// <summary>DNS: the server asked (host or host:port); never the system resolver.</summary>
    public string? DnsServer { get; set; }
    /// <summary>ICMP: echoes per round.</summary>
    public int Echoes { get; set; } = 3;

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public CheckStatus? Status { get; set; }
}

/// <summary>The judged state of a check, written only by the result writer (bookkeeping, not audited by a person's actions).</summary>
public sealed class CheckStatus
{
    public long CheckId { get; set; }
    public CheckState State { get; set; } = CheckState.Unknown;
    public int ConsecutiveFailures { get; set; }
    public int ConsecutiveSuccesses { get; set; }
    public DateTime? Since { get; set; }
    public DateTime? LastCheckedAt { get; set; }
    public string? LastError { get; set; }
    public double? LastRttMs { get; set; }
    public double? LastLossPercent { get; set; }
    /// <summary>The last state an alert was sent for: a recovery is sent only after a DOWN was.</summary>
    public CheckState LastAlerted { get; set; } = CheckState.Unknown;
    public bool Flapping { get; set; }
    public int TransitionsInWindow { get; set; }
    public DateTime? FlapWindowStart { get; set; }
    public long? OpenIncidentId { get; set; }
    /// <summary>TLS: the earliest expiry seen in the served chain.</summary>
    public DateTime? CertificateExpiresAt { get; set; }
}
