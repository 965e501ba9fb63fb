using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using SatuPintu.Data;
using SatuPintu.Shared;

namespace SatuPintu.Accounts.Admin;

/// <summary>
/// /admin/lupa-sandi: a reset link by e-mail. Every e-mail gets the same answer, known or not, so the form
/// tells nobody which accounts exist; one link per account per <see cref="AccountOptions.ResetEveryMinutes"/>,
/// and posts count against the sign-in rate limit. Without SMTP, or without the portal's public address
/// (a link built from the request's Host header could point anywhere), nothing is sent: an admin makes the link.
/// </summary>
[EnableRateLimiting(AccountsFeature.LoginRateLimit)]
public sealed class ForgotPasswordModel(UserManager<AppUser> users, AccountLinks links, AccountMail mail, SatuPintuDb db,
    IOptions<AccountOptions> options, IOptions<SiteOptions> site, TimeProvider time) : PageModel
{
    public const string Answer = "Bila surel itu milik akun yang aktif, tautan untuk mengatur ulang kata sandi sudah dikirim ke sana. Periksa juga folder spam.";

    [BindProperty, Required(ErrorMessage = "Surel wajib diisi."), EmailAddress(ErrorMessage = "Surel tidak valid."), StringLength(256, ErrorMessage = "Surel paling banyak 256 karakter.")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    /// <summary>False when this portal cannot send the link itself; the page then says to ask an admin.</summary>
    public bool CanSend => mail.Configured && !string.IsNullOrEmpty(site.Value.BaseUrl);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        Sent = true;
        if (!CanSend || await users.FindByEmailAsync(Email.Trim()) is not { DisabledAt: null } user || user.Email is null)
        {
            return Page();
        }
        var last = await links.LastIssuedAsync(user.Id, AccountLinkPurpose.PasswordReset, ct);
        if (last is { } at && time.GetUtcNow().UtcDateTime - at < TimeSpan.FromMinutes(options.Value.ResetEveryMinutes))
        {
            return Page();
        }
        // An invited person who lost the invitation gets a new one: it is their way to a first password.
        var purpose = user.PasswordHash is null ? AccountLinkPurpose.Invitation : AccountLinkPurpose.PasswordReset;
        var secret = await links.IssueAsync(user, purpose, ct);
        await AccountAudit.WriteAsync(db, "anonim", AccountAudit.ResetLinkMade, user.Id, $"tautan atur ulang diminta untuk {user.Email} dari {HttpContext.Connection.RemoteIpAddress}", ct);
        var path = purpose == AccountLinkPurpose.Invitation ? AccountLinks.InvitationPath : AccountLinks.ResetPath;
        await mail.SendAsync(user.Email, purpose, $"{site.Value.BaseUrl!.TrimEnd('/')}{path}?token={secret}", links.Lifetime(purpose), ct);
        return Page();
    }
}
