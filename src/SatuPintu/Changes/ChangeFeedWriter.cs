using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using SatuPintu.Data;

namespace SatuPintu.Changes;

/// <summary>
/// Adds a <see cref="PublicChange"/> row for every changed row of a registered public entity
/// (<see cref="PublicEntities"/>), in the same save and transaction (<see cref="SameTransactionInterceptor"/>).
/// Everything else (sessions, tokens, audit rows, seed state) is bookkeeping and writes nothing here.
/// After the commit it wakes this node's <see cref="ChangeFeedPoller"/> and waits briefly until the
/// consumers have applied the change, so the writer reads its own write.
/// </summary>
public sealed class ChangeFeedWriter(PublicEntities entities, TimeProvider time, ChangeFeedPoller poller) : ISaveCompanion
{
    private sealed record Pending(EntityEntry Entry, PublicEntity Entity, string Action, string? Key, int? OpdId, int? OriginalOpdId);

    private sealed class Captured(List<Pending> pending)
    {
        public List<Pending> Pending { get; } = pending;
        public List<PublicChange> Rows { get; set; } = [];
    }

    public object? Capture(DbContext db)
    {
        var pending = new List<Pending>();
        var entries = db.ChangeTracker.Entries().ToList();
        Dictionary<(IEntityType, string), EntityEntry>? byKey = null;
        foreach (var e in entries)
        {
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }
            var action = e.State switch { EntityState.Added => "create", EntityState.Deleted => "delete", _ => "update" };
            if (entities.Find(e.Metadata.ClrType) is { } entity && !e.Metadata.IsPropertyBag)
            {
                if (entity.Matters(e))
                {
                    var opd = entity.OpdOf(e.Entity);
                    var original = entity.OriginalOpdOf(e);
                    pending.Add(new Pending(e, entity, action, e.State == EntityState.Added ? null : KeyOf(e), opd, original == opd ? null : original));
                }
            }
            else if (e.Metadata.IsPropertyBag && OwnerOf(byKey ??= ByKey(entries), e) is { } owner)
            {
                // A join row (an article's tags) changes its owner, when the owner is public.
                pending.Add(owner);
            }
        }
        return pending.Count > 0 ? new Captured(pending) : null;
    }

    public void Complete(DbContext db, object captured)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var seen = new HashSet<(string, string, int?)>();
        var rows = new List<PublicChange>();
        foreach (var p in ((Captured)captured).Pending)
        {
            var key = p.Key ?? KeyOf(p.Entry);
            foreach (var opd in p.OriginalOpdId is { } moved ? new[] { p.OpdId, moved } : [p.OpdId])
            {
                if (seen.Add((p.Entity.Kind, key, opd)))
                {
                    rows.Add(new PublicChange { At = now, Kind = p.Entity.Kind, Key = key, OpdId = opd, Action = p.Action });
                }
            }
        }
        db.AddRange(rows);
        ((Captured)captured).Rows = rows;
    }

    public async ValueTask CommittedAsync(DbContext db, object captured, bool wait, CancellationToken ct)
    {
        var last = ((Captured)captured).Rows.Select(r => r.Id).DefaultIfEmpty().Max();
        poller.Wake();
        if (wait && last > 0)
        {
            await poller.WaitForAsync(last, ct);
        }
    }

    private static string KeyOf(EntityEntry e) =>
        string.Join(",", e.Metadata.FindPrimaryKey()!.Properties.Select(k => e.Property(k.Name).CurrentValue));

    /// <summary>Tracked rows by type and key, built once per save: looking each join row's owner up by a scan was quadratic.</summary>
    private static Dictionary<(IEntityType, string), EntityEntry> ByKey(List<EntityEntry> entries)
    {
        var map = new Dictionary<(IEntityType, string), EntityEntry>();
        foreach (var e in entries.Where(e => !e.Metadata.IsPropertyBag && e.Metadata.FindPrimaryKey() is not null))
        {
            map.TryAdd((e.Metadata, KeyOf(e)), e);
        }
        return map;
    }

    private Pending? OwnerOf(Dictionary<(IEntityType, string), EntityEntry> byKey, EntityEntry join)
    {
        // The side with a visibility rule owns the join (an article, not its tag).
        foreach (var fk in join.Metadata.GetForeignKeys().OrderByDescending(f => entities.Find(f.PrincipalEntityType.ClrType)?.HasVisibility == true))
        {
            if (entities.Find(fk.PrincipalEntityType.ClrType) is not { } entity)
            {
                continue;
            }
            var key = string.Join(",", fk.Properties.Select(p => join.Property(p.Name).CurrentValue));
            var action = "update";
            var owner = byKey.GetValueOrDefault(((IEntityType)fk.PrincipalEntityType, key));
            if (owner is null)
            {
                // Not loaded: the OPD is unknown, so consumers act broadly.
                return new Pending(join, entity, action, key, null, null);
            }
            return entity.Matters(owner) ? new Pending(owner, entity, action, key, entity.OpdOf(owner.Entity), null) : null;
        }
        return null;
    }

}
