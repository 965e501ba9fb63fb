using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SatuPintu.BrowserTests.Infrastructure;
using SatuPintu.Data;
using SatuPintu.Monitoring;

namespace SatuPintu.BrowserTests;

/// <summary>/status and an OPD's status page in real Chromium at 320 px: uptime bars drawn on the server, an incident with its timeline, axe clean, no address shown.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StatusPageTests(BrowserFixture fixture)
{
    private const string Target = "127.0.0.1:9";

    private async Task SeedAsync()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SatuPintuDb>();
        if (await db.MonitorChecks.AnyAsync(c => c.Name == "Tautan uji status"))
        {
            return;
        }
        var opd = await db.Opds.SingleAsync(o => o.Slug == "dinkes");
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        // Due far in the future: shown, never probed during the test.
        var check = new Check
        {
            Name = "Tautan uji status", Kind = CheckKind.Tcp, Target = Target, OpdId = opd.Id, IntervalSeconds = 86400, NextDueMs = long.MaxValue / 2,
            Status = new CheckStatus { State = CheckState.Up, Since = now.AddDays(-1), LastCheckedAt = now },
        };
        db.MonitorChecks.Add(check);
        await db.SaveChangesAsync();
        for (var d = 1; d <= 40; d++)
        {
            db.MonitorRollups.Add(new CheckRollup { CheckId = check.Id, Period = RollupPeriod.Day, Start = now.Date.AddDays(-d), Up = d == 3 ? 1000 : 1440, Down = d == 3 ? 440 : 0 });
        }
        var incident = new Incident { Title = "Tautan uji status terputus", Kind = "state", CheckId = check.Id, OpenedAt = now.Date.AddDays(-3), ResolvedAt = now.Date.AddDays(-3).AddHours(7) };
        incident.Timeline.Add(new IncidentEvent { At = incident.OpenedAt, Kind = "detected", Text = "Terdeteksi terputus" });
        incident.Timeline.Add(new IncidentEvent { At = incident.ResolvedAt.Value, Kind = "resolved", Text = "Tautan uji status pulih" });
        incident.Opds.Add(new IncidentOpd { OpdId = opd.Id });
        db.MonitorIncidents.Add(incident);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Status_reads_well_on_a_phone_and_is_accessible()
    {
        await SeedAsync();
        var page = await fixture.NewPageAsync(width: 320, height: 900);
        var checks = new PageChecks(page);
        await page.GotoAsync("/status");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Status layanan");
        // One row per OPD: its 90 days in one small SVG; its checks are on its own page.
        Assert.True(await page.Locator("#opd-dinkes ~ svg.st-bars path").CountAsync() >= 2);
        await Assertions.Expect(page.Locator(".st-incident").First).ToContainTextAsync("pulih");
        await CheckPageAsync(page, "/status");
        await page.ClickAsync("#opd-dinkes a");
        await Assertions.Expect(page.Locator(".st-row", new() { HasText = "Tautan uji status" })).ToContainTextAsync("Normal");
        await CheckPageAsync(page, "/status/dinkes");
        Assert.True(checks.Problems.Count == 0, string.Join("\n", checks.Problems));
        await page.Context.CloseAsync();
    }

    private static async Task CheckPageAsync(IPage page, string path)
    {
        Assert.DoesNotContain(Target, await page.ContentAsync(), StringComparison.Ordinal);
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{path} overflows by {overflow}px at 320px");
        var failures = await PageChecks.AccessibilityFailuresAsync(page);
        Assert.True(failures.Count == 0, $"axe on {path}: " + string.Join("\n", failures));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, $"status{path.Replace('/', '-')}-ponsel.png"), FullPage = true });
    }
}
