using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SatuPintu.BrowserTests.Infrastructure;

namespace SatuPintu.BrowserTests;

/// <summary>The list filters on a 320 px phone: chosen without JavaScript's help, kept after the page reloads, accessible.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ListFilterBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Citizen_filters_announcements_to_job_openings_and_documents_to_reports_on_a_320px_phone()
    {
        var page = await fixture.NewPageAsync(width: 320, height: 640);
        await page.GotoAsync("/pengumuman");
        await page.GetByLabel("Kategori").SelectOptionAsync("lowongan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tampilkan" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/pengumuman\?.*kategori=lowongan"));
        await Assertions.Expect(page.GetByLabel("Kategori")).ToHaveValueAsync("lowongan");
        await Assertions.Expect(page.Locator("main .list li").First).ToContainTextAsync("Lowongan");
        await AssertFitsAsync(page, "pengumuman-saringan");

        await page.GetByLabel("Tahun").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tampilkan" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"kategori=lowongan.*tahun=\d{4}|tahun=\d{4}.*kategori=lowongan"));
        await Assertions.Expect(page.GetByLabel("Kategori")).ToHaveValueAsync("lowongan");
        await page.GetByRole(AriaRole.Link, new() { Name = "Hapus saringan" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/pengumuman$"));

        await page.GotoAsync("/dokumen");
        await page.GetByLabel("Kategori").SelectOptionAsync("laporan");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tampilkan" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Dokumen: Laporan");
        await AssertFitsAsync(page, "dokumen-saringan");

        await page.GotoAsync("/agenda");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Agenda mendatang" })).ToBeVisibleAsync();
        await AssertFitsAsync(page, "agenda");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Opd_contact_card_comes_first_for_eyes_keyboards_and_screen_readers_on_a_phone_and_sits_right_on_a_desktop()
    {
        var page = await fixture.NewPageAsync(width: 320, height: 640);
        await page.GotoAsync("/opd/dinkes");
        var contact = page.Locator("aside[aria-labelledby=kontak]");
        var services = page.Locator("#layanan");
        Assert.True((await contact.BoundingBoxAsync())!.Y < (await services.BoundingBoxAsync())!.Y, "on a phone the contact card is not above the services");
        // DOCUMENT_POSITION_FOLLOWING (4): the services come after the card in the document too, so Tab and a screen reader agree.
        Assert.Equal(4, await page.EvaluateAsync<int>("() => document.querySelector('aside[aria-labelledby=kontak]').compareDocumentPosition(document.getElementById('layanan')) & 4"));
        await AssertFitsAsync(page, "opd-ponsel");
        await page.SetViewportSizeAsync(1280, 900);
        var (card, list) = ((await contact.BoundingBoxAsync())!, (await services.BoundingBoxAsync())!);
        Assert.True(card.X > list.X && card.Y < list.Y + list.Height, "on a desktop the contact card is not beside the services");
        await page.Context.CloseAsync();
    }

    private static async Task AssertFitsAsync(IPage page, string name)
    {
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{name} overflows by {overflow}px at 320px");
        var failures = await PageChecks.AccessibilityFailuresAsync(page);
        Assert.True(failures.Count == 0, $"axe on {name}: " + string.Join("\n", failures));
        await PageChecks.ScreenshotsAsync(page, name);
        await page.SetViewportSizeAsync(320, 640);
    }
}
