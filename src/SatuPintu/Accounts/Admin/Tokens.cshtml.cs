using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;

namespace SatuPintu.Accounts.Admin;

/// <summary>/admin/akun/token: a person's API tokens (create, revoke) and signed-in sessions (end one, or all).</summary>
public sealed class TokensModel(SatuPintuDb db, UserManager<AppUser> users, SignInManager<AppUser> signIn, TokenIssuer issuer, TimeProvider time) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Beri nama token."), StringLength(100, ErrorMessage = "Nama paling banyak 100 karakter.")]
    public string Name { get; set; } = "";

    [BindProperty, Range(1, TokenIssuer.MaxDays, ErrorMessage = "Masa berlaku 1 sampai 3650 hari.")]
    public int? ExpiresInDays { get; set; } = 90;

    public IReadOnlyList<PersonalAccessToken> Tokens { get; private set; } = [];
    public IReadOnlyList<UserSession> Sessions { get; private set; } = [];
    public string? CurrentSession => Accounts.Sessions.CurrentId(User);
    public string? NewToken { get; private set; }
    public string? Message { get; private set; }
    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("signed-in user not found");
        (NewToken, _) = await issuer.IssueAsync(user, SatuPintu.Content.HtmlCleaner.PlainText(Name), ExpiresInDays);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int id)
    {
        var userId = users.GetUserId(User);
        var token = await db.AccessTokens.FirstOrDefaultAsync(t => t.Id == id && t.UserId == userId);
        if (token is null)
        {
            return NotFound();
        }
        token.RevokedAt ??= Now;
        await db.SaveChangesAsync();
        Message = $"Token \"{token.Name}\" dicabut.";
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostEndSessionAsync(string? id)
    {
        var userId = users.GetUserId(User)!;
        if (id is null || await Accounts.Sessions.EndAsync(db, userId, id, Now) == 0)
        {
            return NotFound();
        }
        if (id == CurrentSession)
        {
            await signIn.SignOutAsync();
            return Redirect("/admin/masuk");
        }
        Message = "Sesi diakhiri: perangkat itu harus masuk lagi.";
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("signed-in user not found");
        // Every session ends at once; the new security stamp also catches any cookie issued without one.
        await Accounts.Sessions.EndAsync(db, user.Id, null, Now);
        await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return Redirect("/admin/masuk");
    }

    private async Task LoadAsync()
    {
        var userId = users.GetUserId(User);
        Tokens = await db.AccessTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAt).ToListAsync();
        // Open sessions that have not outlived the cookie (8 hours without activity).
        var idleSince = Now - TimeSpan.FromHours(8);
        Sessions = await db.UserSessions.AsNoTracking().Where(s => s.UserId == userId && s.EndedAt == null && s.LastSeenAt > idleSince)
            .OrderByDescending(s => s.LastSeenAt).ToListAsync();
    }
}
