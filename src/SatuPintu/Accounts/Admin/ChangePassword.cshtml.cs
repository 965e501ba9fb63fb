using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;

namespace SatuPintu.Accounts.Admin;

/// <summary>
/// /admin/akun/sandi: the current password (throttled like the sign-in form), then the new one twice.
/// The person's other sessions end; this one carries on without the forced-change mark.
/// </summary>
public sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, SignInThrottle throttle, SatuPintuDb db, TimeProvider time)
    : NewPasswordPage
{
    [BindProperty, Required(ErrorMessage = "Kata sandi sekarang wajib diisi."), StringLength(256), DataType(DataType.Password)]
    public string CurrentPassword { get; set; } = "";

    [TempData]
    public string? Message { get; set; }

    public bool Forced => PasswordChange.Required(User);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!NewPasswordOk())
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("signed-in user not found");
        var email = user.Email ?? user.Id;
        var address = HttpContext.Connection.RemoteIpAddress?.ToString();
        if (await throttle.WaitAsync(email, address) is { } wait)
        {
            ModelState.AddModelError(nameof(CurrentPassword), SignInThrottle.Message(wait));
            return Refused([]);
        }
        if (!await users.CheckPasswordAsync(user, CurrentPassword))
        {
            await throttle.FailedAsync(email, address);
            await AccountAudit.WriteAsync(db, AccountAudit.Actor(HttpContext), AccountAudit.SignInFailed, user.Id, "kata sandi salah saat mengganti kata sandi");
            ModelState.AddModelError(nameof(CurrentPassword), "Kata sandi sekarang salah.");
            return Refused([]);
        }
        await throttle.SucceededAsync(email);
        if (NewPassword == CurrentPassword)
        {
            return Refused(["Kata sandi baru harus berbeda dari yang sekarang."]);
        }
        var changed = await users.ChangePasswordAsync(user, CurrentPassword, NewPassword);
        if (!changed.Succeeded)
        {
            return Refused(changed.Errors.Select(e => e.Description));
        }
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        var current = Accounts.Sessions.CurrentId(User);
        var now = time.GetUtcNow().UtcDateTime;
        var others = await db.UserSessions.Where(s => s.UserId == user.Id && s.EndedAt == null && s.Id != current).Select(s => s.Id).ToListAsync();
        foreach (var id in others)
        {
            await Accounts.Sessions.EndAsync(db, user.Id, id, now, AccountAudit.Actor(HttpContext));
        }
        await AccountAudit.WriteAsync(db, AccountAudit.Actor(HttpContext), AccountAudit.PasswordChanged, user.Id, $"{user.Email} mengganti kata sandinya");
        // A new cookie from the renewed stamp, in the same session (not a fresh sign-in), without the forced-change mark.
        await signIn.RefreshSignInAsync(user);
        Message = "Kata sandi diganti.";
        return Redirect(PasswordChange.Path);
    }
}
