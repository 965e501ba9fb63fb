using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SatuPintu.Data;

namespace SatuPintu.Audit;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every change made through <see cref="SatuPintuDb"/> by a
/// signed-in person, a CLI verb or a job: one mechanism, so no code path can forget it. Seeding and
/// other actor-less writes are not audited. Secrets (password hashes, token hashes, stamps) never
/// enter the trail.
/// </summary>
public sealed class AuditInterceptor(IHttpContextAccessor http, TimeProvider time) : SaveChangesInterceptor
{
    private static readonly HashSet<string> Secret = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "Hash", "NormalizedEmail", "NormalizedUserName"];
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    private sealed record Pending(EntityEntry Entry, string Action, Dictionary<string, object?>? Before, string Actor);

    private readonly ConditionalWeakTable<DbContext, List<Pending>> _pending = [];

    private string? CurrentActor()
    {
        if (AuditActor.Current is { } actor)
        {
            return actor;
        }
        var user = http.HttpContext?.User;
        return user?.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name : null;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && Write(db))
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } db && Write(db))
        {
            db.SaveChanges();
        }
        return result;
    }

    /// <summary>A failed save writes no trail; the pending rows must not leak into the context's next save.</summary>
    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } db)
        {
            _pending.Remove(db);
        }
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveChangesFailed(eventData);
        return Task.CompletedTask;
    }

    private void Capture(DbContext? db)
    {
        if (db is null || CurrentActor() is not { } actor)
        {
            return;
        }
        db.ChangeTracker.DetectChanges();
        var pending = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsAudited(e))
            .Select(e => new Pending(e, e.State switch { EntityState.Added => "create", EntityState.Deleted => "delete", _ => "update" },
                e.State == EntityState.Added ? null : Values(e, original: true), actor))
            .ToList();
        if (pending.Count > 0)
        {
            _pending.AddOrUpdate(db, pending);
        }
    }

    /// <summary>Adds the audit rows once keys are known; true when there is something to save.</summary>
    private bool Write(DbContext db)
    {
        if (!_pending.TryGetValue(db, out var pending))
        {
            return false;
        }
        _pending.Remove(db);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var p in pending)
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
        return db.ChangeTracker.HasChanges();
    }

    private static bool IsAudited(EntityEntry e) =>
        e.Entity is Microsoft.AspNetCore.Identity.IdentityUserRole<string>
        || (e.Entity is not AuditEntry and not SeedState && !e.Metadata.IsPropertyBag
            && e.Metadata.ClrType.Namespace?.StartsWith("SatuPintu", StringComparison.Ordinal) == true);

    private static Dictionary<string, object?> Values(EntityEntry e, bool original) =>
        e.Properties.Where(p => !Secret.Contains(p.Metadata.Name))
            .ToDictionary(p => p.Metadata.Name, p => Normalize(original ? p.OriginalValue : p.CurrentValue));

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
