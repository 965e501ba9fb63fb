using Microsoft.Extensions.Options;
using SatuPintu.Accounts.Admin;
using SatuPintu.Shared;

namespace SatuPintu.Accounts;

/// <summary>
/// Sends invitation and reset links through the SMTP server of <c>SatuPintu:Accounts:Smtp</c>. Without
/// one nothing is sent: the admin pages then show the link to copy, and "lupa kata sandi" tells the
/// person to ask an admin (an anonymous form must never show a link that opens someone's account).
/// </summary>
public sealed class AccountMail(IOptions<AccountOptions> options, ILogger<AccountMail> log)
{
    public bool Configured => options.Value.Smtp is { Host.Length: > 0 };

    /// <summary>True when the e-mail was handed to the server; false without SMTP or when the server refused (logged, without the link).</summary>
    public async Task<bool> SendAsync(string to, AccountLinkPurpose purpose, string link, TimeSpan lifetime, CancellationToken ct)
    {
        if (options.Value.Smtp is not { Host.Length: > 0 } smtp)
        {
            return false;
        }
        var valid = lifetime.TotalDays >= 1 ? $"{(int)lifetime.TotalDays} hari" : $"{(int)lifetime.TotalMinutes} menit";
        var (subject, body) = purpose == AccountLinkPurpose.Invitation
            ? ("Undangan ke ruang admin SatuPintu",
               $"Anda diundang ke ruang admin portal SatuPintu.\n\nBuka tautan ini untuk membuat kata sandi Anda (berlaku {valid}, sekali pakai):\n{link}\n\nBila Anda tidak mengenal undangan ini, abaikan surel ini.\n")
            : ("Atur ulang kata sandi SatuPintu",
               $"Ada permintaan mengatur ulang kata sandi akun Anda.\n\nBuka tautan ini untuk membuat kata sandi baru (berlaku {valid}, sekali pakai):\n{link}\n\nBila bukan Anda yang meminta, abaikan surel ini: kata sandi Anda tidak berubah.\n");
        try
        {
            await SmtpMail.SendAsync(smtp, options.Value.SmtpTimeoutSeconds, to, subject, body + "-- \nSatuPintu\n", ct);
            return true;
        }
        catch (Exception e) when (e is MailKit.ServiceNotConnectedException or MailKit.Net.Smtp.SmtpCommandException or MailKit.Net.Smtp.SmtpProtocolException
                                      or System.Net.Sockets.SocketException or IOException or TimeoutException or MailKit.Security.AuthenticationException)
        {
            log.LogWarning(e, "Account e-mail ({Purpose}) to {To} was not sent", purpose, to);
            return false;
        }
    }
}
