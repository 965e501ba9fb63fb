using Microsoft.Extensions.Options;
using SatuPintu.Shared;

namespace SatuPintu.Monitoring.Alerts;

/// <summary>An e-mail per group through the SMTP server of <see cref="SmtpOptions"/> (MailKit).</summary>
public sealed class EmailChannel(IOptions<AlertOptions> options) : IAlertChannel
{
    public string Kind => AlertChannelKinds.Email;

    public Task SendAsync(ChannelAddress address, IReadOnlyList<AlertRecord> alerts, CancellationToken ct) =>
        SmtpMail.SendAsync(options.Value.Smtp, options.Value.TimeoutSeconds, address.Target,
            AlertText.Subject(alerts), AlertText.Body(alerts) + "\n-- \nPemantauan SatuPintu\n", ct);
}
