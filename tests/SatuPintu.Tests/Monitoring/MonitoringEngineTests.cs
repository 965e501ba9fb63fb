using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SatuPintu.Monitoring;
using SatuPintu.Monitoring.Engine;
using SatuPintu.Monitoring.Probes;
using SatuPintu.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SatuPintu.Tests.Monitoring;

/// <summary>
/// The engine against real targets on 127.x addresses, with a fake clock: K failures to DOWN and M
/// successes to UP with one alert each, topology (one alert for the parent), maintenance, the canary,
/// HTTP keyword and status, DNS against a responder of the test, ICMP through the raw socket.
/// </summary>
public abstract class MonitoringEngineTests(MonitoringApp app, ITestOutputHelper output) : WithPersonas(app), IAsyncLifetime
{
    private readonly List<long> _created = [];

    private HttpClient Admin => Personas.Api(app, People.Admin);

    private async Task<long> AddAsync(object body)
    {
        using var response = await Admin.PostAsJsonAsync("/api/v1/monitoring/checks", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        _created.Add(id);
        return id;
    }

    /// <summary>The checks of a test stop with it: their targets are gone, and the next test's rounds must not wait on them.</summary>
    public new async Task DisposeAsync()
    {
        foreach (var id in _created)
        {
            using var _ = await Admin.PostAsync(new Uri($"/api/v1/monitoring/checks/{id}/pause", UriKind.Relative), null);
        }
    }

    private async Task<JsonElement> GetAsync(long id) => await Admin.GetFromJsonAsync<JsonElement>($"/api/v1/monitoring/checks/{id}");

    private async Task<string> StateAsync(long id) => (await GetAsync(id)).GetProperty("state").GetString()!;

    /// <summary>Rounds until every listed check has been judged at least <paramref name="rounds"/> more times.</summary>
    private async Task RoundsAsync(int rounds)
    {
        for (var i = 0; i < rounds; i++)
        {
            await app.RoundAsync(5);
        }
    }

    private static string Fresh(string name) => $"{name} {Guid.NewGuid():N}"[..30];

    [Fact]
    public async Task Tcp_goes_down_after_K_failures_and_up_after_M_successes_with_one_alert_each()
    {
        using var target = new TcpTarget();
        var id = await AddAsync(new { name = Fresh("Tautan uji"), kind = "tcp", target = target.Target, intervalSeconds = 5, opd = "dinkes" });
        Assert.Equal("unknown", await StateAsync(id));
        await RoundsAsync(2);
        Assert.Equal("up", await StateAsync(id));

        target.Stop();
        await RoundsAsync(2);
        Assert.Equal("up", await StateAsync(id));
        await RoundsAsync(1);
        Assert.Equal("down", await StateAsync(id));
        Assert.Contains("sambungan gagal", (await GetAsync(id)).GetProperty("lastError").GetString());
        var down = Assert.Single(app.Sink.For(id));
        Assert.Equal(CheckState.Down, down.State);
        Assert.Equal(["dinkes"], down.OpdSlugs);
        Assert.NotNull(down.IncidentId);
        await RoundsAsync(3);
        Assert.Single(app.Sink.For(id));

        target.Start();
        await RoundsAsync(1);
        Assert.Equal("down", await StateAsync(id));
        await RoundsAsync(1);
        Assert.Equal("up", await StateAsync(id));
        var alerts = app.Sink.For(id);
        Assert.Equal([CheckState.Down, CheckState.Up], alerts.Select(a => a.State));
        var incident = await app.WithDbAsync(db => db.MonitorIncidents.Include(i => i.Timeline).SingleAsync(i => i.CheckId == id));
        Assert.NotNull(incident.ResolvedAt);
        Assert.Equal(["detected", "resolved"], incident.Timeline.OrderBy(e => e.Id).Select(e => e.Kind));
    }

    [Fact]
    public async Task Children_of_a_down_parent_are_unreachable_with_one_alert_and_the_recovery_is_sent()
    {
        using var core = new TcpTarget();
        using var office1 = new TcpTarget();
        using var office2 = new TcpTarget();
        var parent = await AddAsync(new { name = Fresh("Tautan kecamatan"), kind = "tcp", target = core.Target, intervalSeconds = 5 });
        var child1 = await AddAsync(new { name = Fresh("Kantor A"), kind = "tcp", target = office1.Target, intervalSeconds = 5, parentId = parent, opd = "dinkes" });
        var child2 = await AddAsync(new { name = Fresh("Kantor B"), kind = "tcp", target = office2.Target, intervalSeconds = 5, parentId = parent, opd = "dinsos" });
        await RoundsAsync(2);
        Assert.Equal("up", await StateAsync(child1));

        // The upstream link fails: everything behind it stops answering too.
        core.Stop();
        office1.Stop();
        office2.Stop();
        await RoundsAsync(4);
        Assert.Equal("down", await StateAsync(parent));
        Assert.Equal("unreachable", await StateAsync(child1));
        Assert.Equal("unreachable", await StateAsync(child2));
        var ids = new[] { parent, child1, child2 };
        var alerts = app.Sink.Alerts.Where(a => ids.Contains(a.CheckId!.Value)).ToList();
        Assert.Equal(parent, Assert.Single(alerts).CheckId);
        var incident = await app.WithDbAsync(db => db.MonitorIncidents.Include(i => i.Opds).ThenInclude(o => o.Opd).Include(i => i.Timeline).SingleAsync(i => i.CheckId == parent));
        Assert.Equal(["dinkes", "dinsos"], incident.Opds.Select(o => o.Opd!.Slug).Order());
        Assert.Equal(2, incident.Timeline.Count(e => e.Kind == "unreachable"));

        core.Start();
        office1.Start();
        office2.Start();
        await RoundsAsync(2);
        Assert.Equal("up", await StateAsync(parent));
        Assert.Equal("up", await StateAsync(child1));
        alerts = [.. app.Sink.Alerts.Where(a => ids.Contains(a.CheckId!.Value))];
        Assert.Equal([(parent, CheckState.Down), (parent, CheckState.Up)], alerts.Select(a => (a.CheckId!.Value, a.State)));
    }

    [Fact]
    public async Task A_child_whose_result_comes_before_its_failing_parents_waits_and_is_unreachable_without_an_alert()
    {
        using var core = new TcpTarget();
        using var office = new TcpTarget();
        var parent = await AddAsync(new { name = Fresh("Tautan lambat"), kind = "tcp", target = core.Target, intervalSeconds = 5 });
        var child = await AddAsync(new { name = Fresh("Kantor cepat"), kind = "tcp", target = office.Target, intervalSeconds = 5, parentId = parent });
        await RoundsAsync(2);
        var writer = app.Services.GetRequiredService<ResultWriter>();
        async Task FailAsync(long id)
        {
            await writer.EnqueueAsync(new ProbeOutcome(id, app.Clock.GetUtcNow().UtcDateTime, ProbeResult.Fail("uji: waktu habis")), CancellationToken.None);
            await writer.FlushAsync(CancellationToken.None);
        }
        // Each round the child's result reaches the writer first, in a batch of its own.
        for (var round = 0; round < 3; round++)
        {
            app.Clock.Advance(TimeSpan.FromSeconds(5));
            await FailAsync(child);
            await FailAsync(parent);
        }
        app.Clock.Advance(TimeSpan.FromSeconds(5));
        await FailAsync(child);
        Assert.Equal("down", await StateAsync(parent));
        Assert.Equal("unreachable", await StateAsync(child));
        Assert.Equal([parent], app.Sink.Alerts.Where(a => a.CheckId == parent || a.CheckId == child).Select(a => a.CheckId!.Value));
    }

    [Fact]
    public async Task Results_that_trickle_in_are_gathered_into_one_write()
    {
        using var target = new TcpTarget();
        var id = await AddAsync(new { name = Fresh("Tetes hasil"), kind = "tcp", target = target.Target, intervalSeconds = 5 });
        await RoundsAsync(1);
        var writer = app.Services.GetRequiredService<ResultWriter>();
        var metrics = app.Services.GetRequiredService<MonitorMetrics>();
        var before = metrics.WriteBatches;
        // Ten results a few milliseconds apart, well within the gather window: one transaction, not ten.
        for (var i = 0; i < 10; i++)
        {
            app.Clock.Advance(TimeSpan.FromMilliseconds(5));
            await writer.EnqueueAsync(new ProbeOutcome(id, app.Clock.GetUtcNow().UtcDateTime, new ProbeResult(true, 1, 0, null)), CancellationToken.None);
            await Task.Yield();
        }
        await writer.FlushAsync(CancellationToken.None);
        Assert.Equal(1, metrics.WriteBatches - before);
        Assert.Equal("up", await StateAsync(id));
    }

    [Fact]
    public async Task A_maintenance_window_silences_and_counts_apart()
    {
        using var target = new TcpTarget();
        var id = await AddAsync(new { name = Fresh("Dalam pemeliharaan"), kind = "tcp", target = target.Target, intervalSeconds = 5 });
        await RoundsAsync(1);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await app.WithDbAsync(async db =>
        {
            db.MonitorMaintenanceWindows.Add(new MaintenanceWindow { Title = "Ganti perangkat", CheckId = id, StartsAt = now, EndsAt = now.AddMinutes(10), CreatedAt = now });
            return await db.SaveChangesAsync();
        });
        target.Stop();
        await RoundsAsync(5);
        Assert.Equal("maintenance", await StateAsync(id));
        Assert.Empty(app.Sink.For(id));
    }

    [Fact]
    public async Task When_every_canary_fails_the_monitor_records_unknown_and_judges_nothing()
    {
        using var canaryTarget = new TcpTarget();
        using var target = new TcpTarget();
        var canary = await AddAsync(new { name = Fresh("Kanari"), kind = "tcp", target = canaryTarget.Target, intervalSeconds = 5, canary = true });
        var id = await AddAsync(new { name = Fresh("Di balik kanari"), kind = "tcp", target = target.Target, intervalSeconds = 5 });
        try
        {
            await RoundsAsync(2);
            Assert.Equal("up", await StateAsync(id));
            // The monitor's own uplink is cut: the canary and the target both stop answering.
            canaryTarget.Stop();
            target.Stop();
            await RoundsAsync(5);
            Assert.Equal("up", await StateAsync(id));
            Assert.Contains("pemantau sendiri terputus", (await GetAsync(id)).GetProperty("lastError").GetString());
            Assert.Empty(app.Sink.For(id));
        }
        finally
        {
            // Other tests on this host must not be judged as cut off.
            await Admin.PostAsync(new Uri($"/api/v1/monitoring/checks/{canary}/pause", UriKind.Relative), null);
        }
    }

    [Fact]
    public async Task Http_checks_status_and_keywords()
    {
        using var site = new HttpTarget { Body = "<p>Dinas Kesehatan Kabupaten Kepahiang</p>" };
        var ok = await AddAsync(new { name = Fresh("Situs uji"), kind = "http", target = site.Url, intervalSeconds = 5, keywordMust = "Kepahiang", failuresToDown = 1 });
        var banned = await AddAsync(new { name = Fresh("Situs judol"), kind = "http", target = site.Url, intervalSeconds = 5, keywordMustNot = "slot gacor", failuresToDown = 1 });
        await RoundsAsync(1);
        Assert.Equal("up", await StateAsync(ok));
        Assert.Equal("up", await StateAsync(banned));
        site.Body = "<p>Kepahiang</p><div style=\"display:none\">slot gacor</div>";
        await RoundsAsync(1);
        Assert.Equal("down", await StateAsync(banned));
        Assert.Contains("slot gacor", (await GetAsync(banned)).GetProperty("lastError").GetString());
        site.Status = 503;
        await RoundsAsync(1);
        Assert.Equal("down", await StateAsync(ok));
        Assert.Contains("503", (await GetAsync(ok)).GetProperty("lastError").GetString());
    }

    [Fact]
    public async Task Dns_asks_the_chosen_server()
    {
        using var dns = new DnsTarget();
        dns.Names["kepahiangkab.go.id"] = IPAddress.Parse("127.0.0.1");
        var known = await AddAsync(new { name = Fresh("DNS uji"), kind = "dns", target = "kepahiangkab.go.id", dnsServer = dns.Server, recordType = "A", intervalSeconds = 5 });
        var unknown = await AddAsync(new { name = Fresh("DNS tak ada"), kind = "dns", target = "tidak-ada.kepahiangkab.go.id", dnsServer = dns.Server, intervalSeconds = 5, failuresToDown = 1 });
        await RoundsAsync(1);
        Assert.Equal("up", await StateAsync(known));
        Assert.Equal("down", await StateAsync(unknown));
        Assert.True(dns.Queries >= 2);
    }

    [Fact]
    public async Task Icmp_echo_through_the_shared_socket_and_down_behind_an_nft_drop()
    {
        var address = Loopback.Fresh();
        var id = await AddAsync(new { name = Fresh("Ping uji"), kind = "icmp", target = address.ToString(), intervalSeconds = 5, failuresToDown = 3 });
        // A loaded machine may answer the first echoes late (the probe waits 1 s): one answered round is enough.
        var check = await GetAsync(id);
        for (var round = 0; round < 3 && check.GetProperty("state").GetString() != "up"; round++)
        {
            await RoundsAsync(1);
            check = await GetAsync(id);
        }
        if (check.GetProperty("state").GetString() != "up" && check.GetProperty("lastError").GetString()?.Contains("soket ICMP", StringComparison.Ordinal) == true)
        {
            output.WriteLine("SKIPPED: no ICMP socket here (needs CAP_NET_RAW or ping_group_range)");
            return;
        }
        Assert.Equal("up", check.GetProperty("state").GetString());
        using var drop = NftDrop.Try(address, out var why);
        if (drop is null)
        {
            output.WriteLine("SKIPPED the down half: " + why);
            return;
        }
        await RoundsAsync(3);
        check = await GetAsync(id);
        Assert.Equal("down", check.GetProperty("state").GetString());
        Assert.Equal(100, check.GetProperty("lastLossPercent").GetDouble());
    }

    [Fact]
    public async Task Bad_input_is_refused_with_the_field_and_nothing_is_written()
    {
        var before = await app.WithDbAsync(db => db.MonitorChecks.CountAsync());
        foreach (var (body, field) in new (object, string)[]
        {
            (new { name = "x", kind = "smtp", target = "127.0.0.1:25" }, "kind"),
            (new { name = "x", kind = "tcp", target = "127.0.0.1" }, "target"),
            (new { name = "x", kind = "tcp", target = "127.0.0.1:80", intervalSeconds = 1 }, "intervalSeconds"),
            (new { name = "x", kind = "dns", target = "kepahiangkab.go.id" }, "dnsServer"),
            (new { name = "", kind = "http", target = "http://127.0.0.1/" }, "name"),
            (new { name = "x", kind = "tcp", target = "127.0.0.1:80", opd = "tidak-ada" }, "opd"),
        })
        {
            using var response = await Admin.PostAsJsonAsync("/api/v1/monitoring/checks", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), field);
        }
        Assert.Equal(before, await app.WithDbAsync(db => db.MonitorChecks.CountAsync()));
    }

