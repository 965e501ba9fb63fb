using System.Net;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Accounts;

/// <summary>
/// The token and two-factor forms are POST/redirect/GET: a change that went through redirects, the new
/// token is shown on the next GET only (its TempData cookie is deleted by that GET), a refused form shows
/// what was typed except the password, and turning 2FA off asks for the password.
/// </summary>
public sealed class AccountFormsRedirectTests(SqliteClockApp app) : IClassFixture<SqliteClockApp>
{
    private const string TempDataCookie = ".AspNetCore.Mvc.CookieTempDataProvider";

    [Fact]
    public async Task A_new_token_is_shown_on_the_next_page_only_and_a_refused_form_keeps_the_name_not_the_password()
    {
        var person = (await Personas.CreateAsync(app)).EditorA;
        var client = await Personas.SignInAsync(app, person.Email);

        var refused = await Personas.PostFormAsync(client, "/admin/akun/token/Create",
            new() { ["Name"] = "skrip-ketik", ["ExpiresInDays"] = "9", ["CurrentPassword"] = "sandi-yang-keliru-sekali" }, "/admin/akun/token");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var again = await refused.Content.ReadAsStringAsync();
        Assert.Contains("value=\"skrip-ketik\"", again, StringComparison.Ordinal);
        Assert.Contains("value=\"9\"", again, StringComparison.Ordinal);
        Assert.DoesNotContain("sandi-yang-keliru-sekali", again, StringComparison.Ordinal);

        var created = await Personas.PostFormAsync(client, "/admin/akun/token/Create",
            new() { ["Name"] = "skrip", ["ExpiresInDays"] = "7", ["CurrentPassword"] = Personas.Password }, "/admin/akun/token");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/admin/akun/token", created.Headers.Location?.ToString());

        using var shown = await client.GetAsync(new Uri("/admin/akun/token", UriKind.Relative));
        var page = await shown.Content.ReadAsStringAsync();
        Assert.Contains("Token baru dibuat", page, StringComparison.Ordinal);
        var prefix = await app.WithDbAsync(db => db.AccessTokens.Where(t => t.User!.Email == person.Email && t.Name == "skrip").Select(t => t.Prefix).SingleAsync());
        Assert.Contains(prefix, page, StringComparison.Ordinal);
        // The GET that showed it deletes the cookie that carried it.
        Assert.Contains(shown.Headers.GetValues("Set-Cookie"), c => c.StartsWith(TempDataCookie + "=;", StringComparison.Ordinal) && c.Contains("1970", StringComparison.Ordinal));

        var reload = await client.GetOkAsync("/admin/akun/token");
        Assert.DoesNotContain("Token baru dibuat", reload, StringComparison.Ordinal);

        var tokenId = await app.WithDbAsync(db => db.AccessTokens.Where(t => t.User!.Email == person.Email && t.Name == "skrip").Select(t => t.Id).SingleAsync());
        var revoked = await Personas.PostFormAsync(client, $"/admin/akun/token/Revoke?id={tokenId}", [], "/admin/akun/token");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Contains("Token \"skrip\" dicabut", WebUtility.HtmlDecode(await client.GetOkAsync("/admin/akun/token")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Turning_two_factor_off_needs_the_password_and_every_change_redirects()
    {
        var person = (await Personas.CreateAsync(app)).ReviewerA;
        var client = await Personas.SignInAsync(app, person.Email);
        var key = Totp.KeyFrom(await client.GetOkAsync("/admin/akun/2fa"));

        var wrong = await Personas.PostFormAsync(client, "/admin/akun/2fa/Enable", new() { ["Code"] = "12345" }, "/admin/akun/2fa");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("value=\"12345\"", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var enabled = await Personas.PostFormAsync(client, "/admin/akun/2fa/Enable", new() { ["Code"] = Totp.Code(key, app.Clock.GetUtcNow()) }, "/admin/akun/2fa");
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.Contains("Verifikasi dua langkah aktif", await client.GetOkAsync("/admin/akun/2fa"), StringComparison.Ordinal);

        var noPassword = await Personas.PostFormAsync(client, "/admin/akun/2fa/Disable", new() { ["CurrentPassword"] = "bukan-sandinya" }, "/admin/akun/2fa");
        Assert.Equal(HttpStatusCode.BadRequest, noPassword.StatusCode);
        var refused = await noPassword.Content.ReadAsStringAsync();
        Assert.Contains("Kata sandi salah", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("bukan-sandinya", refused, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Email == person.Email).Select(u => u.TwoFactorEnabled).SingleAsync()));

        var off = await Personas.PostFormAsync(client, "/admin/akun/2fa/Disable", new() { ["CurrentPassword"] = Personas.Password }, "/admin/akun/2fa");
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Contains("Verifikasi dua langkah dinonaktifkan", await client.GetOkAsync("/admin/akun/2fa"), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Email == person.Email).Select(u => u.TwoFactorEnabled).SingleAsync()));
    }
}
