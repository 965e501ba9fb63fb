using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using SatuPintu.Monitoring;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Monitoring.Watch;

/// <summary>
/// A fresh demo app on a fake clock with a recording incident book, and a loopback web server standing
/// in for OPD websites: each path serves one page to browsers and (when set) another to Googlebot.
/// </summary>
public abstract class WatchHost(bool postgres) : IAsyncLifetime
{
    public PooledFakeClock Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero));
    public RecordingIncidentBook Incidents { get; } = new();
    public HttpSink Sites { get; private set; } = null!;
    public Node App { get; private set; } = null!;

    /// <summary>Path → (page for browsers, page for Googlebot or null for the same).</summary>
    public ConcurrentDictionary<string, (string Browser, string? Crawler)> Pages { get; } = new();

    public async Task InitializeAsync()
    {
        Sites = await HttpSink.StartAsync();
        Sites.Respond = r =>
        {
            var path = r.Path.Split('?')[0];
            if (path == "/loop")
            {
                return (302, "text/plain", "/loop");
            }
            if (!Pages.TryGetValue(path, out var page))
            {
                return (404, "text/html", "<h1>Tidak ditemukan</h1>");
            }
            var crawler = r.UserAgent.Contains("Googlebot", StringComparison.Ordinal) && page.Crawler is not null;
            return (200, "text/html; charset=utf-8", crawler ? page.Crawler! : page.Browser);
        };
        var settings = new Dictionary<string, string?> { ["SatuPintu:Monitoring:Watch:TickSeconds"] = "3600", ["SatuPintu:Monitoring:Watch:Enabled"] = "false" };
        App = postgres
            ? Node.Fresh(postgres: true, settings, Clock, s => s.AddSingleton<IIncidentBook>(Incidents))
            : Node.Fresh(postgres: false, settings, Clock, s => s.AddSingleton<IIncidentBook>(Incidents));
        await App.WithDbAsync(db => Task.FromResult(0));
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Sites.DisposeAsync();
    }
}

public sealed class SqliteWatchHost() : WatchHost(postgres: false);

public sealed class PostgresWatchHost() : WatchHost(postgres: true);
