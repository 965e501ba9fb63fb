using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SatuPintu.Accounts;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Accounts;

/// <summary>The app on a fake clock, so waits pass without sleeping; many sign-ins from one test address.</summary>
public class ClockApp(bool postgres) : SatuPintuApp(postgres, new()
{
    ["SatuPintu:Accounts:LoginAttemptsPerMinute"] = "1000",
    ["SatuPintu:Accounts:FailuresPerAddress"] = "10000",
})
{
    public PooledFakeClock Clock { get; } = new(TimeProvider.System.GetUtcNow());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class SqliteClockApp() : ClockApp(postgres: false);

public sealed class PostgresClockApp() : ClockApp(postgres: true);

/// <summary>
/// Throttling instead of a lockout anyone could trigger, the same answer for unknown, disabled and real
/// accounts, TOTP codes good once, and the audit events of all of it.
/// </summary>
public abstract class SignInSecurityTests(ClockApp app) : WithPersonas(app)
{
    private static Task<HttpResponseMessage> TryAsync(HttpClient client, string email, string password) =>
        Personas.PostFormAsync(client, "/admin/masuk", new() { ["Email"] = email, ["Password"] = password });

    private static async Task<string> ErrorOfAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var at = html.IndexOf("role=\"alert\">", StringComparison.Ordinal);
        Assert.True(at > 0, "no error shown");
        return html[(at + 13)..html.IndexOf("</p>", at, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task Failures_make_the_next_attempt_wait_a_doubling_delay_and_tokens_keep_working()
    {
        var victim = (await Personas.CreateAsync(app)).EditorA;
        var client = app.Browser();
        for (var i = 1; i <= 4; i++)
        {
            Assert.Equal("Surel atau kata sandi salah.", await ErrorOfAsync(await TryAsync(client, victim.Email, $"tebakan-{i}-xxxxxx")));
        }
        Assert.Contains("coba lagi dalam 1 menit", await ErrorOfAsync(await TryAsync(client, victim.Email, "tebakan-5-xxxxxx")), StringComparison.Ordinal);
        // Even the right password waits; the person's API token is not touched by someone else's guesses.
        Assert.Contains("coba lagi dalam 1 menit", await ErrorOfAsync(await TryAsync(client, victim.Email, Personas.Password)), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Personas.Api(app, victim).GetAsync(new Uri("/api/v1/opds", UriKind.Relative))).StatusCode);

        app.Clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Contains("coba lagi dalam 2 menit", await ErrorOfAsync(await TryAsync(client, victim.Email, "tebakan-6-xxxxxx")), StringComparison.Ordinal);
        app.Clock.Advance(TimeSpan.FromSeconds(121));
        Assert.Equal(HttpStatusCode.Redirect, (await TryAsync(client, victim.Email, Personas.Password)).StatusCode);
        // Success clears the account's count.
        Assert.Equal("Surel atau kata sandi salah.", await ErrorOfAsync(await TryAsync(app.Browser(), victim.Email, "tebakan-7-xxxxxx")));
    }

    [Fact]
    public async Task Unknown_disabled_and_wrong_password_accounts_get_the_same_answer_and_the_same_throttling()
    {
        var people = await Personas.CreateAsync(app);
        var disabled = people.ReviewerA;
        await app.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.Email == disabled.Email)).DisabledAt = DateTime.UnixEpoch;
            return await db.SaveChangesAsync();
        });
        var unknown = $"tidak-ada-{Guid.NewGuid():N}@uji.kepahiangkab.go.id";
        var answers = new Dictionary<string, List<string>>();
        foreach (var (email, password) in new[] { (people.EditorA.Email, "salah-salah-salah"), (disabled.Email, Personas.Password), (unknown, "salah-salah-salah") })
        {
            var client = app.Browser();
            answers[email] = [];
            for (var i = 0; i < 6; i++)
            {
                answers[email].Add(await ErrorOfAsync(await TryAsync(client, email, password)));
            }
        }
        var distinct = answers.Values.Select(a => string.Join("|", a)).Distinct().ToList();
        Assert.Single(distinct);
        Assert.Equal("Surel atau kata sandi salah.", answers[unknown][0]);
        Assert.Contains("coba lagi dalam", answers[unknown][5], StringComparison.Ordinal);

        var failed = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AccountAudit.SignInFailed && a.Summary!.StartsWith(unknown)).CountAsync());
        Assert.Equal(5, failed);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AccountAudit.SignInThrottled && a.Summary!.StartsWith(unknown))));
    }

    [Fact]
    public async Task A_totp_code_signs_in_once_and_is_refused_the_second_time_in_its_window()
    {
        var person = (await Personas.CreateAsync(app)).EditorA;
        var client = await Personas.SignInAsync(app, person.Email);
        var key = Totp.KeyFrom(await client.GetOkAsync("/admin/akun/2fa"));
        var setupCode = Totp.Code(key, app.Clock.GetUtcNow());
        Assert.Equal(HttpStatusCode.Redirect, (await Personas.PostFormAsync(client, "/admin/akun/2fa/Enable", new() { ["Code"] = setupCode }, "/admin/akun/2fa")).StatusCode);

        // The code just used to turn 2FA on cannot sign in.
        var fresh = app.Browser();
        Assert.Equal("/admin/masuk/kode", (await TryAsync(fresh, person.Email, Personas.Password)).Headers.Location?.ToString());
        Assert.Contains("sudah dipakai", await ErrorOfAsync(await Personas.PostFormAsync(fresh, "/admin/masuk/kode", new() { ["Code"] = setupCode })), StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var next = Totp.Code(key, app.Clock.GetUtcNow());
        Assert.Equal("/admin", (await Personas.PostFormAsync(fresh, "/admin/masuk/kode", new() { ["Code"] = next })).Headers.Location?.ToString());

        var thief = app.Browser();
        Assert.Equal("/admin/masuk/kode", (await TryAsync(thief, person.Email, Personas.Password)).Headers.Location?.ToString());
        Assert.Contains("sudah dipakai", await ErrorOfAsync(await Personas.PostFormAsync(thief, "/admin/masuk/kode", new() { ["Code"] = next })), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Logout_is_recorded_in_the_audit_trail()
    {
        var person = (await Personas.CreateAsync(app)).EditorA;
        var browser = await Personas.SignInAsync(app, person.Email);
        var logout = await Personas.PostFormAsync(browser, "/admin/keluar", [], "/admin");
        Assert.Equal("/admin/masuk", logout.Headers.Location?.ToString());
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AccountAudit.SessionsEnded && a.Actor == person.Email)));
    }

    [Fact]
    public void Delays_double_from_the_threshold_up_to_the_cap()
    {
        var settings = new SatuPintu.Accounts.Admin.AccountOptions { FirstDelaySeconds = 60, MaxDelaySeconds = 600 };
        Assert.Equal(TimeSpan.Zero, SignInThrottle.Delay(4, 5, settings));
        Assert.Equal([60, 120, 240, 480, 600, 600], Enumerable.Range(5, 6).Select(f => SignInThrottle.Delay(f, 5, settings).TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(600), SignInThrottle.Delay(int.MaxValue, 5, settings));
        Assert.Contains("coba lagi dalam 2 menit", SignInThrottle.Message(TimeSpan.FromSeconds(61)), StringComparison.Ordinal);
    }
}

