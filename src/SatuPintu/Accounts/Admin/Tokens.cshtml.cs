using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;

namespace SatuPintu.Accounts.Admin;

/// <summary>/admin/akun/token: a person's API tokens (create, revoke) and "sign out everywhere".</summary>
public sealed class TokensModel(SatuPintuDb db, UserManager<AppUser> users, SignInManager<AppUser> signIn, TokenIssuer issuer, TimeProvider time) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Beri nama token."), StringLength(100, ErrorMessage = "Nama paling banyak 100 karakter.")]
    public string Name { get; set; } = "";

    [BindProperty, Range(1, TokenIssuer.MaxDays, ErrorMessage = "Masa berlaku 1 sampai 3650 hari.")]
    public int? ExpiresInDays { get; set; } = 90;

    public IReadOnlyList<PersonalAccessToken> Tokens { get; private set; } = [];
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

    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("signed-in user not found");
        // A new security stamp ends every other session at its next validation (within a minute).
        await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return Redirect("/admin/masuk");
    }

    private async Task LoadAsync()
    {
        var userId = users.GetUserId(User);
        Tokens = await db.AccessTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAt).ToListAsync();
    }
}
