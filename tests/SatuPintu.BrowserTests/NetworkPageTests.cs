using Microsoft.Playwright;
using SatuPintu.BrowserTests.Infrastructure;

namespace SatuPintu.BrowserTests;

/// <summary>/jaringan in real Chromium: readable at 320 px and 1280 px, axe clean, the map drawn without JavaScript, printable.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NetworkPageTests(BrowserFixture fixture)
{
    [Theory]
    [InlineData(320, "ponsel")]
    [InlineData(1280, "desktop")]
    public async Task Jaringan_reads_well_and_is_accessible(int width, string label)
    {
        var page = await fixture.NewPageAsync(width: width, height: 900);
        var checks = new PageChecks(page);
        await page.GotoAsync("/jaringan");
        await Assertions.Expect(page.Locator(".net-big")).ToContainTextAsync("dari 34 OPD tersambung, per ");
        Assert.True(await page.Locator("svg[role=img] g").CountAsync() >= 30, "the map should draw every site, the pages of the table too");
        Assert.Equal(25, await page.Locator(".net-sites tbody tr").CountAsync());
        Assert.True(await page.Locator(".pager a[rel=next]").IsVisibleAsync(), "the site table pages on without JavaScript");
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"/jaringan overflows by {overflow}px at {width}px");
        var failures = await PageChecks.AccessibilityFailuresAsync(page);
        Assert.True(failures.Count == 0, "axe on /jaringan: " + string.Join("\n", failures));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, $"jaringan-{label}.png"), FullPage = true });
        Assert.True(checks.Problems.Count == 0, string.Join("\n", checks.Problems));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Jaringan_prints_without_the_site_chrome()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/jaringan");
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.Locator("header.top").IsVisibleAsync());
        Assert.True(await page.Locator("svg[role=img]").IsVisibleAsync());
        var pdf = await page.PdfAsync(new() { Format = "A4", Path = Path.Combine(BrowserFixture.ArtifactsDir, "jaringan.pdf") });
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5));
        await page.Context.CloseAsync();
    }
}
