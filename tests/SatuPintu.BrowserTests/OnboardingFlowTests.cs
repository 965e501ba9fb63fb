using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using SatuPintu.Accounts;
using SatuPintu.BrowserTests.Infrastructure;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.BrowserTests;

/// <summary>An admin invites an editor in the browser (no SMTP: the copyable link), the editor sets a password and signs in; the leadership page on phones.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OnboardingFlowTests(BrowserFixture fixture)
{
    private static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/admin/masuk");
        await page.GetByLabel("Surel").FillAsync(email);
        await page.GetByLabel("Kata sandi", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
    }

    private static async Task<int> OverflowAsync(IPage page) =>
        await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");

    [Fact]
    public async Task Admin_invites_an_editor_who_sets_a_password_signs_in_and_a_handed_over_password_must_be_changed()
    {
        var people = await Personas.CreateAsync(fixture.App);
        var admin = await fixture.NewPageAsync(width: 320, height: 640);
        await SignInAsync(admin, people.Admin.Email, Personas.Password);
        await admin.GotoAsync("/admin/pengguna");
        Assert.Empty(await PageChecks.AccessibilityFailuresAsync(admin));
        Assert.Equal(0, await OverflowAsync(admin));
        var email = $"editor-{Guid.NewGuid():N}"[..16] + "@uji.kepahiangkab.go.id";
        await admin.GetByLabel("Surel", new() { Exact = true }).FillAsync(email);
        await admin.GetByLabel("Peran").SelectOptionAsync("editor");
        await admin.GetByLabel("OPD (untuk editor dan peninjau)").SelectOptionAsync(Personas.OpdA);
        await admin.GetByRole(AriaRole.Button, new() { Name = "Undang" }).ClickAsync();
        var link = await admin.GetByLabel("Tautan (sekali pakai; tampil sekali ini saja)").InputValueAsync();
        Assert.Contains("/admin/undangan?token=", link, StringComparison.Ordinal);
        Assert.Empty(await PageChecks.AccessibilityFailuresAsync(admin));
        Assert.Equal(0, await OverflowAsync(admin));

        var editor = await fixture.NewPageAsync(width: 320, height: 640);
        await editor.GotoAsync(new Uri(link).PathAndQuery);
        Assert.Empty(await PageChecks.AccessibilityFailuresAsync(editor));
        await editor.GetByLabel("Kata sandi baru", new() { Exact = true }).FillAsync("kata sandi pilihan editor");
        await editor.GetByLabel("Ulangi kata sandi baru").FillAsync("kata sandi pilihan editor");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Simpan kata sandi" }).ClickAsync();
        await Assertions.Expect(editor.GetByText("Kata sandi disimpan. Silakan masuk.")).ToBeVisibleAsync();
        await SignInAsync(editor, email, "kata sandi pilihan editor");
        await Assertions.Expect(editor).ToHaveURLAsync(new Regex("/admin$"));

        // A password someone else saw (the first admin's, one the CLI printed) must be changed first.
        var handed = $"serah-{Guid.NewGuid():N}"[..16] + "@uji.kepahiangkab.go.id";
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = handed, Email = handed, MustChangePassword = true };
            Assert.True((await users.CreateAsync(user, Personas.Password)).Succeeded);
            await users.AddToRoleAsync(user, Access.AdminRole);
        }
        var forced = await fixture.NewPageAsync(width: 320, height: 640);
        await SignInAsync(forced, handed, Personas.Password);
        await Assertions.Expect(forced).ToHaveURLAsync(new Regex("/admin/akun/sandi$"));
        Assert.Empty(await PageChecks.AccessibilityFailuresAsync(forced));
        await forced.GetByLabel("Kata sandi sekarang").FillAsync(Personas.Password);
        await forced.GetByLabel("Kata sandi baru", new() { Exact = true }).FillAsync("kata sandi milik sendiri");
        await forced.GetByLabel("Ulangi kata sandi baru").FillAsync("kata sandi milik sendiri");
        await forced.GetByRole(AriaRole.Button, new() { Name = "Simpan kata sandi" }).ClickAsync();
        await Assertions.Expect(forced.GetByText("Kata sandi diganti.", new() { Exact = true })).ToBeVisibleAsync();
        await forced.GotoAsync("/admin/pengguna");
        await Assertions.Expect(forced).ToHaveURLAsync(new Regex("/admin/pengguna$"));
        foreach (var p in new[] { admin, editor, forced })
        {
            await p.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_leadership_page_reads_on_a_360px_phone()
    {
        var people = await Personas.CreateAsync(fixture.App);
        var page = await fixture.NewPageAsync(width: 360, height: 740);
        await SignInAsync(page, people.Admin.Email, Personas.Password);
        await page.GotoAsync("/admin/pimpinan");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ringkasan pimpinan" })).ToBeVisibleAsync();
        Assert.Empty(await PageChecks.AccessibilityFailuresAsync(page));
        Assert.Equal(0, await OverflowAsync(page));
        await page.SetViewportSizeAsync(320, 640);
        Assert.Equal(0, await OverflowAsync(page));
        await PageChecks.ScreenshotsAsync(page, "pimpinan");
        await page.Context.CloseAsync();
    }
}
