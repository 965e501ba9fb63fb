using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;

namespace SatuPintu.Accounts;

/// <summary>
/// The incident response for one person: every session ends, every API token is revoked, and the
/// security stamp changes (catching any cookie without a session). Used by "sign out everywhere",
/// <c>user reset-password</c> and <c>user disable</c>, so none of them can leave a way in behind.
/// </summary>
public sealed class AccountRevocation(SatuPintuDb db, UserManager<AppUser> users, TimeProvider time)
{
    public sealed record Result(int Sessions, int Tokens);

    public async Task<Result> EndEverythingAsync(AppUser user, string actor, string why, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var sessions = await Sessions.EndAsync(db, user.Id, null, now, actor);
        // Tracked, not a bulk update: the audit trail records each token's revocation.
        var tokens = await db.AccessTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null).ToListAsync(ct);
        foreach (var token in tokens)
        {
            token.RevokedAt = now;
        }
        await db.SaveChangesAsync(ct);
        if (tokens.Count > 0)
        {
            await AccountAudit.WriteAsync(db, now, actor, AccountAudit.TokensRevoked, user.Id, $"{tokens.Count} token dicabut: {why}", ct);
        }
        var stamped = await users.UpdateSecurityStampAsync(user);
        if (!stamped.Succeeded)
        {
            throw new InvalidOperationException("Could not renew the security stamp: " + string.Join("; ", stamped.Errors.Select(e => e.Description)));
        }
        return new Result(sessions, tokens.Count);
    }
}
