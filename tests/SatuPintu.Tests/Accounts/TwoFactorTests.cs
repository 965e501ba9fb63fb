using System.Net;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Accounts;

/// <summary>Optional TOTP two-factor sign-in, and the setting that makes it compulsory for admins.</summary>
[Collection(Hosts.ManyLoginsAccounts)]
public sealed class TwoFactorTests(ManyLoginsApp app)
{
    [Fact]
    public async Task Person_turns_on_totp_and_then_needs_a_code_to_sign_in()
    {
        var person = (await Personas.CreateAsync(app)).EditorA;
        var client = await Personas.SignInAsync(app, person.Email);
        var setup = await client.GetOkAsync("/admin/akun/2fa");
        var key = Totp.KeyFrom(setup);
        Assert.NotEmpty(key);

        var wrong = await Personas.PostFormAsync(client, "/admin/akun/2fa/Enable", new() { ["Code"] = "000000" }, "/admin/akun/2fa");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var now = TimeProvider.System.GetUtcNow();
        var enabled = await Personas.PostFormAsync(client, "/admin/akun/2fa/Enable", new() { ["Code"] = Totp.Code(key, now) }, "/admin/akun/2fa");
        Assert.Equal(HttpStatusCode.Redirect, enabled.StatusCode);
        Assert.Contains("Verifikasi dua langkah aktif", await client.GetOkAsync("/admin/akun/2fa"), StringComparison.Ordinal);

        var fresh = app.Browser();
        var password = await Personas.PostFormAsync(fresh, "/admin/masuk", new() { ["Email"] = person.Email, ["Password"] = Personas.Password });
        Assert.Equal("/admin/masuk/kode", password.Headers.Location?.ToString());
        Assert.Contains("/admin/masuk?ReturnUrl", (await fresh.GetAsync(new Uri("/admin", UriKind.Relative))).Headers.Location?.ToString(), StringComparison.Ordinal);

        var bad = await Personas.PostFormAsync(fresh, "/admin/masuk/kode", new() { ["Code"] = "123456" });
        Assert.Contains("Kode salah", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The next time step's code: a phone a little ahead of the server still signs in.
        var good = await Personas.PostFormAsync(fresh, "/admin/masuk/kode", new() { ["Code"] = Totp.Code(key, now.AddSeconds(30)) });
        Assert.Equal("/admin", good.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode);
    }

    public sealed class RequiredApp : SatuPintuApp
    {
        public RequiredApp() : base(postgres: false, new() { ["SatuPintu:Accounts:RequireTwoFactorForAdmins"] = "true" }) { }
    }

    [Fact]
    public async Task With_the_setting_on_an_admin_without_totp_is_sent_to_set_it_up()
    {
        await using var required = new RequiredApp();
        var people = await Personas.CreateAsync(required);
        var admin = await Personas.SignInAsync(required, people.Admin.Email);
        using var dashboard = await admin.GetAsync(new Uri("/admin/artikel", UriKind.Relative));
        Assert.Equal("/admin/akun/2fa", dashboard.Headers.Location?.ToString());
        Assert.Contains("Admin wajib memakai verifikasi dua langkah", await admin.GetOkAsync("/admin/akun/2fa"), StringComparison.Ordinal);

        // Editors are not bound by the admin rule.
        var editor = await Personas.SignInAsync(required, people.EditorA.Email);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(new Uri("/admin/artikel", UriKind.Relative))).StatusCode);
    }
}
