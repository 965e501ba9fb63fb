using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SatuPintu.Accounts.Admin;

/// <summary>Settings under "SatuPintu:Accounts".</summary>
public sealed class AccountOptions : IValidatableObject
{
    public const string Section = "SatuPintu:Accounts";

    /// <summary>Admins must use TOTP: without it they are sent to set it up before anything else.</summary>
    public bool RequireTwoFactorForAdmins { get; set; }

    [Range(1, 10_000)]
    public int LoginAttemptsPerMinute { get; set; } = 10;

    /// <summary>Longest life of an API token, in days; the tokens page and <c>token create</c> cap at it, and older tokens stop at it too.</summary>
    [Range(1, 3650)]
    public int MaxTokenDays { get; set; } = 365;

    /// <summary>Failed sign-ins of one e-mail before each further attempt must wait.</summary>
    [Range(1, 1000)]
    public int FailuresPerAccount { get; set; } = 5;

    /// <summary>Failed sign-ins from one client address (an office behind one NAT: higher) before it must wait.</summary>
    [Range(1, 10_000)]
    public int FailuresPerAddress { get; set; } = 30;

    /// <summary>The first wait; each further failure doubles it up to <see cref="MaxDelaySeconds"/>.</summary>
    [Range(1, 86_400)]
    public int FirstDelaySeconds { get; set; } = 60;

    [Range(1, 86_400)]
    public int MaxDelaySeconds { get; set; } = 3600;

    /// <summary>E-mail of the first admin created on first start; unset: a random, unguessable address.</summary>
    [EmailAddress, StringLength(256)]
    public string? BootstrapAdminEmail { get; set; }

    /// <summary>How long an invitation link opens the account, in days.</summary>
    [Range(1, 30)]
    public int InvitationDays { get; set; } = 3;

    /// <summary>How long a "lupa kata sandi" link works, in minutes.</summary>
    [Range(5, 1440)]
    public int ResetLinkMinutes { get; set; } = 60;

    /// <summary>At most one reset e-mail per account in this many minutes: the form cannot be used to flood someone's inbox.</summary>
    [Range(1, 1440)]
    public int ResetEveryMinutes { get; set; } = 5;

    /// <summary>The mail server for invitations and reset links (same shape as the alerts' one); unset: admins copy the link themselves.</summary>
    [ValidateObjectMembers]
    public Monitoring.Alerts.SmtpOptions? Smtp { get; set; }

    [Range(1, 120)]
    public int SmtpTimeoutSeconds { get; set; } = 15;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (FirstDelaySeconds > MaxDelaySeconds)
        {
            yield return new ValidationResult("FirstDelaySeconds must not exceed MaxDelaySeconds.", [nameof(FirstDelaySeconds)]);
        }
    }
}

[OptionsValidator]
public sealed partial class AccountOptionsValidator : IValidateOptions<AccountOptions>;