public sealed class SqliteSignInSecurityTests(SqliteClockApp app) : SignInSecurityTests(app), IClassFixture<SqliteClockApp>;

public sealed class PostgresSignInSecurityTests(PostgresClockApp app) : SignInSecurityTests(app), IClassFixture<PostgresClockApp>;

/// <summary>One address trying many e-mails is slowed down too (the in-process test server has one address for every client).</summary>
public sealed class AddressThrottleTests(AddressThrottleTests.FewPerAddressApp app) : IClassFixture<AddressThrottleTests.FewPerAddressApp>
{
    public sealed class FewPerAddressApp() : SatuPintuApp(postgres: false, new()
    {
        ["SatuPintu:Accounts:LoginAttemptsPerMinute"] = "1000",
        ["SatuPintu:Accounts:FailuresPerAddress"] = "3",
    });

    [Fact]
    public async Task Spraying_many_emails_from_one_address_makes_that_address_wait()
    {
        var person = (await Personas.CreateAsync(app)).EditorA;
        var client = app.Browser();
        for (var i = 0; i < 3; i++)
        {
            await Personas.PostFormAsync(client, "/admin/masuk", new() { ["Email"] = $"semprot{i}@uji.kepahiangkab.go.id", ["Password"] = "salah-salah-salah" });
        }
        var next = await Personas.PostFormAsync(client, "/admin/masuk", new() { ["Email"] = person.Email, ["Password"] = Personas.Password });
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Contains("coba lagi dalam 1 menit", await next.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
