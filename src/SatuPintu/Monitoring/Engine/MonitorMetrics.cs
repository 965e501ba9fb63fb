using Prometheus;
using SatuPintu.Monitoring.Probes;

namespace SatuPintu.Monitoring.Engine;

/// <summary>
/// The engine's figures for /metrics (prometheus-net, a registry per app so test hosts in one process
/// stay apart) and the count of probes started, which a test of the demo reads to prove none ran.
/// </summary>
public sealed class MonitorMetrics
{
    private long _started;
    private long _batches;
    private readonly Counter _probes;
    private readonly Gauge _state;
    private readonly Gauge _rtt;
    private readonly Histogram _lag;
    private readonly Counter _writes;

    public MonitorMetrics()
    {
        Registry = Metrics.NewCustomRegistry();
        var f = Metrics.WithCustomRegistry(Registry);
        _probes = f.CreateCounter("satupintu_monitor_probes_total", "Probe rounds by kind and result.", "kind", "result");
        _state = f.CreateGauge("satupintu_monitor_check_up", "1 when the check is UP, 0 when DOWN or UNREACHABLE.", "check", "name", "kind");
        _lag = f.CreateHistogram("satupintu_monitor_schedule_lag_seconds", "From the round's due time to its probe starting, by kind.",
            new HistogramConfiguration { LabelNames = ["kind"], Buckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
        _writes = f.CreateCounter("satupintu_monitor_write_batches_total", "Batches of results written (each a transaction and a sample append).");
        _rtt = f.CreateGauge("satupintu_monitor_check_rtt_milliseconds", "Last round trip of the check.", "check", "name", "kind");
    }

    public CollectorRegistry Registry { get; }

    public long StartedCount => Interlocked.Read(ref _started);

    /// <summary>Batches of results written so far (a test proves a trickle of results is one write).</summary>
    public long WriteBatches => Interlocked.Read(ref _batches);

    public void BatchWritten()
    {
        Interlocked.Increment(ref _batches);
        _writes.Inc();
    }

    public void ProbeStarted(CheckKind kind, long lagMs)
    {
        Interlocked.Increment(ref _started);
        _lag.WithLabels(Label(kind)).Observe(Math.Max(0, lagMs) / 1000.0);
    }

    private static string Label(CheckKind kind) => kind switch
    {
        CheckKind.Icmp => "icmp",
        CheckKind.Tcp => "tcp",
        CheckKind.Http => "http",
        _ => "dns",
    };

    public void Observe(Check check, Verdict verdict, ProbeResult result)
    {
        var kind = Label(check.Kind);
        _probes.WithLabels(kind, result.Ok ? "ok" : "fail").Inc();
        var id = check.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (verdict.To is CheckState.Up or CheckState.Down or CheckState.Unreachable)
        {
            _state.WithLabels(id, check.Name, kind).Set(verdict.To == CheckState.Up ? 1 : 0);
        }
        if (result.RttMs is { } rtt)
        {
            _rtt.WithLabels(id, check.Name, kind).Set(rtt);
        }
    }
}
