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
    private readonly Counter _probes;
    private readonly Gauge _state;
    private readonly Gauge _rtt;

    public MonitorMetrics()
    {
        Registry = Metrics.NewCustomRegistry();
        var f = Metrics.WithCustomRegistry(Registry);
        _probes = f.CreateCounter("satupintu_monitor_probes_total", "Probe rounds by kind and result.", "kind", "result");
        _state = f.CreateGauge("satupintu_monitor_check_up", "1 when the check is UP, 0 when DOWN or UNREACHABLE.", "check", "name", "kind");
        _rtt = f.CreateGauge("satupintu_monitor_check_rtt_milliseconds", "Last round trip of the check.", "check", "name", "kind");
    }

    public CollectorRegistry Registry { get; }

    public long StartedCount => Interlocked.Read(ref _started);

    public void ProbeStarted(CheckKind kind) => Interlocked.Increment(ref _started);

    public void Observe(Check check, Verdict verdict, ProbeResult result)
    {
        var kind = check.Kind.ToString().ToLowerInvariant();
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
