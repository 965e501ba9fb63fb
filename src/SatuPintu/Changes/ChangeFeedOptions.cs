using System.ComponentModel.DataAnnotations;

namespace SatuPintu.Changes;

/// <summary>Settings under "SatuPintu:ChangeFeed".</summary>
public sealed class ChangeFeedOptions
{
    public const string Section = "SatuPintu:ChangeFeed";

    /// <summary>How often each node reads the feed for writes by other processes and nodes.</summary>
    [Range(50, 10_000)]
    public int PollMilliseconds { get; set; } = 250;

    /// <summary>How long a local writer waits for this node's consumers, so it reads its own write.</summary>
    [Range(0, 30_000)]
    public int ReadYourWriteMilliseconds { get; set; } = 3000;

    /// <summary>
    /// A missing id (a transaction that took an id and has not committed, or rolled back) is waited for
    /// this long before the reader moves past it.
    /// </summary>
    [Range(1, 3600)]
    public int GapSeconds { get; set; } = 30;

    /// <summary>Feed rows older than this are deleted.</summary>
    [Range(1, 365)]
    public int KeepDays { get; set; } = 7;
}
