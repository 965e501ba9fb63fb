using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SatuPintu.Monitoring.Alerts;
using SatuPintu.Monitoring.Watch;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Monitoring.Watch;

/// <summary>
/// The website watch end to end against a loopback server standing in for OPD websites: a fresh demo
/// fetches nothing; an injected page opens one incident and one alert for its OPD, once; cloaking by
/// user agent; a new outbound domain after the baseline, and its false alarm; drift on a page that should
/// not change. On SQLite and PostgreSQL.
/// </summary>
public abstract class WebsiteWatchTests<THost>(THost host) where THost : WatchHost
{
    private static string Fixture(string name) => PageInspectorTests.Fixture(name);

    private WebsiteWatch Watch => host.App.Services.GetRequiredService<WebsiteWatch>();

    private async Task<long> WatchAsync(string path, string browser, string? crawler = null, bool shouldNotChange = false, string opd = Personas.OpdA)
    {
        host.Pages[path] = (browser, crawler);
        return await host.App.WithDbAsync(async db =>
        {
            var editing = new WatchEditing(db, host.Clock);
            var added = await editing.AddTargetAsync(opd, host.Sites.Url(path).ToString(), shouldNotChange, CancellationToken.None);
            Assert.True(added.IsOk, added.Message);
            await editing.SetPausedAsync(added.Value!.Id, false, CancellationToken.None);
            return added.Value.Id;
        });
    }

    private Task<List<WatchFinding>> FindingsAsync(long target) =>
        host.App.WithDbAsync(db => db.WatchFindings.Where(f => f.TargetId == target).OrderBy(f => f.Id).ToListAsync());

    [Fact]
    public async Task A_fresh_demo_watches_every_opd_website_paused_and_fetches_nothing()
    {
        host.Clock.Advance(TimeSpan.FromDays(2));
        await Watch.RunDueAsync(CancellationToken.None);
        var demo = await host.App.WithDbAsync(db => db.WatchTargets.Where(t => t.Url.Contains("kepahiangkab.go.id")).ToListAsync());
        var websites = await host.App.WithDbAsync(db => db.Opds.CountAsync(o => o.Website != null && o.Website != ""));
        Assert.True(websites > 0);
        Assert.Equal(websites, demo.Count);
        Assert.All(demo, t =>
        {
            Assert.True(t.Paused);
            Assert.Null(t.LastInspectedAt);
            Assert.Null(t.LastStatus);
        });
    }

    [Fact]
    public async Task An_injected_page_opens_one_incident_and_one_alert_for_its_opd_with_the_evidence()
    {
        var reports = host.Incidents.Reports.Count;
        var alerts = await host.App.WithDbAsync(db => db.Alerts.CountAsync(a => a.Kind == "finding"));
        var id = await WatchAsync("/dinkes-injected", Fixture("hidden-div-slot.html"));
        Assert.True(await Watch.RunDueAsync(CancellationToken.None) >= 1);

        var findings = await FindingsAsync(id);
        var f = Assert.Single(findings, x => x.Subject == "gacor-maxwin.example");
        Assert.Equal(FindingKinds.HiddenLink, f.Kind);
        Assert.Contains("display:none", f.What, StringComparison.Ordinal);
        Assert.NotNull(f.IncidentId);
        var report = host.Incidents.Reports.Last();
        Assert.Equal(reports + 1, host.Incidents.Reports.Count);
        Assert.Equal(Personas.OpdA, report.OpdSlug);
        Assert.Contains("gacor-maxwin.example", report.Evidence, StringComparison.Ordinal);
        var alert = await host.App.WithDbAsync(db => db.Alerts.Where(a => a.Kind == "finding").OrderBy(a => a.Id).LastAsync());
        Assert.Equal(alerts + 1, await host.App.WithDbAsync(db => db.Alerts.CountAsync(a => a.Kind == "finding")));
        Assert.Equal(Personas.OpdA, alert.OpdSlugs);
        Assert.Equal(f.IncidentId, alert.IncidentId);

        // Seen again at the next interval: the same finding, no second incident or alert.
        host.Clock.Advance(TimeSpan.FromMinutes(61));
        await Watch.RunDueAsync(CancellationToken.None);
        Assert.Equal(findings.Count, (await FindingsAsync(id)).Count);
        Assert.Equal(reports + 1, host.Incidents.Reports.Count);
        Assert.True(await host.App.WithDbAsync(db => db.WatchTargets.Where(t => t.Id == id).Select(t => t.LastInspectedAt).SingleAsync()) > f.FoundAt);
    }

