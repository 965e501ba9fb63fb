using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace SatuPintu.Monitoring.Alerts;

/// <summary>An e-mail per group through the SMTP server of <see cref="SmtpOptions"/> (MailKit).</summary>
public sealed class EmailChannel(IOptions<AlertOptions> options) : IAlertChannel
{
    public string Kind => AlertChannelKinds.Email;

    public async Task SendAsync(ChannelAddress address, IReadOnlyList<AlertRecord> alerts, CancellationToken ct)
    {
        var smtp = options.Value.Smtp;
        using var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(MailboxAddress.Parse(address.Target));
        message.Subject = AlertText.Subject(alerts);
        message.Body = new TextPart("plain") { Text = AlertText.Body(alerts) + "\n-- \nPemantauan SatuPintu\n" };
        using var client = new SmtpClient { Timeout = options.Value.TimeoutSeconds * 1000 };
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
