using System.Net;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Accounts;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Accounts;

/// <summary>
/// A token is a lasting way in, so minting one asks for the password again (and a fresh TOTP code with
/// 2FA on), and no token lives longer than the configured cap (365 days by default).
/// </summary>
public sealed class TokenCreationTests(SqliteClockApp app) : IClassFixture<SqliteClockApp>
{
    private static Task<HttpResponseMessage> CreateAsync(HttpClient client, Dictionary<string, string> fields) =>
        Personas.PostFormAsync(client, "/admin/akun/token/Create", fields, "/admin/akun/token");

    [Fact]
    public async Task A_session_alone_cannot_mint_a_token_and_the_lifetime_is_capped()
    {
        var person = (await Personas.CreateAsync(app)).EditorA;
        var client = await Personas.SignInAsync(app, person.Email);
        var tokensBefore = await app.WithDbAsync(db => db.AccessTokens.CountAsync(t => t.User!.Email == person.Email));

        var noPassword = await CreateAsync(client, new() { ["Name"] = "curian", ["ExpiresInDays"] = "30" });
        Assert.Equal(HttpStatusCode.BadRequest, noPassword.StatusCode);
        var html = await noPassword.Content.ReadAsStringAsync();
        Assert.Contains("Kata sandi salah", html, StringComparison.Ordinal);
        Assert.Contains("value=\"curian\"", html, StringComparison.Ordinal);

        var tooLong = await CreateAsync(client, new() { ["Name"] = "sepuluh tahun", ["ExpiresInDays"] = "3650", ["CurrentPassword"] = Personas.Password });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("Masa berlaku 1 sampai 365 hari", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(tokensBefore, await app.WithDbAsync(db => db.AccessTokens.CountAsync(t => t.User!.Email == person.Email)));

        var ok = await CreateAsync(client, new() { ["Name"] = "skrip", ["ExpiresInDays"] = "365", ["CurrentPassword"] = Personas.Password });
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Contains("Token baru dibuat", await ok.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.AccessTokens.SingleAsync(t => t.User!.Email == person.Email && t.Name == "skrip"));
        Assert.Equal(stored.CreatedAt.AddDays(365), stored.ExpiresAt);
    }

    [Fact]
    public async Task Tokens_issued_before_the_cap_stop_at_it()
    {
        var person = (await Personas.CreateAsync(app)).EditorA;
        var api = Personas.Api(app, person);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(new Uri("/api/v1/opds", UriKind.Relative))).StatusCode);
        // An old ten-year token, made before the cap existed.
        await app.WithDbAsync(db => db.AccessTokens.Where(t => t.Id == person.TokenId)
            .ExecuteUpdateAsync(u => u.SetProperty(t => t.ExpiresAt, t => t.CreatedAt.AddDays(3650)).SetProperty(t => t.CreatedAt, t => t.CreatedAt.AddDays(-366))));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync(new Uri("/api/v1/opds", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task With_two_factor_on_a_token_needs_a_fresh_code()
    {
        var person = (await Personas.CreateAsync(app)).ReviewerA;
        var client = await Personas.SignInAsync(app, person.Email);
        var key = Totp.KeyFrom(await client.GetOkAsync("/admin/akun/2fa"));
        var used = Totp.Code(key, app.Clock.GetUtcNow());
        Assert.Equal(HttpStatusCode.OK, (await Personas.PostFormAsync(client, "/admin/akun/2fa/Enable", new() { ["Code"] = used }, "/admin/akun/2fa")).StatusCode);
        Assert.Contains("Kode verifikasi", await client.GetOkAsync("/admin/akun/token"), StringComparison.Ordinal);

        var without = await CreateAsync(client, new() { ["Name"] = "a", ["ExpiresInDays"] = "7", ["CurrentPassword"] = Personas.Password });
        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        var reused = await CreateAsync(client, new() { ["Name"] = "b", ["ExpiresInDays"] = "7", ["CurrentPassword"] = Personas.Password, ["Code"] = used });
        Assert.Contains("sudah dipakai", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var fresh = await CreateAsync(client, new() { ["Name"] = "c", ["ExpiresInDays"] = "7", ["CurrentPassword"] = Personas.Password, ["Code"] = Totp.Code(key, app.Clock.GetUtcNow()) });
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Contains("Token baru dibuat", await fresh.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
