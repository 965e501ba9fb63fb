using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SatuPintu.Accounts.Admin;
using SatuPintu.Data;

namespace SatuPintu.Accounts;

/// <summary>
/// Invitation and password-reset links: made (the newest replaces any older one of its purpose), looked
/// up, and used once to set a password. Setting a password through a link ends every session and token
/// of the account (<see cref="AccountRevocation"/>), so a reset also shuts out whoever knew the old one.
/// </summary>
public sealed class AccountLinks(SatuPintuDb db, UserManager<AppUser> users, AccountRevocation revocation, IOptions<AccountOptions> options, TimeProvider time)
{
    public const string InvitationPath = "/admin/undangan";
    public const string ResetPath = "/admin/sandi-baru";

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public TimeSpan Lifetime(AccountLinkPurpose purpose) => purpose == AccountLinkPurpose.Invitation
        ? TimeSpan.FromDays(options.Value.InvitationDays)
        : TimeSpan.FromMinutes(options.Value.ResetLinkMinutes);

    /// <summary>Makes a link and returns its secret (to send or show once); older unused links of the same purpose stop working.</summary>
    public async Task<string> IssueAsync(AppUser user, AccountLinkPurpose purpose, CancellationToken ct = default)
    {
        var now = Now;
        await foreach (var old in db.AccountLinks.Where(l => l.UserId == user.Id && l.Purpose == purpose && l.UsedAt == null).AsAsyncEnumerable().WithCancellation(ct))
        {
            old.UsedAt = now;
        }
        var secret = AccessTokens.NewToken()[AccessTokens.Prefix.Length..];
        db.AccountLinks.Add(new AccountLink { UserId = user.Id, Purpose = purpose, Hash = AccessTokens.Hash(secret), CreatedAt = now, ExpiresAt = now + Lifetime(purpose) });
        await db.SaveChangesAsync(ct);
        return secret;
    }

    /// <summary>When the last link of this purpose was made for the user (for the reset form's throttle).</summary>
    public Task<DateTime?> LastIssuedAsync(string userId, AccountLinkPurpose purpose, CancellationToken ct) =>
        db.AccountLinks.Where(l => l.UserId == userId && l.Purpose == purpose).MaxAsync(l => (DateTime?)l.CreatedAt, ct);

    /// <summary>The link's account while the link is unused, unexpired and the account enabled; else null.</summary>
    public async Task<(AccountLink Link, AppUser User)?> FindAsync(string? secret, AccountLinkPurpose purpose, CancellationToken ct = default)
    {
        if (secret is not { Length: > 20 and < 100 })
        {
            return null;
        }
        var hash = AccessTokens.Hash(secret);
        var now = Now;
        var link = await db.AccountLinks.Include(l => l.User)
            .FirstOrDefaultAsync(l => l.Hash == hash && l.Purpose == purpose && l.UsedAt == null && l.ExpiresAt > now, ct);
        return link?.User is { DisabledAt: null } user ? (link, user) : null;
    }

    /// <summary>Sets the password through the link and spends it; the errors (in Indonesian) when the password is refused, and then nothing changes.</summary>
    public async Task<IReadOnlyList<string>> UseAsync(string? secret, AccountLinkPurpose purpose, string password, string actor, CancellationToken ct = default)
    {
        if (await FindAsync(secret, purpose, ct) is not { } found)
        {
            return [LinkGone];
        }
        var (link, user) = found;
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var checkedPassword = await validator.ValidateAsync(users, user, password);
            errors.AddRange(checkedPassword.Errors.Select(e => e.Description));
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        // Spent first, in its own save: of two requests racing with one link, the second finds it used.
        link.UsedAt = Now;
        var spent = await db.AccountLinks.Where(l => l.Id == link.Id && l.UsedAt == null).ExecuteUpdateAsync(u => u.SetProperty(l => l.UsedAt, link.UsedAt), ct);
        if (spent == 0)
        {
            return [LinkGone];
        }
        db.Entry(link).State = EntityState.Unchanged;
        var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
        if (!reset.Succeeded)
        {
            throw new InvalidOperationException("A validated password was refused: " + string.Join("; ", reset.Errors.Select(e => e.Code)));
        }
        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        await revocation.EndEverythingAsync(user, actor, purpose == AccountLinkPurpose.Invitation ? "undangan diterima" : "kata sandi diatur ulang lewat tautan", ct);
        await AccountAudit.WriteAsync(db, actor, purpose == AccountLinkPurpose.Invitation ? AccountAudit.InvitationAccepted : AccountAudit.PasswordResetByLink, user.Id,
            purpose == AccountLinkPurpose.Invitation ? $"{user.Email} menerima undangan dan membuat kata sandi" : $"{user.Email} mengatur ulang kata sandi lewat tautan", ct);
        return [];
    }

    public const string LinkGone = "Tautan ini tidak berlaku lagi: sudah dipakai, sudah kedaluwarsa, atau diganti tautan yang lebih baru. Minta tautan baru.";
}