    [Fact]
    public async Task A_page_that_shows_spam_only_to_googlebot_is_cloaking()
    {
        var id = await WatchAsync("/dinsos-cloaked", Fixture("clean-news.html"), Fixture("visible-spam.html"), opd: Personas.OpdB);
        await Watch.InspectAsync(id, CancellationToken.None);
        var findings = await FindingsAsync(id);
        Assert.Contains(findings, f => f.Kind == FindingKinds.Cloaking && f.What.Contains("Googlebot", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.Kind == FindingKinds.Keyword);
        Assert.Contains(host.Sites.Received, r => r.Path == "/dinsos-cloaked" && r.UserAgent.Contains("Googlebot", StringComparison.Ordinal));
        Assert.Contains(host.Sites.Received, r => r.Path == "/dinsos-cloaked" && r.UserAgent.Contains("Android", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Clean_pages_raise_nothing()
    {
        var before = host.Incidents.Reports.Count;
        foreach (var page in new[] { "clean-news.html", "clean-menus.html", "clean-slot-waktu.html", "clean-police-raid.html" })
        {
            var id = await WatchAsync("/bersih-" + page, Fixture(page));
            Assert.Equal(0, await Watch.InspectAsync(id, CancellationToken.None));
            Assert.Empty(await FindingsAsync(id));
        }
        Assert.Equal(before, host.Incidents.Reports.Count);
    }

    [Fact]
    public async Task A_new_outbound_domain_after_the_baseline_is_a_finding_until_marked_a_false_alarm()
    {
        var path = "/dinkes-footer";
        var id = await WatchAsync(path, Fixture("clean-news.html"));
        await Watch.InspectAsync(id, CancellationToken.None);
        Assert.Empty(await FindingsAsync(id));

        host.Pages[path] = (Fixture("clean-news.html").Replace("</footer>", "<a href=\"https://jasa-backlink.example/\">Sponsor</a></footer>", StringComparison.Ordinal), null);
        await Watch.InspectAsync(id, CancellationToken.None);
        var f = Assert.Single(await FindingsAsync(id));
        Assert.Equal(FindingKinds.NewDomain, f.Kind);
        Assert.Equal("jasa-backlink.example", f.Subject);
        Assert.Contains("footer", f.Where, StringComparison.Ordinal);

        await host.App.WithDbAsync(db => new WatchEditing(db, host.Clock).FalseAlarmAsync(f.Id, new System.Security.Claims.ClaimsPrincipal(), CancellationToken.None));
        var reports = host.Incidents.Reports.Count;
        await Watch.InspectAsync(id, CancellationToken.None);
        Assert.Equal(reports, host.Incidents.Reports.Count);
        Assert.Contains("jasa-backlink.example", await host.App.WithDbAsync(db => db.WatchTargets.Where(t => t.Id == id).Select(t => t.BaselineDomains).SingleAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_that_should_not_change_tolerates_a_small_edit_and_not_a_defacement()
    {
        var path = "/dinkes-profil";
        var id = await WatchAsync(path, Fixture("clean-news.html"), shouldNotChange: true);
        await Watch.InspectAsync(id, CancellationToken.None);
        host.Pages[path] = (Fixture("clean-news.html").Replace("8 kecamatan", "delapan kecamatan", StringComparison.Ordinal), null);
        await Watch.InspectAsync(id, CancellationToken.None);
        Assert.Empty(await FindingsAsync(id));

        host.Pages[path] = ("<html><body><h1>Hacked by Kelompok X</h1><p>Keamanan situs anda lemah</p></body></html>", null);
        await Watch.InspectAsync(id, CancellationToken.None);
        var f = Assert.Single(await FindingsAsync(id));
        Assert.Equal(FindingKinds.Drift, f.Kind);
        Assert.Contains("hacked", f.Snippet, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_that_fails_loops_or_is_too_large_is_recorded_without_findings()
    {
        var missing = await WatchAsync("/tidak-ada-" + Guid.NewGuid().ToString("N")[..6], "");
        host.Pages.TryRemove(host.Pages.Keys.Single(k => k.StartsWith("/tidak-ada-", StringComparison.Ordinal)), out _);
        await Watch.InspectAsync(missing, CancellationToken.None);
        var t = await host.App.WithDbAsync(db => db.WatchTargets.SingleAsync(x => x.Id == missing));
        Assert.Equal(404, t.LastStatus);
        Assert.Equal("HTTP 404", t.LastError);
        Assert.Empty(await FindingsAsync(missing));

        var loop = await WatchAsync("/loop", "");
        await Watch.InspectAsync(loop, CancellationToken.None);
        var l = await host.App.WithDbAsync(db => db.WatchTargets.SingleAsync(x => x.Id == loop));
        Assert.Equal(302, l.LastStatus);
        Assert.Contains("pengalihan", l.LastError, StringComparison.Ordinal);
        Assert.True(host.Sites.Received.Count(r => r.Path == "/loop") <= 6, "the redirect limit (5) holds");

        var big = await WatchAsync("/besar", Fixture("clean-news.html") + new string(' ', 2_100_000) + "<a href=\"https://slot88.example/\">slot gacor</a>");
        await Watch.InspectAsync(big, CancellationToken.None);
        var b = await host.App.WithDbAsync(db => db.WatchTargets.SingleAsync(x => x.Id == big));
        Assert.Contains("hanya awalnya", b.LastError, StringComparison.Ordinal);
        Assert.Empty(await FindingsAsync(big));
    }
}

public sealed class SqliteWebsiteWatchTests(SqliteWatchHost host) : WebsiteWatchTests<SqliteWatchHost>(host), IClassFixture<SqliteWatchHost>;

public sealed class PostgresWebsiteWatchTests(PostgresWatchHost host) : WebsiteWatchTests<PostgresWatchHost>(host), IClassFixture<PostgresWatchHost>;
