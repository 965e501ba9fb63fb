using System.Security.Claims;
using SatuPintu.Audit;
using SatuPintu.Data;

namespace SatuPintu.Accounts;

/// <summary>
/// Explicit audit events of sign-in and account security (failed sign-ins, throttling, ended sessions,
/// revoked tokens): things no entity change shows, or bulk updates the audit interceptor cannot see.
/// One place, so a shared audit-event API can replace it.
/// </summary>
internal static class AccountAudit
{
    public const string SignInFailed = "signin-failed";
    public const string SignInThrottled = "signin-throttled";
    public const string SessionsEnded = "sessions-ended";
    public const string TokensRevoked = "tokens-revoked";

    /// <summary>The CLI verb or job, else the signed-in person, else "anonim" (a sign-in attempt).</summary>
    public static string Actor(HttpContext? http) =>
        AuditActor.Current
        ?? (http?.User.Identity?.IsAuthenticated == true ? http.User.FindFirstValue(ClaimTypes.Email) ?? http.User.Identity.Name : null)
        ?? "anonim";

    public static async Task WriteAsync(SatuPintuDb db, DateTime now, string actor, string action, string? userId, string summary, CancellationToken ct = default)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = now, Actor = Clip(actor, 256), Action = action, EntityType = nameof(AppUser),
            EntityId = Clip(userId ?? "-", 64), Summary = Clip(summary, 300),
        });
        await db.SaveChangesAsync(ct);
    }

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max];
}
