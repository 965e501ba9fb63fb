using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;

namespace SatuPintu.Accounts.Admin;

/// <summary>
/// /admin/akun/token: a person's API tokens (create, revoke) and signed-in sessions (end one, or all).
/// Creating a token asks for the password again (and the TOTP code when 2FA is on): a stolen session
/// alone must not mint a lasting way in.
/// </summary>
public sealed class TokensModel(SatuPintuDb db, UserManager<AppUser> users, SignInManager<AppUser> signIn, TokenIssuer issuer,
    AccountRevocation revocation, SignInThrottle throttle, TimeProvider time) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Beri nama token."), StringLength(100, ErrorMessage = "Nama paling banyak 100 karakter.")]
    public string Name { get; set; } = "";

    [BindProperty, Range(1, 3650, ErrorMessage = "Masa berlaku harus berupa jumlah hari.")]
    public int? ExpiresInDays { get; set; } = Math.Min(90, issuer.MaxDays);

    [BindProperty, StringLength(256), DataType(DataType.Password)]
    public string? CurrentPassword { get; set; }

    [BindProperty, StringLength(10)]
    public string? Code { get; set; }

    public bool NeedsCode { get; private set; }
    public int MaxDays => issuer.MaxDays;
    public IReadOnlyList<PersonalAccessToken> Tokens { get; private set; } = [];
    public IReadOnlyList<UserSession> Sessions { get; private set; } = [];
    public string? CurrentSession => Accounts.Sessions.CurrentId(User);
    public string? NewToken { get; private set; }
    public string? Message { get; private set; }
    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("signed-in user not found");
        if (issuer.CheckLifetime(ExpiresInDays) is { } lifetime)
        {
            ModelState.AddModelError(nameof(ExpiresInDays), lifetime);
        }
        if (ModelState.IsValid && await ProveItIsYouAsync(user) is { } problem)
        {
            ModelState.AddModelError(problem.Field, problem.Message);
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync();
            return Page();
        }
        (NewToken, _) = await issuer.IssueAsync(user, SatuPintu.Content.HtmlCleaner.PlainText(Name), ExpiresInDays);
        await LoadAsync();
        return Page();
    }

    /// <summary>The password (throttled like the sign-in form) and, with 2FA on, a fresh TOTP code.</summary>
    private async Task<(string Field, string Message)?> ProveItIsYouAsync(AppUser user)
    {
        var email = user.Email ?? user.Id;
        if (await throttle.WaitAsync(email, HttpContext.Connection.RemoteIpAddress?.ToString()) is { } wait)
        {
            return (nameof(CurrentPassword), SignInThrottle.Message(wait));
        }
        if (string.IsNullOrEmpty(CurrentPassword) || !await users.CheckPasswordAsync(user, CurrentPassword))
        {
            await throttle.FailedAsync(email, HttpContext.Connection.RemoteIpAddress?.ToString());
            await AccountAudit.WriteAsync(db, Now, AccountAudit.Actor(HttpContext), AccountAudit.SignInFailed, user.Id, "kata sandi salah saat membuat token");
            return (nameof(CurrentPassword), "Kata sandi salah.");
        }
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (await users.GetTwoFactorEnabledAsync(user)
            && !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            await throttle.FailedAsync(email, HttpContext.Connection.RemoteIpAddress?.ToString());
            return (nameof(Code), "Kode verifikasi salah, sudah dipakai, atau kedaluwarsa.");
        }
        await throttle.SucceededAsync(email);
        return null;
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
        await AccountAudit.WriteAsync(db, Now, AccountAudit.Actor(HttpContext), AccountAudit.TokensRevoked, userId, $"token \"{token.Name}\" dicabut");
        Message = $"Token \"{token.Name}\" dicabut.";
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostEndSessionAsync(string? id)
    {
        var userId = users.GetUserId(User)!;
        if (id is null || await Accounts.Sessions.EndAsync(db, userId, id, Now, AccountAudit.Actor(HttpContext)) == 0)
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
        // Sessions, API tokens and the security stamp, all at once: what an incident response needs.
        await revocation.EndEverythingAsync(user, AccountAudit.Actor(HttpContext), "keluar dari semua sesi");
        await signIn.SignOutAsync();
        return Redirect("/admin/masuk?keluar=semua");
    }

    private async Task LoadAsync()
    {
        var userId = users.GetUserId(User);
        NeedsCode = await db.Users.AnyAsync(u => u.Id == userId && u.TwoFactorEnabled);
        Tokens = await db.AccessTokens.AsNoTracking().Where(t => t.UserId == userId).OrderByDescending(t => t.CreatedAt).ToListAsync();
        // Open sessions that have not outlived the cookie (8 hours without activity).
        var idleSince = Now - TimeSpan.FromHours(8);
        Sessions = await db.UserSessions.AsNoTracking().Where(s => s.UserId == userId && s.EndedAt == null && s.LastSeenAt > idleSince)
            .OrderByDescending(s => s.LastSeenAt).ToListAsync();
    }
}
