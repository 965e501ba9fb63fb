using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace SatuPintu.Accounts.Admin;

/// <summary>/admin/masuk: e-mail and password; lockout after 5 failures, at most 10 attempts a minute per address.</summary>
[EnableRateLimiting(AccountsFeature.LoginRateLimit)]
public sealed class LoginModel(SignInManager<AppUser> signIn, UserManager<AppUser> users) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Surel wajib diisi."), EmailAddress(ErrorMessage = "Surel tidak valid."), StringLength(256)]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Kata sandi wajib diisi."), StringLength(256), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

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
        var user = await users.FindByEmailAsync(Email);
        if (user?.DisabledAt is not null)
        {
            Error = "Akun ini dinonaktifkan. Hubungi admin Diskominfo.";
            return Page();
        }
        Sessions.MarkFresh(HttpContext);
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return Redirect("/admin/masuk/kode");
        }
        if (result.Succeeded)
        {
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl!.StartsWith("/admin", StringComparison.Ordinal) ? ReturnUrl : "/admin");
        }
        Error = result.IsLockedOut
            ? "Terlalu banyak percobaan yang gagal. Akun dikunci sementara; coba lagi 15 menit lagi."
            : "Surel atau kata sandi salah.";
        return Page();
    }
}
