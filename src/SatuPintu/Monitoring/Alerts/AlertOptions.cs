using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SatuPintu.Monitoring.Alerts;

/// <summary>Alert delivery: "SatuPintu:Monitoring:Alerts".</summary>
public sealed class AlertOptions
{
    public const string Section = "SatuPintu:Monitoring:Alerts";

    /// <summary>Alerts for one channel within this many seconds of the first go out as one message.</summary>
    [Range(0, 3600)]
    public int GroupSeconds { get; set; } = 30;

    /// <summary>The first retry waits this long; each further one twice as long, up to <see cref="RetryMaxSeconds"/>.</summary>
    [Range(1, 3600)]
    public int RetryBaseSeconds { get; set; } = 10;

    [Range(1, 86400)]
    public int RetryMaxSeconds { get; set; } = 900;

    /// <summary>Attempts per alert and channel before it is given up (and logged so).</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 10;

    /// <summary>How often the dispatcher looks for due deliveries (a new alert also wakes it).</summary>
    [Range(1, 60)]
    public int PollSeconds { get; set; } = 1;

    /// <summary>Longest wait for one webhook or Telegram call.</summary>
    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 15;

    /// <summary>The Telegram bot API; a test points it at a loopback sink.</summary>
    [Required, Url]
    public string TelegramBaseUrl { get; set; } = "https://api.telegram.org";

    [ValidateObjectMembers]
    public SmtpOptions Smtp { get; set; } = new();
}

/// <summary>The mail server e-mail alerts are handed to: "SatuPintu:Monitoring:Alerts:Smtp".</summary>
public sealed class SmtpOptions
{
    [Required, MinLength(1), MaxLength(253)]
    public string Host { get; set; } = "localhost";

    [Range(1, 65535)]
    public int Port { get; set; } = 25;

    /// <summary><c>none</c>, <c>starttls</c> (when offered: <c>auto</c>) or <c>tls</c>.</summary>
    [Required, RegularExpression("^(none|auto|starttls|tls)$")]
    public string Security { get; set; } = "auto";

    public string? Username { get; set; }
    public string? Password { get; set; }

    [Required, EmailAddress]
    public string From { get; set; } = "pemantauan@satupintu.local";
}

[OptionsValidator]
public sealed partial class AlertOptionsValidator : IValidateOptions<AlertOptions>;
