using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using SatuPintu.Data;

namespace SatuPintu.Accounts.Admin;

/// <summary>
/// /admin/masuk: e-mail and password. An unknown, a disabled and a wrong-password account get the same
/// answer, after the same work (a password hash is checked either way), and the same throttling
/// (<see cref="SignInThrottle"/>), so the form tells nobody which accounts exist.
/// </summary>
[EnableRateLimiting(AccountsFeature.LoginRateLimit)]
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, SignInThrottle throttle, SatuPintuDb db, TimeProvider time) : PageModel
{
    public const string WrongCredentials = "Surel atau kata sandi salah.";

    /// <summary>A hash of a random password, checked for unknown e-mails so they take as long as real ones.</summary>
    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), AccessTokens.NewPassword()));

    [BindProperty, Required(ErrorMessage = "Surel wajib diisi."), EmailAddress(ErrorMessage = "Surel tidak valid."), StringLength(256)]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Kata sandi wajib diisi."), StringLength(256), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>"semua" after "sign out everywhere": say what it did.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Keluar { get; set; }

    /// <summary>"baru" after a password was set through an invitation or reset link.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Sandi { get; set; }

    public string? Error { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        var now = time.GetUtcNow().UtcDateTime;
        if (await throttle.WaitAsync(Email, address) is { } wait)
        {
            await AccountAudit.WriteAsync(db, AccountAudit.Actor(HttpContext), AccountAudit.SignInThrottled, null, $"{Email} dari {address}");
            Error = SignInThrottle.Message(wait);
            return Page();
        }
        var user = await users.FindByEmailAsync(Email);
        Sessions.MarkFresh(HttpContext);
        var result = Microsoft.AspNetCore.Identity.SignInResult.Failed;
        if (user is null || user.DisabledAt is not null)
        {
            users.PasswordHasher.VerifyHashedPassword(user ?? new AppUser(), DummyHash.Value, Password);
        }
        else
        {
            result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: false);
        }
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            await throttle.SucceededAsync(Email);
            return result.RequiresTwoFactor
                ? Redirect("/admin/masuk/kode")
                : LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl!.StartsWith("/admin", StringComparison.Ordinal) ? ReturnUrl : await LandingAsync(user!));
        }
        var blocked = await throttle.FailedAsync(Email, address);
        await AccountAudit.WriteAsync(db, AccountAudit.Actor(HttpContext), AccountAudit.SignInFailed, user?.Id,
            $"{Email} dari {address}{(user?.DisabledAt is not null ? " (akun nonaktif)" : "")}");
        Error = blocked is { } w ? SignInThrottle.Message(w) : WrongCredentials;
        return Page();
    }

    /// <summary>Pimpinan who edit nothing start on their own page; the dashboard is for staff.</summary>
    private async Task<string> LandingAsync(AppUser user) =>
        await users.IsInRoleAsync(user, Network.NetworkAccess.PimpinanRole) && !await users.IsInRoleAsync(user, Access.AdminRole)
        && !db.OpdMemberships.Any(m => m.UserId == user.Id) ? "/admin/pimpinan" : "/admin";
}
