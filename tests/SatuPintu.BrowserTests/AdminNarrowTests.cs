using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SatuPintu.BrowserTests.Infrastructure;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.BrowserTests;

/// <summary>Admin pages fit a 320 px phone: the header (the signed-in e-mail and "Keluar") wraps instead of pushing the page sideways.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminNarrowTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Admin_pages_fit_a_320px_phone_without_sideways_scrolling()
    {
        var people = await Personas.CreateAsync(fixture.App);
        var page = await fixture.NewPageAsync(width: 320, height: 640);
        await page.GotoAsync("/admin/masuk");
        await page.GetByLabel("Surel").FillAsync(people.Admin.Email);
        await page.GetByLabel("Kata sandi").FillAsync(Personas.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin$"));
        var overflows = new List<string>();
        foreach (var path in new[] { "/admin", "/admin/artikel", "/admin/jaringan", "/admin/jaringan/impor", "/admin/akun/token", "/admin/dokumen" })
        {
            await page.GotoAsync(path);
            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
            if (overflow > 0)
            {
                overflows.Add($"{path} overflows by {overflow}px");
            }
        }
        Assert.Empty(overflows);
        await page.Context.CloseAsync();
    }
}