    [Fact]
    public async Task Pause_and_resume_through_the_api()
    {
        using var target = new TcpTarget();
        var id = await AddAsync(new { name = Fresh("Dijeda"), kind = "tcp", target = target.Target, intervalSeconds = 5 });
        using (var r = await Admin.PostAsync(new Uri($"/api/v1/monitoring/checks/{id}/pause", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        }
        await RoundsAsync(2);
        var paused = await GetAsync(id);
        Assert.Equal("paused", paused.GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, paused.GetProperty("lastCheckedAt").ValueKind);
        await Admin.PostAsync(new Uri($"/api/v1/monitoring/checks/{id}/resume", UriKind.Relative), null);
        await RoundsAsync(1);
        Assert.Equal("up", await StateAsync(id));
        var list = await Admin.GetFromJsonAsync<JsonElement>("/api/v1/monitoring/checks");
        Assert.Contains(list.EnumerateArray(), c => c.GetProperty("id").GetInt64() == id && c.TryGetProperty("parentId", out _));
    }
}

[Collection(MonitoringHosts.Sqlite)]
public sealed class SqliteMonitoringEngineTests(SqliteMonitoringApp app, ITestOutputHelper output) : MonitoringEngineTests(app, output);

[Collection(MonitoringHosts.Postgres)]
public sealed class PostgresMonitoringEngineTests(PostgresMonitoringApp app, ITestOutputHelper output) : MonitoringEngineTests(app, output);
