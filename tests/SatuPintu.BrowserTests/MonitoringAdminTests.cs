using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SatuPintu.BrowserTests.Infrastructure;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.BrowserTests;

/// <summary>The alert-channel and website-watch admin pages in real Chromium: a channel added through the form, axe clean at 320 px and 1280 px.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MonitoringAdminTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Channel_and_site_watch_pages_work_without_javascript_and_are_axe_clean()
    {
        var people = await Personas.CreateAsync(fixture.App);
        var page = await fixture.NewPageAsync(width: 320, height: 640);
        await page.GotoAsync("/admin/masuk");
        await page.GetByLabel("Surel").FillAsync(people.Admin.Email);
        await page.GetByLabel("Kata sandi").FillAsync(Personas.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin$"));

        await page.GetByRole(AriaRole.Link, new() { Name = "Kanal peringatan" }).First.ClickAsync();
        // The discard port on this machine: nothing is ever sent off it.
        await page.GetByLabel("Nama (boleh kosong)").FillAsync("Webhook NOC uji");
        await page.GetByLabel("Alamat webhook (untuk jenis webhook)").FillAsync("http://127.0.0.1:9/uji");
        await page.GetByRole(AriaRole.Button, new() { Name = "Tambah kanal" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.ok")).ToContainTextAsync("Webhook NOC uji");
        foreach (var url in new[] { "/admin/pemantauan/kanal", "/admin/pemantauan/situs" })
        {
            await page.GotoAsync(url);
            foreach (var width in new[] { 320, 1280 })
            {
                await page.SetViewportSizeAsync(width, 800);
                Assert.Empty(await PageChecks.AccessibilityFailuresAsync(page));
            }
        }
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("dijeda");
        await page.Context.CloseAsync();
    }
}
