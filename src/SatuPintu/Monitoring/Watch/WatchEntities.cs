namespace SatuPintu.Monitoring.Watch;

/// <summary>One watched page of an OPD website (its home page by default), with its baselines.</summary>
public sealed class WatchTarget
{
    public long Id { get; set; }
    public int OpdId { get; set; }
    public Directory.Opd? Opd { get; set; }
    public required string Url { get; set; }
    /// <summary>Nothing is fetched while paused; targets made from the OPDs' websites start paused.</summary>
    public bool Paused { get; set; } = true;
    /// <summary>The page should not change (a profile, a contact page): its text is compared with the baseline.</summary>
    public bool ShouldNotChange { get; set; }
    public DateTime? NextDueAt { get; set; }
    public DateTime? LastInspectedAt { get; set; }
    /// <summary>HTTP status of the last fetch, or 0 when it failed.</summary>
    public int? LastStatus { get; set; }
    public string? LastError { get; set; }
    public int LastFindingCount { get; set; }
    /// <summary>SHA-256 of the normalised text of the baseline (for "should not change").</summary>
    public string? BaselineHash { get; set; }
    /// <summary>The normalised text of the baseline, cut to 64 KiB, for the tolerance comparison.</summary>
    public string? BaselineText { get; set; }
    /// <summary>The outbound domains seen on the first inspection and accepted since, space-separated.</summary>
    public string? BaselineDomains { get; set; }
}

/// <summary>Something the watch found: what, where, a snippet.</summary>
public sealed class WatchFinding
{
    public long Id { get; set; }
    public long TargetId { get; set; }
    public WatchTarget? Target { get; set; }
    /// <summary>See <see cref="FindingKinds"/>.</summary>
    public required string Kind { get; set; }
    /// <summary>The link, domain or phrase concerned; what "false alarm" puts on the allow list.</summary>
    public required string Subject { get; set; }
    public required string What { get; set; }
    public required string Where { get; set; }
    public required string Snippet { get; set; }
    public required string Url { get; set; }
    public DateTime FoundAt { get; set; }
    public DateTime LastSeenAt { get; set; }
    public long? IncidentId { get; set; }
    public bool FalseAlarm { get; set; }
    public string? ReviewedBy { get; set; }
}

/// <summary>A domain, link or phrase the admins judged harmless: never a finding again.</summary>
public sealed class WatchAllowEntry
{
    public long Id { get; set; }
    public required string Value { get; set; }
    public DateTime AddedAt { get; set; }
    public string? AddedBy { get; set; }
}

/// <summary>An admin's change to the shipped judol keyword list: a phrase added, or a shipped one switched off.</summary>
public sealed class WatchKeyword
{
    public long Id { get; set; }
    public required string Phrase { get; set; }
    /// <summary>True: the phrase counts even alone in visible text. False: only in hidden text and links.</summary>
    public bool Strong { get; set; } = true;
    /// <summary>A shipped phrase switched off.</summary>
    public bool Off { get; set; }
}

public static class FindingKinds
{
    public const string Keyword = "keyword";
    public const string HiddenLink = "hidden-link";
    public const string HiddenText = "hidden-text";
    public const string ObfuscatedLink = "obfuscated-link";
    public const string NewDomain = "new-domain";
    public const string Cloaking = "cloaking";
    public const string Drift = "drift";
    public const string Meta = "meta";
}
