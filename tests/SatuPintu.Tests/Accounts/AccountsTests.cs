using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SatuPintu.Accounts;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Accounts;

/// <summary>Sign-in, rate limiting, CSRF, tokens and the headers every response carries (throttling: SignInSecurityTests).</summary>
[Collection(Hosts.ManyLoginsAccounts)]
public sealed class AccountsTests(ManyLoginsApp app) : WithPersonas(app)
{
    [Fact]
    public async Task First_start_created_one_admin_whose_password_was_printed_once()
    {
        var admins = await app.WithDbAsync(async db =>
            await db.UserRoles.Join(db.Roles.Where(r => r.Name == Access.AdminRole), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
                .Join(db.Users, id => id, u => u.Id, (_, u) => u.Email).ToListAsync());
        Assert.Contains(SatuPintuApp.BootstrapAdminEmail, admins);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<AdminBootstrap>().EnsureAsync());
    }

    [Fact]
    public async Task Wrong_password_is_refused_and_the_right_one_signs_in_with_a_safe_cookie()
    {
        var client = app.Browser();
        var wrong = await Personas.PostFormAsync(client, "/admin/masuk", new() { ["Email"] = People.EditorA.Email, ["Password"] = "salah-salah-salah" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Surel atau kata sandi salah", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var right = await Personas.PostFormAsync(client, "/admin/masuk", new() { ["Email"] = People.EditorA.Email, ["Password"] = Personas.Password });
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        var cookie = right.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("satupintu.masuk=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_refused()
    {
        var client = await Personas.SignInAsync(app, People.EditorA.Email);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Opd"] = Personas.OpdA, ["Input.Kind"] = "berita", ["Input.Title"] = "CSRF" });
        var before = await app.WithDbAsync(db => db.Articles.CountAsync());
        var response = await client.PostAsync(new Uri("/admin/artikel/baru/Save", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task Tokens_of_disabled_accounts_and_revoked_or_bad_tokens_are_refused()
    {
        var person = (await Personas.CreateAsync(app)).EditorA;
        var api = Personas.Api(app, person);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync(new Uri("/api/v1/opds", UriKind.Relative))).StatusCode);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(person.Email);
            user!.DisabledAt = TimeProvider.System.GetUtcNow().UtcDateTime;
            await users.UpdateAsync(user);
        }
        var refused = await api.GetAsync(new Uri("/api/v1/opds", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);

        var other = (await Personas.CreateAsync(app)).ReviewerA;
        await app.WithDbAsync(async db =>
        {
            var t = await db.AccessTokens.SingleAsync(t => t.Id == other.TokenId);
            t.RevokedAt = TimeProvider.System.GetUtcNow().UtcDateTime;
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.Unauthorized, (await Personas.Api(app, other).GetAsync(new Uri("/api/v1/opds", UriKind.Relative))).StatusCode);

        foreach (var bad in new[] { "sp_tidak-ada-token-seperti-ini-sama-sekali", "bukan-token", "sp_" + new string('a', 200) })
        {
            var c = app.Browser();
            c.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bad);
            Assert.Equal(HttpStatusCode.Unauthorized, (await c.GetAsync(new Uri("/api/v1/opds", UriKind.Relative))).StatusCode);
        }
    }

    [Fact]
    public async Task The_database_keeps_only_token_hashes()
    {
        var stored = await app.WithDbAsync(db => db.AccessTokens.Select(t => t.Hash).ToListAsync());
        Assert.DoesNotContain(People.Admin.Token, stored);
        Assert.Contains(AccessTokens.Hash(People.Admin.Token), stored);
    }

    [Fact]
    public async Task Cookies_do_not_authenticate_the_api()
    {
        var client = await Personas.SignInAsync(app, People.Admin.Email);
        var response = await client.PostAsJsonAsync("/api/v1/articles", new { opd = Personas.OpdA, kind = "berita", title = "lewat cookie" });
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/admin/masuk")]
    [InlineData("/api/v1/opds")]
    [InlineData("/tidak-ada")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        using var response = await app.Browser().GetAsync(new Uri(url, UriKind.Relative));
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }
}

/// <summary>A host with the shipped limit on password attempts (test hosts raise it otherwise).</summary>
public sealed class DefaultLoginLimitApp() : SatuPintuApp(postgres: false, new() { ["SatuPintu:Accounts:LoginAttemptsPerMinute"] = "10" });

/// <summary>The per-address limit on password attempts (10 a minute by default).</summary>
public sealed class LoginRateLimitTests(DefaultLoginLimitApp app) : IClassFixture<DefaultLoginLimitApp>
{
    [Fact]
    public async Task The_eleventh_attempt_in_a_minute_gets_429_but_the_form_still_shows()
    {
        Assert.Equal(10, new SatuPintu.Accounts.Admin.AccountOptions().LoginAttemptsPerMinute);
        var client = app.Browser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            statuses.Add((await Personas.PostFormAsync(client, "/admin/masuk", new() { ["Email"] = $"orang{i}@contoh.id", ["Password"] = "salah-salah-salah" })).StatusCode);
        }
        Assert.All(statuses.Take(10), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin/masuk", UriKind.Relative))).StatusCode);
    }
}
