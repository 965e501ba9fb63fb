using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Accounts;

/// <summary>
/// Server-side sessions: each signed-in browser is listed for its owner and can be ended at once;
/// logout and "sign out everywhere" make copies of the cookie worthless immediately.
/// The fixture checks the security stamp on every request, so what survives a principal refresh is tested too.
/// </summary>
public sealed class SessionsTests(SessionsTests.StampEveryRequestApp app) : IClassFixture<SessionsTests.StampEveryRequestApp>
{
    public sealed class StampEveryRequestApp() : SatuPintuApp(postgres: false, new()
    {
        ["SatuPintu:Accounts:LoginAttemptsPerMinute"] = "1000",
        ["SatuPintu:Accounts:RequireTwoFactorForAdmins"] = "true",
    })
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero));
        }
    }

    private static async Task<HttpStatusCode> DashboardAsync(HttpClient client)
    {
        using var r = await client.GetAsync(new Uri("/admin/artikel", UriKind.Relative));
        return r.StatusCode;
    }

    private Task<List<SatuPintu.Accounts.UserSession>> SessionsOfAsync(string email) => app.WithDbAsync(db =>
        db.UserSessions.AsNoTracking().Where(s => s.User!.Email == email).OrderBy(s => s.CreatedAt).ToListAsync());

    [Fact]
    public async Task Each_browser_is_listed_and_one_can_be_ended_at_once_without_touching_the_other()
    {
        var person = (await Personas.CreateAsync(app)).EditorA;
        var laptop = await Personas.SignInAsync(app, person.Email);
        var phone = await Personas.SignInAsync(app, person.Email);
        var sessions = await SessionsOfAsync(person.Email);
        Assert.Equal(2, sessions.Count);
        Assert.All(sessions, s => Assert.Null(s.EndedAt));

        var list = await laptop.GetOkAsync("/admin/akun/token");
        Assert.Contains("Sesi yang sedang masuk", list, StringComparison.Ordinal);
        Assert.Equal(1, Html.Count(list, "(sesi ini)"));
        Assert.Contains($"EndSession?id={sessions[1].Id}", list, StringComparison.Ordinal);

        var ended = await Personas.PostFormAsync(laptop, $"/admin/akun/token/EndSession?id={sessions[1].Id}", [], "/admin/akun/token");
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
        Assert.Contains("Sesi diakhiri", await ended.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The phone is out on its very next request; the laptop carries on.
        Assert.Equal(HttpStatusCode.Redirect, await DashboardAsync(phone));
        Assert.Equal(HttpStatusCode.OK, await DashboardAsync(laptop));
        Assert.NotNull((await SessionsOfAsync(person.Email))[1].EndedAt);
    }

    [Fact]
    public async Task Nobody_can_end_another_persons_session()
    {
        var people = await Personas.CreateAsync(app);
        var victim = await Personas.SignInAsync(app, people.EditorA.Email);
        var victimSession = (await SessionsOfAsync(people.EditorA.Email)).Single();
        var other = await Personas.SignInAsync(app, people.ReviewerA.Email);

        var refused = await Personas.PostFormAsync(other, $"/admin/akun/token/EndSession?id={victimSession.Id}", [], "/admin/akun/token");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Null((await SessionsOfAsync(people.EditorA.Email)).Single().EndedAt);
        Assert.Equal(HttpStatusCode.OK, await DashboardAsync(victim));
    }

    [Fact]
    public async Task A_copy_of_the_cookie_is_worthless_after_logout()
    {
        var person = (await Personas.CreateAsync(app)).EditorA;
        var browser = await Personas.SignInAsync(app, person.Email);
        // What a thief would have copied from the browser before the person signed out.
        var copied = app.Browser();
        foreach (var header in (await browser.GetAsync(new Uri("/admin", UriKind.Relative))).RequestMessage!.Headers.GetValues("Cookie"))
        {
            copied.DefaultRequestHeaders.Add("Cookie", header);
        }
        Assert.Equal(HttpStatusCode.OK, await DashboardAsync(copied));

        var logout = await Personas.PostFormAsync(browser, "/admin/keluar", [], "/admin/akun/token");
        Assert.Equal("/admin/masuk", logout.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.Redirect, await DashboardAsync(copied));
        Assert.NotNull((await SessionsOfAsync(person.Email)).Single().EndedAt);
    }

    [Fact]
    public async Task Signing_in_again_in_the_same_browser_starts_a_new_session_and_ends_the_old_one()
    {
        var person = (await Personas.CreateAsync(app)).EditorA;
        var browser = await Personas.SignInAsync(app, person.Email);
        var copied = app.Browser();
        foreach (var header in (await browser.GetAsync(new Uri("/admin", UriKind.Relative))).RequestMessage!.Headers.GetValues("Cookie"))
        {
            copied.DefaultRequestHeaders.Add("Cookie", header);
        }
        var again = await Personas.PostFormAsync(browser, "/admin/masuk", new() { ["Email"] = person.Email, ["Password"] = Personas.Password });
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, await DashboardAsync(browser));
        Assert.Equal(HttpStatusCode.Redirect, await DashboardAsync(copied));
        var sessions = await SessionsOfAsync(person.Email);
        Assert.Equal(2, sessions.Count);
        Assert.NotNull(sessions[0].EndedAt);
        Assert.Null(sessions[1].EndedAt);
    }

    [Fact]
    public async Task Signing_out_everywhere_ends_every_session_and_revokes_every_token_at_once()
    {
        var person = (await Personas.CreateAsync(app)).ReviewerA;
        var first = await Personas.SignInAsync(app, person.Email);
        var second = await Personas.SignInAsync(app, person.Email);
        Assert.Contains("Semua token API Anda juga dicabut", await first.GetOkAsync("/admin/akun/token"), StringComparison.Ordinal);
        var response = await Personas.PostFormAsync(first, "/admin/akun/token/SignOutEverywhere", [], "/admin/akun/token");
        Assert.Equal("/admin/masuk?keluar=semua", response.Headers.Location?.ToString());
        Assert.Contains("semua token API Anda dicabut", await first.GetOkAsync("/admin/masuk?keluar=semua"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, await DashboardAsync(second));
        Assert.Equal(HttpStatusCode.Redirect, await DashboardAsync(first));
        Assert.All(await SessionsOfAsync(person.Email), s => Assert.NotNull(s.EndedAt));
        // A stolen session could have minted a token; it dies with the sessions.
        Assert.Equal(HttpStatusCode.Unauthorized, (await Personas.Api(app, person).GetAsync(new Uri("/api/v1/opds", UriKind.Relative))).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == SatuPintu.Accounts.AccountAudit.TokensRevoked && a.Actor == person.Email)));
    }

    [Fact]
    public async Task The_session_and_the_second_factor_survive_the_security_stamp_refresh()
    {
        var admin = (await Personas.CreateAsync(app)).Admin;
        var client = await Personas.SignInAsync(app, admin.Email);
        // The setting is on: without a second factor the admin is sent to set it up.
        using (var before = await client.GetAsync(new Uri("/admin/artikel", UriKind.Relative)))
        {
            Assert.Equal("/admin/akun/2fa", before.Headers.Location?.ToString());
        }
        var key = Totp.KeyFrom(await client.GetOkAsync("/admin/akun/2fa"));
        using (var again = await client.GetAsync(new Uri("/admin/akun/2fa", UriKind.Relative)))
        {
            Assert.True(again.StatusCode == HttpStatusCode.OK, again.Headers.Location?.ToString());
        }
        var enabled = await Personas.PostFormAsync(client, "/admin/akun/2fa/Enable", new() { ["Code"] = Totp.Code(key, TimeProvider.System.GetUtcNow()) }, "/admin/akun/2fa");
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);

        // Every request rebuilds the principal from the database here; the mark of the second factor and the session stay.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await DashboardAsync(client));
        }
        Assert.Single(await SessionsOfAsync(admin.Email), s => s.EndedAt is null);
    }

    [Fact]
    public void Devices_are_named_in_words_a_person_recognises()
    {
        Assert.Equal("Chrome di Android", SatuPintu.Accounts.Sessions.Device("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"));
        Assert.Equal("Firefox di Windows", SatuPintu.Accounts.Sessions.Device("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"));
        Assert.Equal("Safari di iPhone", SatuPintu.Accounts.Sessions.Device("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"));
        Assert.Equal("Perangkat tak dikenal", SatuPintu.Accounts.Sessions.Device(null));
    }
}
