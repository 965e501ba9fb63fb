using System.Security.Claims;
using SatuPintu.Audit;
using SatuPintu.Data;

namespace SatuPintu.Accounts;

/// <summary>
/// The names and actor of the explicit audit events of sign-in (failed, throttled) and of ended sessions:
/// things no tracked entity change shows. Tokens created and revoked are tracked changes, so the audit
/// trail records them itself, once each.
/// </summary>
internal static class AccountAudit
{
    public const string SignInFailed = "signin-failed";
    public const string SignInThrottled = "signin-throttled";
    public const string SessionsEnded = "sessions-ended";
    public const string UserInvited = "user-invited";
    public const string InvitationAccepted = "invitation-accepted";
    public const string ResetLinkMade = "password-reset-link";
    public const string PasswordResetByLink = "password-reset";
    public const string PasswordChanged = "password-changed";
    public const string UserDisabled = "user-disabled";
    public const string UserEnabled = "user-enabled";
    public const string RoleGranted = "role-granted";
    public const string RoleRemoved = "role-removed";

    /// <summary>The CLI verb or job, else the signed-in person, else "anonim" (a sign-in attempt).</summary>
    public static string Actor(HttpContext? http) =>
        AuditActor.Current
        ?? (http?.User.Identity?.IsAuthenticated == true ? http.User.FindFirstValue(ClaimTypes.Email) ?? http.User.Identity.Name : null)
        ?? "anonim";

    /// <summary>Adds the event through the shared audit-event API and saves it (with anything else pending, in one transaction).</summary>
    public static async Task WriteAsync(SatuPintuDb db, string actor, string action, string? userId, string summary, CancellationToken ct = default)
    {
        db.Audit(action, nameof(AppUser), Clip(userId ?? "-", 64), summary: summary, actor: Clip(actor, 256));
        await db.SaveChangesAsync(ct);
    }

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max];
}
