using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using SatuPintu.Data;

namespace SatuPintu.Accounts.Admin;

/// <summary>
/// /admin/masuk/kode: the second step after the password, for accounts with TOTP on. Same rate limit
/// and throttling as the password; each code works once (<see cref="OneTimeAuthenticatorProvider"/>).
/// </summary>
[EnableRateLimiting(AccountsFeature.LoginRateLimit)]
public sealed class LoginTwoFactorModel(SignInManager<AppUser> signIn, SignInThrottle throttle, SatuPintuDb db, TimeProvider time) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/admin/masuk") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return Redirect("/admin/masuk");
        }
        var email = user.Email ?? user.Id;
        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        var now = time.GetUtcNow().UtcDateTime;
        if (await throttle.WaitAsync(email, address) is { } wait)
        {
            await AccountAudit.WriteAsync(db, now, AccountAudit.Actor(HttpContext), AccountAudit.SignInThrottled, user.Id, $"kode verifikasi {email} dari {address}");
            Error = SignInThrottle.Message(wait);
            return Page();
        }
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        Sessions.MarkFresh(HttpContext);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await throttle.SucceededAsync(email);
            return Redirect("/admin");
        }
        var blocked = await throttle.FailedAsync(email, address);
        await AccountAudit.WriteAsync(db, now, AccountAudit.Actor(HttpContext), AccountAudit.SignInFailed, user.Id, $"kode verifikasi salah untuk {email} dari {address}");
        Error = blocked is { } w ? SignInThrottle.Message(w) : "Kode salah, sudah dipakai, atau kedaluwarsa.";
        return Page();
    }
}
