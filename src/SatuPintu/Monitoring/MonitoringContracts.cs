namespace SatuPintu.Monitoring;

/// <summary>The state of one check, as the API and the status page name it.</summary>
public enum CheckState
{
    Unknown,
    Up,
    Down,
    Unreachable,
    Paused,
    Maintenance,
}

/// <summary>
/// One alert-worthy event: a check changed state (raised by the engine), or the website watch
/// found an injection or defacement (raised by the watch). The alert dispatcher groups, delivers,
/// retries and logs them.
/// </summary>
/// <param name="Kind"><c>state</c> for a state change, <c>finding</c> for a website-watch finding.</param>
/// <param name="CheckId">The check concerned, when there is one.</param>
/// <param name="Name">The check's (or the watched website's) name, as people know it.</param>
/// <param name="OpdSlugs">The OPDs affected: their people get the alert.</param>
/// <param name="State">The new state (for a finding: <see cref="CheckState.Down"/>).</param>
/// <param name="At">When it was detected (UTC).</param>
/// <param name="IncidentId">The incident this belongs to, when one is open.</param>
/// <param name="Summary">One line in Indonesian, e.g. "Tautan Dinkes terputus".</param>
/// <param name="Evidence">What, where, a snippet (for findings), or the last error.</param>
public sealed record MonitorAlert(
    string Kind,
    long? CheckId,
    string Name,
    IReadOnlyList<string> OpdSlugs,
    CheckState State,
    DateTime At,
    long? IncidentId,
    string Summary,
    string? Evidence);

/// <summary>Where the engine and the website watch hand alerts for delivery (implemented by Monitoring/Alerts).</summary>
public interface IAlertSink
{
    /// <summary>Accepts the alert durably (it survives a restart) and returns; delivery happens in the background.</summary>
    Task PublishAsync(MonitorAlert alert, CancellationToken cancellationToken);
}

/// <summary>What the website watch found, handed to the incident book (implemented by the monitoring engine).</summary>
public sealed record WatchFindingReport(string Title, string OpdSlug, string Url, string Evidence, DateTime At);

/// <summary>Incidents with their timeline (implemented by the monitoring engine).</summary>
public interface IIncidentBook
{
    /// <summary>Opens (or returns the open) incident for a website-watch finding; returns its id.</summary>
    Task<long> OpenForFindingAsync(WatchFindingReport report, CancellationToken cancellationToken);
}
