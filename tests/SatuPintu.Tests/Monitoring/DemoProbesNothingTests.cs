using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SatuPintu.Monitoring;
using SatuPintu.Monitoring.Engine;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Monitoring;

/// <summary>
/// A fresh demo host with the scheduler running: the seeded checks exist (registry links and OPD
/// websites) and are all paused, and after several scheduler passes not one probe was started.
/// </summary>
[Collection(Hosts.SqlitePortal)]
public sealed class DemoProbesNothingTests(SqliteApp app)
{
    [Fact]
    public async Task A_fresh_demo_runs_no_check()
    {
        var checks = await app.WithDbAsync(db => db.MonitorChecks.AsNoTracking().ToListAsync());
        Assert.NotEmpty(checks);
        Assert.Contains(checks, c => c.Kind == CheckKind.Icmp && c.NetworkLinkId is not null);
        Assert.All(checks, c => Assert.True(c.Paused, c.Name));
        var runner = app.Services.GetRequiredService<CheckRunner>();
        var metrics = app.Services.GetRequiredService<MonitorMetrics>();
        var passes = runner.Passes;
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (runner.Passes < passes + 3)
        {
            runner.Wake();
            await Task.Delay(50, limit.Token);
        }
        Assert.Equal(0, metrics.StartedCount);
    }
}
