using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SatuPintu.Monitoring;
using SatuPintu.Monitoring.Engine;
using SatuPintu.Monitoring.Samples;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Monitoring;

/// <summary>
/// Raw samples in day stores, hour and day rollups, and the raw window dropping whole days, driven by
/// the fake clock; the public status JSON reads the rollups and shows no target address.
/// </summary>
public abstract class MonitoringStoreTests(MonitoringApp app) : WithPersonas(app)
{
    [Fact]
    public async Task Rounds_roll_up_by_hour_and_day_and_old_raw_days_are_dropped_whole()
    {
        using var target = new TcpTarget();
        var admin = Personas.Api(app, People.Admin);
        // Checks left running by earlier classes on this host would run in each of the 52 rounds below,
        // some against servers already gone (a DNS probe waits out its timeout): pause them first.
        await app.PauseRunningChecksAsync(admin);
        using var created = await admin.PostAsJsonAsync("/api/v1/monitoring/checks",
            new { name = "Rollup " + Guid.NewGuid().ToString("N")[..8], kind = "tcp", target = target.Target, intervalSeconds = 1800, opd = "dinkes" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var store = app.Services.GetRequiredService<ISampleStore>();
        var rollups = app.Services.GetRequiredService<Rollups>();
        // 26 hours of rounds, one every 30 minutes, the target down for the second half of each hour.
        var firstDay = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        for (var round = 0; round < 26 * 2; round++)
        {
            app.Clock.Advance(TimeSpan.FromMinutes(30));
            var down = app.Clock.GetUtcNow().Minute >= 30;
            if (down)
            {
                target.Stop();
            }
            await app.RoundAsync(0);
            if (down)
            {
                target.Start();
            }
        }
        await rollups.RunAsync(CancellationToken.None);
        var hours = await app.WithDbAsync(db => db.MonitorRollups.Where(r => r.CheckId == id && r.Period == RollupPeriod.Hour).OrderBy(r => r.Start).ToListAsync());
        Assert.InRange(hours.Count, 24, 26);
        var full = hours[1..^1];
        Assert.All(full, h => Assert.Equal(2, h.Up + h.Down));
        Assert.All(full, h => Assert.Equal(1, h.Down));
        Assert.All(full, h => Assert.NotNull(h.P95RttMs));
        var day = await app.WithDbAsync(db => db.MonitorRollups.FirstOrDefaultAsync(r => r.CheckId == id && r.Period == RollupPeriod.Day));
        Assert.NotNull(day);
        Assert.Equal(hours.Where(h => h.Start.Date == day.Start).Sum(h => h.Down), day.Down);

        var status = await Personas.Api(app, null).GetFromJsonAsync<JsonElement>("/api/v1/status");
        var raw = status.GetRawText();
        Assert.DoesNotContain(target.Address.ToString(), raw, StringComparison.Ordinal);
        var dinkes = status.GetProperty("opds").EnumerateArray().Single(o => o.GetProperty("slug").GetString() == "dinkes");
        Assert.Contains(dinkes.GetProperty("others").EnumerateArray(), c => c.GetProperty("id").GetInt64() == id);

        // Past the raw window: whole days are gone, rollups stay.
        Assert.Contains(firstDay, await store.DaysAsync(CancellationToken.None));
        app.Clock.Advance(TimeSpan.FromDays(9));
        await rollups.RunAsync(CancellationToken.None);
        Assert.DoesNotContain(firstDay, await store.DaysAsync(CancellationToken.None));
        var lastHour = hours[^1].Start;
        Assert.Equal(hours.Count, await app.WithDbAsync(db => db.MonitorRollups.CountAsync(r => r.CheckId == id && r.Period == RollupPeriod.Hour && r.Start <= lastHour)));
        // The OPD page shows the live state.
        Assert.Contains("Status sekarang", await Personas.Api(app, null).GetStringAsync(new Uri("/opd/dinkes", UriKind.Relative)), StringComparison.Ordinal);
        await admin.PostAsync(new Uri($"/api/v1/monitoring/checks/{id}/pause", UriKind.Relative), null);
    }

    [Fact]
    public void Rounds_keep_their_absolute_phase()
    {
        var phase = 1234L;
        var next = Schedule.NextAfter(phase, 30, 1_000_000);
        Assert.Equal(0, (next - phase) % 30_000);
        Assert.True(next > 1_000_000 && next <= 1_030_000);
        // A round that ran late does not shift the next one.
        Assert.Equal(next + 30_000, Schedule.NextAfter(phase, 30, next + 12_345));
    }
}

[Collection(MonitoringHosts.Sqlite)]
public sealed class SqliteMonitoringStoreTests(SqliteMonitoringApp app) : MonitoringStoreTests(app);

[Collection(MonitoringHosts.Postgres)]
public sealed class PostgresMonitoringStoreTests(PostgresMonitoringApp app) : MonitoringStoreTests(app);
