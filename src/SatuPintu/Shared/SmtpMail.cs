using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using SatuPintu.Monitoring.Alerts;

namespace SatuPintu.Shared;

/// <summary>One plain-text e-mail through an SMTP server (MailKit): alerts and account links share it.</summary>
public static class SmtpMail
{
    public static async Task SendAsync(SmtpOptions smtp, int timeoutSeconds, string to, string subject, string body, CancellationToken ct)
    {
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };
        using var client = new SmtpClient { Timeout = timeoutSeconds * 1000 };
        var security = smtp.Security switch
        {
            "none" => SecureSocketOptions.None,
            "starttls" => SecureSocketOptions.StartTls,
            "tls" => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTlsWhenAvailable,
        };
        await client.ConnectAsync(smtp.Host, smtp.Port, security, ct);
        if (!string.IsNullOrEmpty(smtp.Username))
        {
            await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", ct);
        }
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
