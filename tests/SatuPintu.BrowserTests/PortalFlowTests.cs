using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SatuPintu.BrowserTests.Infrastructure;

namespace SatuPintu.BrowserTests;

/// <summary>A visitor's path through the portal in real Chromium: home → directory → OPD → article → document.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PortalFlowTests(BrowserFixture fixture)
{
    private static async Task AssertPageIsSoundAsync(IPage page, PageChecks checks, string name)
    {
        Assert.Equal("id", await page.GetAttributeAsync("html", "lang"));
        Assert.True(await page.EvaluateAsync<int>("document.styleSheets[0].cssRules.length") > 20, $"{name}: the stylesheet did not load");
        var failures = await PageChecks.AccessibilityFailuresAsync(page);
        Assert.True(failures.Count == 0, $"axe on {name}: " + string.Join("\n", failures));
        await PageChecks.ScreenshotsAsync(page, name);
        Assert.True(checks.Problems.Count == 0, string.Join("\n", checks.Problems));
    }

    [Fact]
    public async Task Visitor_goes_from_home_through_directory_and_opd_to_an_article_and_a_document()
    {
        var page = await fixture.NewPageAsync();
        var checks = new PageChecks(page);

        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Satu pintu");
        await AssertPageIsSoundAsync(page, checks, "beranda");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Menu utama" }).GetByRole(AriaRole.Link, new() { Name = "Perangkat Daerah" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/opd$"));
        Assert.Equal(34, await page.Locator("main .card h3 a").CountAsync());
        await AssertPageIsSoundAsync(page, checks, "direktori");

        await page.GetByLabel("Saring menurut nama").FillAsync("kesehatan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Saring" }).ClickAsync();
        await Assertions.Expect(page.Locator("main .card h3 a")).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Link, new() { Name = "Dinas Kesehatan" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Dinas Kesehatan");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Layanan publik" })).ToBeVisibleAsync();
        await AssertPageIsSoundAsync(page, checks, "opd");

        var firstNews = page.Locator("section[aria-labelledby=berita] .list h3 a").First;
        var title = await firstNews.InnerTextAsync();
        await firstNews.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Assertions.Expect(page.Locator("article .meta time")).ToHaveTextAsync(new Regex(@"^(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu), \d{1,2} \w+ \d{4}$"));
        await AssertPageIsSoundAsync(page, checks, "berita");

        await page.GotoAsync("/opd/dinkes");
        await page.Locator("section[aria-labelledby=dokumen] .list h3 a").First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Unduh PDF" })).ToBeVisibleAsync();
        await AssertPageIsSoundAsync(page, checks, "dokumen");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Unduh PDF" }).ClickAsync());
        Assert.EndsWith(".pdf", download.SuggestedFilename, StringComparison.Ordinal);
        var saved = Path.Combine(BrowserFixture.ArtifactsDir, download.SuggestedFilename);
        await download.SaveAsAsync(saved);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(saved), 0, 5));
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/opd")]
    [InlineData("/opd/setda")]
    [InlineData("/berita")]
    [InlineData("/dokumen")]
    [InlineData("/dokumen?kategori=laporan")]
    [InlineData("/pengumuman?kategori=lowongan")]
    [InlineData("/agenda")]
    [InlineData("/agenda?waktu=selesai")]
    [InlineData("/cari?q=kopi")]
    [InlineData("/halaman")]
    [InlineData("/halaman/tentang")]
    [InlineData("/halaman-yang-tidak-ada")]
    public async Task Pages_fit_a_320px_phone_without_sideways_scrolling(string path)
    {
        var page = await fixture.NewPageAsync(width: 320, height: 640);
        await page.GotoAsync(path);
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{path} overflows by {overflow}px at 320px");
        Assert.Empty(await PageChecks.AccessibilityFailuresAsync(page));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task First_tab_reaches_a_visible_skip_link_that_moves_focus_to_the_content()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/berita");
        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Langsung ke isi utama" });
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await Assertions.Expect(skip).ToBeInViewportAsync();
        var outline = await skip.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle");
        Assert.NotEqual("none", outline);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#isi")).ToBeFocusedAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Error_page_is_indonesian_and_accessible()
    {
        var page = await fixture.NewPageAsync();
        var response = await page.GotoAsync("/opd/tidak-ada");
        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Halaman tidak ditemukan");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Kembali ke beranda" })).ToBeVisibleAsync();
        Assert.Empty(await PageChecks.AccessibilityFailuresAsync(page));
        await page.Context.CloseAsync();
    }
}
