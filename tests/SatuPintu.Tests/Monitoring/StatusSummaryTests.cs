using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SatuPintu.Monitoring;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Monitoring;

/// <summary>
/// /status at scale: one row per OPD whose size does not grow with its checks, the checks on the
/// OPD's own page (paged, targets for admins only), the JSON summary and detail, bad pages refused
/// in Indonesian, the cache dropped on a state change and kept on a plain sample, and checks created
/// all at once through the API each answered 201.
/// </summary>
public abstract class StatusSummaryTests(MonitoringApp app) : WithPersonas(app)
{
    private static string Tag() => Guid.NewGuid().ToString("N")[..6];

    private async Task<string> OpdAsync(int skip) => await app.WithDbAsync(db => db.Opds.OrderBy(o => o.Id).Skip(skip).Select(o => o.Slug).FirstAsync());

    private async Task<List<Check>> SeedAsync(string slug, string tag, int extra)
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        return await app.WithDbAsync(async db =>
        {
            var opd = await db.Opds.SingleAsync(o => o.Slug == slug);
            Check Make(string name, CheckKind kind, string target, bool shown = true) => new()
            {
                Name = $"{name} {tag}", Kind = kind, Target = target, OpdId = opd.Id, Paused = true, Public = shown, IntervalSeconds = 86400,
                NextDueMs = long.MaxValue / 2, Status = new CheckStatus { State = CheckState.Up, Since = now.AddDays(-1), LastCheckedAt = now },
            };
            List<Check> checks = [Make("Tautan", CheckKind.Icmp, "127.0.0.61"), Make("Situs", CheckKind.Http, "http://127.0.0.62:8080/"),
                Make("Port", CheckKind.Tcp, "127.0.0.63:22"), Make("Tersembunyi", CheckKind.Tcp, "127.0.0.64:65001", shown: false),
                .. Enumerable.Range(0, extra).Select(i => Make($"Tambahan {i:000}", CheckKind.Tcp, $"127.0.0.65:{1000 + i}"))];
            db.MonitorChecks.AddRange(checks);
            await db.SaveChangesAsync();
            for (var d = 1; d <= 30; d++)
            {
                db.MonitorRollups.Add(new CheckRollup { CheckId = checks[0].Id, Period = RollupPeriod.Day, Start = now.Date.AddDays(-d), Up = d == 3 ? 1000 : 1440, Down = d == 3 ? 440 : 0 });
            }
            await db.SaveChangesAsync();
            // Shown only now: the seeded checks are never probed (due far ahead), and the writer's path of a change is taken by hand.
            await db.MonitorChecks.Where(c => c.Name.EndsWith(tag)).ExecuteUpdateAsync(u => u.SetProperty(c => c.Paused, false));
            return checks;
        });
    }

    private Task ChangedAsync() => app.Services.GetRequiredService<StatusCache>().ChangedAsync([], CancellationToken.None);

    [Fact]
    public async Task Status_is_one_row_per_opd_and_the_checks_are_on_its_own_page()
    {
        var slug = await OpdAsync(4);
        var tag = Tag();
        var checks = await SeedAsync(slug, tag, 0);
        await ChangedAsync();
        var anyone = Personas.Api(app, null);
        var summary = await anyone.GetOkAsync("/status");
        Assert.Contains($"id=\"opd-{slug}\"", summary, StringComparison.Ordinal);
        Assert.Contains($"href=\"/status/{slug}\"", summary, StringComparison.Ordinal);
        Assert.DoesNotContain(checks[0].Name, summary, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.6", summary, StringComparison.Ordinal);

        // 60 more checks in the OPD: its row says so, and hardly grows.
        var tag2 = Tag();
        var more = await SeedAsync(slug, tag2, 60);
        await ChangedAsync();
        var bigger = await anyone.GetOkAsync("/status");
        Assert.InRange(bigger.Length - summary.Length, -200, 200);

        // 50 a page by name: the pager links the rest.
        var first = await anyone.GetOkAsync($"/status/{slug}");
        Assert.Contains(checks[2].Name, first, StringComparison.Ordinal);
        Assert.Contains("halaman=2", first, StringComparison.Ordinal);
        var page = await anyone.GetOkAsync($"/status/{slug}?per=100");
        Assert.Contains(checks[0].Name, page, StringComparison.Ordinal);
        Assert.Contains(checks[1].Name, page, StringComparison.Ordinal);
        Assert.DoesNotContain(checks[3].Name, page, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.6", page, StringComparison.Ordinal);
        Assert.Contains("hari di bawah 95%", page, StringComparison.Ordinal);

        var admin = await Personas.SignInAsync(app, People.Admin.Email);
        var adminPage = await admin.GetOkAsync($"/status/{slug}?per=100&semua=1");
        Assert.Contains(checks[3].Name, adminPage, StringComparison.Ordinal);
        Assert.Contains("127.0.0.64:65001", adminPage, StringComparison.Ordinal);
        Assert.Contains("tidak tampil untuk publik", adminPage, StringComparison.Ordinal);

        using var badNumber = await anyone.GetAsync(new Uri($"/status/{slug}?halaman=dua", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, badNumber.StatusCode);
        Assert.Contains("Nomor halaman", await badNumber.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var pastEnd = await anyone.GetAsync(new Uri($"/status/{slug}?halaman=999", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, pastEnd.StatusCode);
        Assert.Contains("tidak ada", await pastEnd.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var unknown = await anyone.GetAsync(new Uri("/status/tidak-ada-opd-ini", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        var json = await anyone.GetFromJsonAsync<JsonElement>("/api/v1/status");
        Assert.DoesNotContain("127.0.0.6", json.GetRawText(), StringComparison.Ordinal);
        var row = json.GetProperty("opds").EnumerateArray().Single(o => o.GetProperty("slug").GetString() == slug);
        // Both seeds gave the OPD a website check, both up: the worst of the two is either.
        Assert.Contains(row.GetProperty("website").GetProperty("name").GetString(), new[] { checks[1].Name, more[1].Name });
        Assert.Equal("up", row.GetProperty("connection").GetProperty("state").GetString());
        Assert.Equal(90, row.GetProperty("days").GetArrayLength());
        Assert.True(row.GetProperty("othersTotal").GetInt32() >= 61);
        Assert.InRange(row.GetProperty("others").GetArrayLength(), 1, 20);
        var detail = await anyone.GetFromJsonAsync<JsonElement>($"/api/v1/status/{slug}?per=100");
        Assert.DoesNotContain("127.0.0.6", detail.GetRawText(), StringComparison.Ordinal);
        var listed = detail.GetProperty("checks").EnumerateArray().ToList();
        Assert.Contains(listed, c => c.GetProperty("id").GetInt64() == more[^1].Id);
        Assert.DoesNotContain(listed, c => c.GetProperty("id").GetInt64() == checks[3].Id);
        Assert.All(listed, c => Assert.Equal(90, c.GetProperty("days").GetArrayLength()));
        using var badJson = await anyone.GetAsync(new Uri($"/api/v1/status/{slug}?halaman=0", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);

        await app.WithDbAsync(db => db.MonitorChecks.Where(c => c.Name.EndsWith(tag) || c.Name.EndsWith(tag2)).ExecuteUpdateAsync(u => u.SetProperty(c => c.Paused, true)));
        await ChangedAsync();
    }

    [Fact]
    public async Task A_state_change_drops_the_cached_status_and_a_plain_sample_keeps_it()
    {
        using var target = new TcpTarget();
        var admin = Personas.Api(app, People.Admin);
        await app.PauseRunningChecksAsync(admin);
        var slug = await OpdAsync(5);
        using var created = await admin.PostAsJsonAsync("/api/v1/monitoring/checks",
            new { name = "Status langsung " + Tag(), kind = "tcp", target = target.Target, intervalSeconds = 5, opd = slug, failuresToDown = 1, successesToUp = 1 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        await app.RoundAsync(5);
        var anyone = Personas.Api(app, null);
        string RowOf(string html)
        {
            var at = html.IndexOf($"id=\"opd-{slug}\"", StringComparison.Ordinal);
            Assert.True(at >= 0, $"no row for {slug} on /status");
            return html.Substring(at, Math.Min(400, html.Length - at));
        }
        Assert.Contains("Normal", RowOf(await anyone.GetOkAsync("/status")), StringComparison.Ordinal);
        var cache = app.Services.GetRequiredService<StatusCache>();
        var before = await app.WithDbAsync(db => cache.GetAsync(db, app.Clock.GetUtcNow().UtcDateTime, CancellationToken.None));
        await app.RoundAsync(5);
        Assert.Same(before, await app.WithDbAsync(db => cache.GetAsync(db, app.Clock.GetUtcNow().UtcDateTime, CancellationToken.None)));
        target.Stop();
        await app.RoundAsync(5);
        Assert.Contains("Terputus", RowOf(await anyone.GetOkAsync("/status")), StringComparison.Ordinal);
        var json = await anyone.GetFromJsonAsync<JsonElement>("/api/v1/status");
        Assert.Equal("down", json.GetProperty("opds").EnumerateArray().Single(o => o.GetProperty("slug").GetString() == slug).GetProperty("state").GetString());
        using var pause = await admin.PostAsync(new Uri($"/api/v1/monitoring/checks/{id}/pause", UriKind.Relative), null);
    }

    [Fact]
    public async Task A_state_written_by_another_node_shows_within_the_recheck_and_requests_between_read_nothing()
    {
        var slug = await OpdAsync(7);
        var tag = Tag();
        var checks = await SeedAsync(slug, tag, 0);
        await ChangedAsync();
        var cache = app.Services.GetRequiredService<StatusCache>();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var before = await app.WithDbAsync(db => cache.GetAsync(db, now, CancellationToken.None));
        Assert.Equal(CheckState.Up, before.Find(slug)!.Checks.Single(c => c.Id == checks[0].Id).State);
        // Another node judged the link down: its row changes, this node's memory does not know.
        await app.WithDbAsync(db => db.MonitorCheckStatus.Where(s => s.CheckId == checks[0].Id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.State, CheckState.Down).SetProperty(s => s.Since, now.AddSeconds(1))));
        Assert.Same(before, await app.WithDbAsync(db => cache.GetAsync(db, now, CancellationToken.None)));
        app.Clock.Advance(StatusCache.Recheck);
        var after = await app.WithDbAsync(db => cache.GetAsync(db, app.Clock.GetUtcNow().UtcDateTime, CancellationToken.None));
        Assert.Equal(CheckState.Down, after.Find(slug)!.Checks.Single(c => c.Id == checks[0].Id).State);
        await app.WithDbAsync(db => db.MonitorChecks.Where(c => c.Name.EndsWith(tag)).ExecuteUpdateAsync(u => u.SetProperty(c => c.Paused, true)));
        await ChangedAsync();
    }

    [Fact]
    public async Task Checks_created_all_at_once_are_each_answered_201()
    {
        var admin = Personas.Api(app, People.Admin);
        var tag = Tag();
        // Not the OPD the page test pages through: 48 more checks there would push its hidden one off the page.
        var opd = await OpdAsync(6);
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async worker =>
        {
            var mine = new List<(HttpStatusCode, string)>();
            for (var i = 0; i < 6; i++)
            {
                using var r = await admin.PostAsJsonAsync("/api/v1/monitoring/checks",
                    new { name = $"Serentak {tag} {worker}-{i}", kind = "icmp", target = $"127.0.{worker}.{i + 1}", intervalSeconds = 30, opd, paused = true });
                mine.Add((r.StatusCode, await r.Content.ReadAsStringAsync()));
            }
            return mine;
        }).Append(Task.Run(async () =>
        {
            await app.RoundAsync(1);
            return new List<(HttpStatusCode, string)>();
        })));
        var all = answers.SelectMany(a => a).ToList();
        Assert.All(all, a => Assert.True(a.Item1 == HttpStatusCode.Created, $"{(int)a.Item1}: {a.Item2}"));
        var ids = all.Select(a => JsonDocument.Parse(a.Item2).RootElement.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(48, ids.Distinct().Count());
        Assert.Equal(48, await app.WithDbAsync(db => db.MonitorChecks.CountAsync(c => c.Name.StartsWith($"Serentak {tag} ") && c.Paused)));
    }
}

[Collection(MonitoringHosts.Sqlite)]
public sealed class SqliteStatusSummaryTests(SqliteMonitoringApp app) : StatusSummaryTests(app);

[Collection(MonitoringHosts.Postgres)]
public sealed class PostgresStatusSummaryTests(PostgresMonitoringApp app) : StatusSummaryTests(app);
