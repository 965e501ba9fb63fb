using System.Collections.Concurrent;
using SatuPintu.Monitoring;

namespace SatuPintu.Tests.Monitoring;

/// <summary>Stands in for the monitoring engine's incident book (built beside this in another part): records each report, numbers them.</summary>
public sealed class RecordingIncidentBook : IIncidentBook
{
    private long _next = 1000;
    public ConcurrentQueue<WatchFindingReport> Reports { get; } = new();

    public Task<long> OpenForFindingAsync(WatchFindingReport report, CancellationToken cancellationToken)
    {
        Reports.Enqueue(report);
        return Task.FromResult(Interlocked.Increment(ref _next));
    }
}
