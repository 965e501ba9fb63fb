using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using SatuPintu.Data;

namespace SatuPintu.Audit;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every change made through <see cref="SatuPintuDb"/> by a
/// signed-in person, a CLI verb or a job: one mechanism, so no code path can forget it, and in the
/// same transaction as the change (<see cref="SameTransactionInterceptor"/>). Seeding and other
/// actor-less writes are not audited. Secrets (password hashes, token hashes, stamps) never enter the
/// trail; article and page bodies enter as length and SHA-256 only (revisions hold the text).
/// Explicit events (<see cref="AuditEvents.Audit"/>) get their time and actor here.
/// </summary>
public sealed class AuditTrail(IHttpContextAccessor http, TimeProvider time) : ISaveCompanion
{
    private static readonly HashSet<string> Secret = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "Hash", "NormalizedEmail", "NormalizedUserName"];
    private static readonly HashSet<string> Bodies = ["BodyHtml", "BodyMarkdown"];
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private sealed record Pending(EntityEntry Entry, string Action, Dictionary<string, object?>? Before, string Actor);

    internal string? CurrentActor()
    {
        if (AuditActor.Current is { } actor)
        {
            return actor;
        }
        var user = http.HttpContext?.User;
        return user?.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name : null;
    }

    public object? Capture(DbContext db)
    {
        var actor = CurrentActor();
        foreach (var explicitEvent in db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added && e.Entity.At == default))
        {
            explicitEvent.Entity.At = time.GetUtcNow().UtcDateTime;
            if (string.IsNullOrEmpty(explicitEvent.Entity.Actor))
            {
                explicitEvent.Entity.Actor = actor ?? "anonim";
            }
        }
        if (actor is null || AuditSummary.Active)
        {
            return null;
        }
        var pending = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsAudited(e))
            .Select(e => new Pending(e, e.State switch { EntityState.Added => "create", EntityState.Deleted => "delete", _ => "update" },
                e.State == EntityState.Added ? null : Values(e, original: true), actor))
            .ToList();
        return pending.Count > 0 ? pending : null;
    }

    public ValueTask CommittedAsync(DbContext db, object captured, bool wait, CancellationToken ct) => ValueTask.CompletedTask;

    /// <summary>Adds the audit rows once keys are known.</summary>
    public void Complete(DbContext db, object captured)
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var p in (List<Pending>)captured)
        {
            var after = p.Action == "delete" ? null : Values(p.Entry, original: false);
            var before = p.Before;
            if (p.Action == "update" && before is not null && after is not null)
            {
                // Keep only what changed, so the trail reads as a diff.
                var changed = after.Keys.Where(k => !Equals(Normalize(before.GetValueOrDefault(k)), Normalize(after[k]))).ToHashSet();
                if (changed.Count == 0)
                {
                    continue;
                }
                before = before.Where(kv => changed.Contains(kv.Key)).ToDictionary();
                after = after.Where(kv => changed.Contains(kv.Key)).ToDictionary();
            }
            db.Add(new AuditEntry
            {
                At = now,
                Actor = p.Actor,
                Action = p.Action,
                EntityType = p.Entry.Metadata.ClrType.Name,
                EntityId = string.Join(",", p.Entry.Metadata.FindPrimaryKey()!.Properties.Select(k => p.Entry.Property(k.Name).CurrentValue)),
                OpdId = OpdOf(p.Entry),
                Summary = Truncate(Describe(p.Entry), 300),
                Before = before is null ? null : JsonSerializer.Serialize(before, Json),
                After = after is null ? null : JsonSerializer.Serialize(after, Json),
            });
        }
    }

    private static bool IsAudited(EntityEntry e) =>
        e.Entity is Microsoft.AspNetCore.Identity.IdentityUserRole<string>
        || (e.Entity is not AuditEntry and not SeedState and not JobLease and not Changes.PublicChange
                and not Accounts.UserSession and not Accounts.LoginThrottle && !e.Metadata.IsPropertyBag
            && e.Metadata.ClrType.Namespace?.StartsWith("SatuPintu", StringComparison.Ordinal) == true);

    private static Dictionary<string, object?> Values(EntityEntry e, bool original) =>
        e.Properties.Where(p => !Secret.Contains(p.Metadata.Name))
            .ToDictionary(p => p.Metadata.Name, p =>
            {
                var value = Normalize(original ? p.OriginalValue : p.CurrentValue);
                return Bodies.Contains(p.Metadata.Name) && value is string body ? Fingerprint(body) : value;
            });

    /// <summary>A body as length and hash: enough to see that (and when) it changed, without a second copy of the text.</summary>
    private static string Fingerprint(string body) =>
        $"{body.Length} karakter, sha256:{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(body)))}";

    private static object? Normalize(object? value) => value switch
    {
        Enum en => en.ToString(),
        DateTime dt => DateTime.SpecifyKind(dt, DateTimeKind.Utc),
        _ => value,
    };

    private static int? OpdOf(EntityEntry e) =>
        e.Entity is Directory.Opd opd ? opd.Id
        : e.Metadata.FindProperty("OpdId") is { } prop ? e.Property(prop.Name).CurrentValue as int?
        : null;

    private static string? Describe(EntityEntry e)
    {
        foreach (var name in new[] { "Title", "Name", "Email" })
        {
            if (e.Metadata.FindProperty(name) is not null && e.Property(name).CurrentValue is string s)
            {
                return s;
            }
        }
        return null;
    }

    private static string? Truncate(string? s, int max) => s is null || s.Length <= max ? s : s[..max];
}
