using SatuPintu.Data;

namespace SatuPintu.Audit;

/// <summary>
/// Explicit audit events for what is not a row change (a failed sign-in, a lockout, a session
/// ended, a token created or revoked). The row is saved by the caller's next SaveChanges, so it
/// shares that save's transaction; time and, when not given, the actor are filled in by
/// <see cref="AuditTrail"/> (actor "anonim" when nobody is signed in).
/// </summary>
public static class AuditEvents
{
    /// <example><c>db.Audit("login-failed", "AppUser", user.Id, summary: email, actor: email); await db.SaveChangesAsync();</c></example>
    public static AuditEntry Audit(this SatuPintuDb db, string action, string entityType, string entityId, int? opdId = null, string? summary = null, string? actor = null)
    {
        var entry = new AuditEntry
        {
            Actor = actor ?? "",
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            OpdId = opdId,
            Summary = summary is { Length: > 300 } ? summary[..300] : summary,
        };
        db.AuditEntries.Add(entry);
        return entry;
    }
}
