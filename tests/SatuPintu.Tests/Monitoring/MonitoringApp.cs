using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SatuPintu.Monitoring;
using SatuPintu.Monitoring.Engine;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Monitoring;

/// <summary>Records what the engine publishes, in order.</summary>
public sealed class RecordingAlertSink : IAlertSink
{
    public ConcurrentQueue<MonitorAlert> Alerts { get; } = new();

    public Task PublishAsync(MonitorAlert alert, CancellationToken cancellationToken)
    {
        Alerts.Enqueue(alert);
        return Task.CompletedTask;
    }

    public List<MonitorAlert> For(long checkId) => [.. Alerts.Where(a => a.CheckId == checkId)];
}

/// <summary>
/// A host whose clock is a <see cref="FakeTimeProvider"/> and whose scheduler loop is off: tests drive
/// rounds with <see cref="RoundAsync"/>, so K/M, rollups and the raw window need no waiting.
/// </summary>
public class MonitoringApp : SatuPintuApp
{
    public PooledFakeClock Clock { get; }
    public RecordingAlertSink Sink { get; } = new();

    protected MonitoringApp(bool postgres, Dictionary<string, string?>? extra = null, PooledFakeClock? clock = null)
        : base(postgres, new(extra ?? []) { ["SatuPintu:Monitoring:Enabled"] = "false", ["SatuPintu:Monitoring:ProbeTimeoutMilliseconds"] = "1000" })
    {
        Clock = clock ?? new(TimeProvider.System.GetUtcNow());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
            s.AddSingleton<IAlertSink>(Sink);
        });
    }

    /// <summary>Moves the clock on by <paramref name="seconds"/> and runs every round that fell due, results written.</summary>
    public async Task RoundAsync(int seconds = 5)
    {
        Clock.Advance(TimeSpan.FromSeconds(seconds));
        await Services.GetRequiredService<CheckRunner>().RunDueAsync(CancellationToken.None);
    }

    /// <summary>Pauses, through the API as <paramref name="admin"/>, every check that earlier classes left running on this shared host.</summary>
    public async Task PauseRunningChecksAsync(HttpClient admin)
    {
        foreach (var other in await WithDbAsync(db => db.MonitorChecks.Where(c => !c.Paused).Select(c => c.Id).ToListAsync()))
        {
            using var paused = await admin.PostAsync(new Uri($"/api/v1/monitoring/checks/{other}/pause", UriKind.Relative), null);
            Xunit.Assert.Equal(System.Net.HttpStatusCode.OK, paused.StatusCode);
        }
    }
}

public sealed class SqliteMonitoringApp() : MonitoringApp(postgres: false);

public sealed class PostgresMonitoringApp() : MonitoringApp(postgres: true);

/// <summary>Another web node on the same PostgreSQL database as <paramref name="first"/>, on the same (fake) clock.</summary>
public sealed class SecondNode(MonitoringApp first)
    : MonitoringApp(postgres: false, new() { ["ConnectionStrings:Postgres"] = first.PostgresConnectionString }, first.Clock);

public static class MonitoringHosts
{
    public const string Sqlite = "monitoring host: sqlite";
    public const string Postgres = "monitoring host: postgres";
}

[CollectionDefinition(MonitoringHosts.Sqlite)]
public sealed class SqliteMonitoringHost : ICollectionFixture<SqliteMonitoringApp>;

[CollectionDefinition(MonitoringHosts.Postgres)]
public sealed class PostgresMonitoringHost : ICollectionFixture<PostgresMonitoringApp>;
