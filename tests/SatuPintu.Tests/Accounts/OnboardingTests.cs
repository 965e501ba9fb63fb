using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SatuPintu.Accounts;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Accounts;

/// <summary>
/// People management in the browser's terms, on a fake clock and both providers: invitations that expire
/// and work once, reset links that work once and end the old sessions, disabling that ends sessions at once,
/// the forced password change, and the leadership page with its workbook.
/// </summary>
public abstract partial class OnboardingTests(ClockApp app) : WithPersonas(app)
{
    private const string NewPassword = "kata sandi baru yang panjang";

    private Task<HttpClient> AdminAsync() => Personas.SignInAsync(app, People.Admin.Email);

    private static async Task<(string Location, string Link)> LinkFromAsync(HttpClient admin, HttpResponseMessage posted)
    {
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var location = posted.Headers.Location!.ToString();
        var html = await admin.GetStringAsync(new Uri(location, UriKind.Relative));
        var link = LinkRegex().Match(html).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(link), "no copyable link shown");
        return (location, new Uri(WebUtility.HtmlDecode(link)).PathAndQuery);
    }

    private static async Task<(string Location, string Link)> InviteAsync(HttpClient admin, string email) =>
        await LinkFromAsync(admin, await Personas.PostFormAsync(admin, "/admin/pengguna/Invite",
            new() { ["Email"] = email, ["DisplayName"] = "Orang Uji", ["Role"] = "editor", ["Opd"] = Personas.OpdA }, "/admin/pengguna"));

    private async Task<HttpResponseMessage> SetPasswordAsync(string link, string password)
    {
        var anonymous = app.Browser();
        var form = await anonymous.GetAsync(new Uri(link, UriKind.Relative));
        if (form.StatusCode != HttpStatusCode.OK)
        {
            return form;
        }
        return await Personas.PostFormAsync(anonymous, link, new() { ["NewPassword"] = password, ["ConfirmPassword"] = password });
    }

    private static string Fresh(string who) => $"{who}-{Guid.NewGuid():N}"[..20] + "@uji.kepahiangkab.go.id";

    [Fact]
    public async Task An_invitation_expires_after_its_days_and_is_good_once()
    {
        var admin = await AdminAsync();
        var (_, late) = await InviteAsync(admin, Fresh("telat"));
        app.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        var expired = await SetPasswordAsync(late, NewPassword);
        Assert.Equal(HttpStatusCode.NotFound, expired.StatusCode);
        Assert.Contains("tidak berlaku lagi", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        admin = await AdminAsync();
        var email = Fresh("baru");
        var (_, link) = await InviteAsync(admin, email);
        // A refused password changes nothing: the link still works afterwards.
        Assert.Equal(HttpStatusCode.BadRequest, (await SetPasswordAsync(link, "pendek")).StatusCode);
        var accepted = await SetPasswordAsync(link, NewPassword);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/admin/masuk?sandi=baru", accepted.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await SetPasswordAsync(link, "kata sandi lain yang panjang")).StatusCode);
        var editor = await Personas.SignInAsync(app, email, NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(new Uri("/admin/artikel", UriKind.Relative))).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AccountAudit.UserInvited && a.Summary!.Contains(email))));
        Assert.True(await app.WithDbAsync(db => db.AccountLinks.AllAsync(l => l.Hash.Length == 64)));
    }

    [Fact]
    public async Task A_reset_link_is_single_use_and_ends_the_old_sessions()
    {
        var person = (await Personas.CreateAsync(app)).EditorA;
        var old = await Personas.SignInAsync(app, person.Email);
        var admin = await AdminAsync();
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == person.Email).Select(u => u.Id).SingleAsync());
        var detail = $"/admin/pengguna/orang/{id}";
        var (_, link) = await LinkFromAsync(admin, await Personas.PostFormAsync(admin, detail + "/Link", [], detail));
        Assert.StartsWith(AccountLinks.ResetPath, link, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await SetPasswordAsync(link, NewPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SetPasswordAsync(link, "kata sandi lain yang panjang")).StatusCode);
        var after = await old.GetAsync(new Uri("/admin/artikel", UriKind.Relative));
        Assert.Contains("/admin/masuk", after.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        await Personas.SignInAsync(app, person.Email, NewPassword);
    }

    [Fact]
    public async Task Disabling_ends_the_sessions_at_once_and_re_enabling_lets_the_person_back()
    {
        var person = (await Personas.CreateAsync(app)).EditorA;
        var session = await Personas.SignInAsync(app, person.Email);
        var admin = await AdminAsync();
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == person.Email).Select(u => u.Id).SingleAsync());
        var detail = $"/admin/pengguna/orang/{id}";
        Assert.Equal(HttpStatusCode.Redirect, (await Personas.PostFormAsync(admin, detail + "/Disable", [], detail)).StatusCode);
        var refused = await session.GetAsync(new Uri("/admin/artikel", UriKind.Relative));
        Assert.Contains("/admin/masuk", refused.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        var again = await Personas.PostFormAsync(app.Browser(), "/admin/masuk", new() { ["Email"] = person.Email, ["Password"] = Personas.Password });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AccountAudit.UserDisabled && a.Summary!.Contains("dinonaktifkan"))));
        Assert.Equal(HttpStatusCode.Redirect, (await Personas.PostFormAsync(admin, detail + "/Enable", [], detail)).StatusCode);
        await Personas.SignInAsync(app, person.Email);
    }

    [Fact]
    public async Task A_person_with_a_handed_over_password_must_change_it_before_anything_else()
    {
        var email = Fresh("paksa");
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = email, Email = email, MustChangePassword = true };
            Assert.True((await users.CreateAsync(user, Personas.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Access.AdminRole)).Succeeded);
        }
        var client = await Personas.SignInAsync(app, email);
        var blocked = await client.GetAsync(new Uri("/admin/pengguna", UriKind.Relative));
        Assert.Equal(PasswordChange.Path, blocked.Headers.Location?.ToString());
        var wrong = await Personas.PostFormAsync(client, PasswordChange.Path,
            new() { ["CurrentPassword"] = "bukan kata sandinya", ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("Kata sandi sekarang salah.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var changed = await Personas.PostFormAsync(client, PasswordChange.Path,
            new() { ["CurrentPassword"] = Personas.Password, ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin/pengguna", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_for_every_email_and_leadership_page_exports()
    {
        var anonymous = app.Browser();
        // Without SMTP the page has no form; the token of the sign-in form is good for any form of the site.
        var known = await Personas.PostFormAsync(anonymous, "/admin/lupa-sandi", new() { ["Email"] = People.EditorA.Email }, "/admin/masuk");
        var unknown = await Personas.PostFormAsync(anonymous, "/admin/lupa-sandi", new() { ["Email"] = "tidak-ada@uji.kepahiangkab.go.id" }, "/admin/masuk");
        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal(await known.Content.ReadAsStringAsync(), await unknown.Content.ReadAsStringAsync());
        var admin = await AdminAsync();
        var page = await admin.GetStringAsync(new Uri("/admin/pimpinan", UriKind.Relative));
        Assert.Contains("OPD tersambung", page, StringComparison.Ordinal);
        Assert.Contains("Dinas Kesehatan", page, StringComparison.Ordinal);
        var xlsx = await admin.GetAsync(new Uri("/admin/pimpinan/Xlsx", UriKind.Relative));
        Assert.Equal(SatuPintu.Network.Export.Spreadsheet.XlsxType, xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal((byte)'P', (await xlsx.Content.ReadAsByteArrayAsync())[0]);
    }

    [GeneratedRegex("id=\"link\" class=\"token\" value=\"([^\"]+)\"")]
    private static partial Regex LinkRegex();
}

public sealed class SqliteOnboardingTests(SqliteClockApp app) : OnboardingTests(app), IClassFixture<SqliteClockApp>;

public sealed class PostgresOnboardingTests(PostgresClockApp app) : OnboardingTests(app), IClassFixture<PostgresClockApp>;
