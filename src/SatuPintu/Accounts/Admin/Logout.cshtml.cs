using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SatuPintu.Data;

namespace SatuPintu.Accounts.Admin;

/// <summary>POST /admin/keluar: a form post with the antiforgery token, so another site cannot sign a person out.</summary>
public sealed class LogoutModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, SatuPintuDb db, TimeProvider time) : PageModel
{
    public IActionResult OnGet() => Redirect("/admin");

    public async Task<IActionResult> OnPostAsync()
    {
        // The session ends on the server too: a copy of the cookie is worthless from now on.
        if (users.GetUserId(User) is { } userId && Sessions.CurrentId(User) is { } sid)
        {
            await Sessions.EndAsync(db, userId, sid, time.GetUtcNow().UtcDateTime, AccountAudit.Actor(HttpContext));
        }
        await signIn.SignOutAsync();
        return Redirect("/admin/masuk");
    }
}
