using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SatuPintu.BrowserTests.Infrastructure;

namespace SatuPintu.BrowserTests;

/// <summary>On a 320 px phone a citizen reaches the KTP-el requirements from the home page in three taps; every page on the way is axe-clean and never scrolls sideways.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CitizenServicesTests(BrowserFixture fixture)
{
    private static async Task AssertSoundAt320Async(IPage page, PageChecks checks, string name)
    {
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"), $"{name}: scrolls sideways at 320 px");
        var failures = await PageChecks.AccessibilityFailuresAsync(page);
        Assert.True(failures.Count == 0, $"axe on {name}: " + string.Join("\n", failures));
        // Headings in order: one h1, and no level skipped on the way down.
        var levels = await page.EvaluateAsync<int[]>("[...document.querySelectorAll('main h1,main h2,main h3,main h4')].map(h => +h.tagName[1])");
        Assert.Equal(1, levels.Count(l => l == 1));
        Assert.True(levels.Zip(levels.Skip(1)).All(p => p.Second <= p.First + 1), $"{name}: heading levels skip: {string.Join(",", levels)}");
        Assert.True(checks.Problems.Count == 0, string.Join("\n", checks.Problems));
    }

    [Fact]
    public async Task Citizen_finds_ktp_el_requirements_from_the_home_page_in_three_taps()
    {
        var page = await fixture.NewPageAsync(320, 700);
        var checks = new PageChecks(page);
        await page.GotoAsync("/");
        await AssertSoundAt320Async(page, checks, "beranda-320");
        // Every menu item is on screen at 320 px: the menu wraps instead of hiding items off to the side.
        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Menu utama" }).GetByRole(AriaRole.Link);
        foreach (var item in await menu.AllAsync())
        {
            var box = await item.BoundingBoxAsync();
            Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= 320, $"menu item {await item.TextContentAsync()} is off screen");
        }

        await menu.GetByText("Layanan", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/layanan$"));
        await AssertSoundAt320Async(page, checks, "layanan-320");

        await page.GetByRole(AriaRole.Link, new() { Name = "Kependudukan dan catatan sipil" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("topik=kependudukan$"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Perekaman KTP Elektronik" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Perekaman KTP Elektronik");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Persyaratan" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Fotokopi Kartu Keluarga")).ToBeVisibleAsync();
        await AssertSoundAt320Async(page, checks, "layanan-ktp-320");

        await page.GotoAsync("/profil");
        await AssertSoundAt320Async(page, checks, "profil-320");
        await page.GotoAsync("/opd/dinkes");
        await AssertSoundAt320Async(page, checks, "opd-320");
    }
}
