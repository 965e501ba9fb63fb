using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace SatuPintu.Accounts.Admin;

/// <summary>
/// A page opened by an invitation or reset link: it shows the form while the link is good and sets the
/// password once. The secret stays in the query string of the form's own address, and the page tells
/// browsers not to send it on as a referrer. Posts count against the sign-in rate limit.
/// </summary>
[EnableRateLimiting(AccountsFeature.LoginRateLimit)]
public abstract class LinkPasswordPage(AccountLinks links) : NewPasswordPage
{
    protected abstract AccountLinkPurpose Purpose { get; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public string? Email { get; private set; }
    public bool Gone { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        if (await links.FindAsync(Token, Purpose, ct) is { } found)
        {
            Email = found.User.Email;
        }
        else
        {
            Gone = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers["Referrer-Policy"] = "no-referrer";
        var found = await links.FindAsync(Token, Purpose, ct);
        if (found is null)
        {
            Gone = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Email = found.Value.User.Email;
        if (!NewPasswordOk())
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var errors = await links.UseAsync(Token, Purpose, NewPassword, Email ?? "anonim", ct);
        if (errors.Count > 0)
        {
            return Refused(errors);
        }
        return Redirect("/admin/masuk?sandi=baru");
    }
}

public sealed class AcceptInvitationModel(AccountLinks links) : LinkPasswordPage(links)
{
    protected override AccountLinkPurpose Purpose => AccountLinkPurpose.Invitation;
}

public sealed class ResetPasswordModel(AccountLinks links) : LinkPasswordPage(links)
{
    protected override AccountLinkPurpose Purpose => AccountLinkPurpose.PasswordReset;
}
