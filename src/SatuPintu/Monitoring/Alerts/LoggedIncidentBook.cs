namespace SatuPintu.Monitoring.Alerts;

/// <summary>
/// Stands in for the monitoring engine's incident book where it is not registered: logs the finding and
/// returns 0 (no incident), so the website watch still records and alerts.
/// </summary>
public sealed class LoggedIncidentBook(ILogger<LoggedIncidentBook> log) : IIncidentBook
{
    public Task<long> OpenForFindingAsync(WatchFindingReport report, CancellationToken cancellationToken)
    {
        log.LogWarning("Website-watch finding for {Opd} at {Url}: {Title}", report.OpdSlug, report.Url, report.Title);
        return Task.FromResult(0L);
    }
}
