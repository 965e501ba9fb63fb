using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SatuPintu.Monitoring.Engine;
using SatuPintu.Monitoring.Probes;
using SatuPintu.Monitoring.Samples;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Monitoring;

/// <summary>
/// Two web nodes on one PostgreSQL database: each round of each check runs on exactly one node
/// (claimed with SKIP LOCKED), and when one node stops the other runs every check from the next round.
/// </summary>
public sealed class MultiNodeTests : IAsyncLifetime
{
    private readonly PostgresMonitoringApp _a = new();
    private SecondNode _b = null!;

    public async Task InitializeAsync()
    {
        _ = _a.Services;
        _b = new SecondNode(_a);
        _ = _b.Services;
        await Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
    }

    [Fact]
    public async Task Each_check_runs_once_per_round_the_canary_is_seen_by_both_and_a_stopped_node_hands_its_checks_over()
    {
        using var target = new TcpTarget();
        var admin = Personas.Api(_a, (await _a.PeopleAsync()).Admin);
        var ids = new List<long>();
        for (var i = 0; i < 30; i++)
        {
            using var r = await admin.PostAsJsonAsync("/api/v1/monitoring/checks", new { name = $"Simpul {i}", kind = "tcp", target = target.Target, intervalSeconds = 5 });
            ids.Add((await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());
        }
        var start = _a.Clock.GetUtcNow().UtcDateTime;
        const int rounds = 4;
        for (var i = 0; i < rounds; i++)
        {
            _a.Clock.Advance(TimeSpan.FromSeconds(5));
            // One claim may take every due check (an idle machine lets the first node win each race), so
            // each node runs one round alone; the other rounds race both nodes for the same checks.
            await (i switch { 0 => _a.RoundAsync(0), 1 => _b.RoundAsync(0), _ => Task.WhenAll(_a.RoundAsync(0), _b.RoundAsync(0)) });
        }
        var store = _a.Services.GetRequiredService<ISampleStore>();
        var samples = (await store.ReadAsync(start, _a.Clock.GetUtcNow().UtcDateTime.AddSeconds(1), CancellationToken.None)).Where(s => ids.Contains(s.CheckId)).ToList();
        Assert.All(ids, id => Assert.Equal(rounds, samples.Count(s => s.CheckId == id)));
        Assert.True(_a.Services.GetRequiredService<MonitorMetrics>().StartedCount > 0);
        Assert.True(_b.Services.GetRequiredService<MonitorMetrics>().StartedCount > 0, "the second node ran the round it had alone");

        await CutOffIsSharedAsync(admin, ids[0]);

        await _b.DisposeAsync();
        var handedOver = _a.Clock.GetUtcNow().UtcDateTime.AddMilliseconds(1);
        _a.Clock.Advance(TimeSpan.FromSeconds(5));
        await _a.RoundAsync(0);
        samples = [.. (await store.ReadAsync(handedOver, _a.Clock.GetUtcNow().UtcDateTime.AddSeconds(1), CancellationToken.None)).Where(s => ids.Contains(s.CheckId))];
        Assert.All(ids, id => Assert.Single(samples, s => s.CheckId == id));
    }

    /// <summary>Node A judges the failing canary, node B a check behind it: B knows the monitor is cut off.</summary>
    private async Task CutOffIsSharedAsync(HttpClient admin, long checkId)
    {
        using var r = await admin.PostAsJsonAsync("/api/v1/monitoring/checks", new { name = "Kanari bersama", kind = "tcp", target = "127.0.0.1:9", intervalSeconds = 5, canary = true });
        var canary = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        try
        {
            var at = _a.Clock.GetUtcNow().UtcDateTime;
            foreach (var (node, id) in new[] { ((MonitoringApp)_a, canary), (_b, checkId) })
            {
                var writer = node.Services.GetRequiredService<ResultWriter>();
                await writer.EnqueueAsync(new ProbeOutcome(id, at, ProbeResult.Fail("uji: tidak terjangkau")), CancellationToken.None);
                await writer.FlushAsync(CancellationToken.None);
            }
            var status = await _a.WithDbAsync(db => db.MonitorCheckStatus.AsNoTracking().SingleAsync(s => s.CheckId == checkId));
            Assert.Equal(Judge.CutOffError, status.LastError);
        }
        finally
        {
            using var _ = await admin.PostAsync(new Uri($"/api/v1/monitoring/checks/{canary}/pause", UriKind.Relative), null);
        }
    }
}
