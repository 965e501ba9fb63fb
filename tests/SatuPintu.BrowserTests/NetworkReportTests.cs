using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SatuPintu.BrowserTests.Infrastructure;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.BrowserTests;

/// <summary>The leadership report in real Chromium: readable at 320 px and 1280 px, axe clean, printed once to an A4 PDF.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NetworkReportTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Report_reads_on_a_phone_and_a_desktop_and_prints_to_a4()
    {
        var people = await Personas.CreateAsync(fixture.App);
        var page = await fixture.NewPageAsync(width: 320, height: 640);
        await page.GotoAsync("/admin/masuk");
        await page.GetByLabel("Surel").FillAsync(people.Admin.Email);
        await page.GetByLabel("Kata sandi").FillAsync(Personas.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin$"));

        await page.GotoAsync("/admin/jaringan/laporan");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(new Regex(@"^Laporan Program Internet Satu Pintu per \d{1,2} \w+ \d{4}$"));
        foreach (var width in new[] { 320, 1280 })
        {
            await page.SetViewportSizeAsync(width, 800);
            // The report itself (the admin layout's header is the layout's own business) fits the screen width.
            var overflow = await page.EvaluateAsync<int>("(() => { const r = document.querySelector('.report'); return Math.ceil(Math.max(r.scrollWidth - r.clientWidth, r.getBoundingClientRect().right - document.documentElement.clientWidth)); })()");
            Assert.True(overflow <= 0, $"the report overflows by {overflow}px at {width}px");
            Assert.Empty(await PageChecks.AccessibilityFailuresAsync(page));
        }
        await PageChecks.ScreenshotsAsync(page, "laporan-jaringan");

        var pdf = await page.PdfAsync(new PagePdfOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, "laporan-jaringan.pdf"), PreferCSSPageSize = true, PrintBackground = false });
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5));
        // Print CSS hides the site chrome: the admin menu and the download link are not in the printed page.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".report-actions")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Screen });
        await page.GotoAsync("/admin/jaringan/impor");
        Assert.Empty(await PageChecks.AccessibilityFailuresAsync(page));
        await page.Context.CloseAsync();
    }
}
