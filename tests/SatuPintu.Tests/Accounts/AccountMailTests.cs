using System.Net;
using System.Text.RegularExpressions;
using MimeKit;
using SatuPintu.Tests.Infrastructure;
using SatuPintu.Tests.Monitoring;

namespace SatuPintu.Tests.Accounts;

/// <summary>
/// Invitation and "lupa kata sandi" e-mails through a real SMTP server on loopback: the mail is read from
/// the sink, its link followed, the password set and the person signs in with it.
/// </summary>
public sealed partial class AccountMailTests
{
    private const string Password = "kata sandi dari surel yang panjang";

    [Fact]
    public async Task An_invited_person_follows_the_mailed_link_sets_a_password_signs_in_and_can_reset_it_by_mail()
    {
        await using var sink = SmtpSink.Start();
        await using var app = Node.Fresh(postgres: false, new()
        {
            ["SatuPintu:Accounts:Smtp:Host"] = "127.0.0.1",
            ["SatuPintu:Accounts:Smtp:Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SatuPintu:Accounts:Smtp:Security"] = "none",
            ["SatuPintu:Accounts:Smtp:From"] = "portal@uji.kepahiangkab.go.id",
            ["SatuPintu:Site:BaseUrl"] = "http://localhost",
            ["SatuPintu:Accounts:LoginAttemptsPerMinute"] = "1000",
        });
        var people = await Personas.CreateAsync(app);
        var admin = await Personas.SignInAsync(app, people.Admin.Email);
        var email = $"undangan-{Guid.NewGuid():N}"[..20] + "@uji.kepahiangkab.go.id";

        var invited = await Personas.PostFormAsync(admin, "/admin/pengguna/Invite",
            new() { ["Email"] = email, ["DisplayName"] = "Orang Undangan", ["Role"] = "editor", ["Opd"] = Personas.OpdA }, "/admin/pengguna");
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);
        Assert.Contains($"Undangan dikirim ke {email}", await admin.GetStringAsync(invited.Headers.Location), StringComparison.Ordinal);
        var invitation = await MailAsync(sink, 1);
        Assert.Equal(email, invitation.To.Mailboxes.Single().Address);
        Assert.Equal("Undangan ke ruang admin SatuPintu", invitation.Subject);
        await SetPasswordAsync(app, LinkIn(invitation), Password);
        var person = await Personas.SignInAsync(app, email, Password);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync(new Uri("/admin/artikel", UriKind.Relative))).StatusCode);

        // "Lupa kata sandi": the same answer for any address, and the mail goes only to the account's own.
        var anonymous = app.Browser();
        var asked = await Personas.PostFormAsync(anonymous, "/admin/lupa-sandi", new() { ["Email"] = email }, "/admin/lupa-sandi");
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var reset = await MailAsync(sink, 2);
        Assert.Equal(email, reset.To.Mailboxes.Single().Address);
        Assert.Equal("Atur ulang kata sandi SatuPintu", reset.Subject);
        const string newPassword = "kata sandi baru dari surel atur ulang";
        await SetPasswordAsync(app, LinkIn(reset), newPassword);
        var again = await Personas.SignInAsync(app, email, newPassword);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync(new Uri("/admin/artikel", UriKind.Relative))).StatusCode);
        var old = await Personas.PostFormAsync(app.Browser(), "/admin/masuk", new() { ["Email"] = email, ["Password"] = Password });
        Assert.NotEqual(HttpStatusCode.Redirect, old.StatusCode);
    }

    private static async Task<MimeMessage> MailAsync(SmtpSink sink, int count)
    {
        Assert.True(await Eventually.TrueAsync(() => sink.Messages.Count >= count), $"no e-mail number {count} arrived at the sink");
        using var raw = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(sink.Messages.ElementAt(count - 1)));
        return await MimeMessage.LoadAsync(raw);
    }

    /// <summary>The link in the mail, as path and query on the test server.</summary>
    private static string LinkIn(MimeMessage mail)
    {
        var link = LinkRegex().Match(mail.TextBody ?? "").Value;
        Assert.StartsWith("http://localhost/", link, StringComparison.Ordinal);
        return new Uri(link).PathAndQuery;
    }

    private static async Task SetPasswordAsync(SatuPintuApp app, string link, string password)
    {
        var browser = app.Browser();
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(new Uri(link, UriKind.Relative))).StatusCode);
        var set = await Personas.PostFormAsync(browser, link, new() { ["NewPassword"] = password, ["ConfirmPassword"] = password });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal("/admin/masuk?sandi=baru", set.Headers.Location?.ToString());
    }

    [GeneratedRegex(@"https?://\S+token=\S+")]
    private static partial Regex LinkRegex();
}
