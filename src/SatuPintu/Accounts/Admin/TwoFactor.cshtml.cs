using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace SatuPintu.Accounts.Admin;

/// <summary>/admin/akun/2fa: turn TOTP two-factor sign-in on (key + first code) or off (unless required for admins).</summary>
public sealed class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, IOptions<AccountOptions> options) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    public bool Enabled { get; private set; }
    public string SharedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";
    public bool Required => options.Value.RequireTwoFactorForAdmins && User.IsAdmin();
    public string? Message { get; private set; }
    public string? Problem { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await CurrentAsync();
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (code.Length != 6 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            Problem = "Kode tidak cocok atau sudah dipakai. Periksa jam ponsel dan coba kode yang baru.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync();
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        // Sign in again so this session carries the second factor ("amr=mfa").
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new System.Security.Claims.Claim("amr", "mfa")]);
        Message = "Verifikasi dua langkah aktif. Mulai sekarang masuk meminta kode dari aplikasi autentikator.";
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        if (Required)
        {
            return Forbid();
        }
        var user = await CurrentAsync();
        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key's codes were never used: the "used once" mark belongs to the old key (saved with the reset).
        user.LastTotpStep = null;
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        Message = "Verifikasi dua langkah dinonaktifkan.";
        await LoadAsync();
        return Page();
    }

    private async Task<AppUser> CurrentAsync() => await users.GetUserAsync(User) ?? throw new InvalidOperationException("signed-in user not found");

    private async Task LoadAsync()
    {
        var user = await CurrentAsync();
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        if (Enabled)
        {
            return;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            user.LastTotpStep = null;
            await users.ResetAuthenticatorKeyAsync(user);
            // A new key means a new security stamp: carry it in this cookie, or the next check signs the person out mid-setup.
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        SharedKey = string.Join(' ', Enumerable.Range(0, (key!.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - i * 4)))).ToLowerInvariant();
        var label = Uri.EscapeDataString($"SatuPintu:{user.Email}");
        AuthenticatorUri = new StringBuilder($"otpauth://totp/{label}?secret={key}&issuer=SatuPintu&digits=6").ToString();
    }
}
