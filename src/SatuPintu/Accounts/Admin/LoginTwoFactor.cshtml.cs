using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace SatuPintu.Accounts.Admin;

/// <summary>/admin/masuk/kode: the second step after the password, for accounts with TOTP on. Same lockout and rate limit.</summary>
[EnableRateLimiting(AccountsFeature.LoginRateLimit)]
public sealed class LoginTwoFactorModel(SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/admin/masuk") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return Redirect("/admin/masuk");
        }
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        Sessions.MarkFresh(HttpContext);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            return Redirect("/admin");
        }
        Error = result.IsLockedOut ? "Terlalu banyak percobaan yang gagal. Akun dikunci sementara." : "Kode salah atau sudah kedaluwarsa.";
        return Page();
    }
}
