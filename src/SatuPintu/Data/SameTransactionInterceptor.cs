using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace SatuPintu.Data;

/// <summary>
/// Writes the companions' rows (audit, change feed) in the same transaction as the change they
/// describe. Keys made by the database (identity columns) are only known after the change is saved,
/// so a save with companion rows runs as: begin (unless the caller already has a transaction), save
/// the change, add the companion rows, save them, commit. A failure anywhere rolls the whole change
/// back and reaches the caller, so nothing is acknowledged without its trail.
/// </summary>
public sealed class SameTransactionInterceptor(IEnumerable<ISaveCompanion> companions) : SaveChangesInterceptor
{
    private sealed class Save(List<(ISaveCompanion Companion, object Captured)> work, IDbContextTransaction? owned)
    {
        public List<(ISaveCompanion Companion, object Captured)> Work { get; } = work;
        public IDbContextTransaction? Owned { get; } = owned;
        public bool Completing { get; set; }
    }

    private readonly ISaveCompanion[] _companions = companions.ToArray();
    private readonly ConditionalWeakTable<DbContext, Save> _saves = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && Begin(db) is { } work)
        {
            var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            _saves.AddOrUpdate(db, new Save(work, owned));
        }
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db && Begin(db) is { } work)
        {
            _saves.AddOrUpdate(db, new Save(work, db.Database.CurrentTransaction is null ? db.Database.BeginTransaction() : null));
        }
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not { } db || !_saves.TryGetValue(db, out var save) || save.Completing)
        {
            return result;
        }
        try
        {
            save.Completing = true;
            foreach (var (companion, captured) in save.Work)
            {
                companion.Complete(db, captured);
            }
            if (db.ChangeTracker.HasChanges())
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            if (save.Owned is { } tx)
            {
                await tx.CommitAsync(cancellationToken);
            }
        }
        catch
        {
            if (save.Owned is { } tx)
            {
                await tx.RollbackAsync(CancellationToken.None);
            }
            throw;
        }
        finally
        {
            _saves.Remove(db);
            if (save.Owned is { } tx)
            {
                await tx.DisposeAsync();
            }
        }
        if (save.Owned is not null)
        {
            foreach (var (companion, captured) in save.Work)
            {
                await companion.CommittedAsync(db, captured, wait: true, cancellationToken);
            }
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is not { } db || !_saves.TryGetValue(db, out var save) || save.Completing)
        {
            return result;
        }
        try
        {
            save.Completing = true;
            foreach (var (companion, captured) in save.Work)
            {
                companion.Complete(db, captured);
            }
            if (db.ChangeTracker.HasChanges())
            {
                db.SaveChanges();
            }
            save.Owned?.Commit();
        }
        catch
        {
            save.Owned?.Rollback();
            throw;
        }
        finally
        {
            _saves.Remove(db);
            save.Owned?.Dispose();
        }
        if (save.Owned is not null)
        {
            foreach (var (companion, captured) in save.Work)
            {
                // Synchronous saves only wake the consumers; they do not wait for them.
                _ = companion.CommittedAsync(db, captured, wait: false, CancellationToken.None).AsTask();
            }
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        // A failure of the companions' own save is handled (and rethrown) by SavedChanges.
        if (eventData.Context is { } db && _saves.TryGetValue(db, out var save) && !save.Completing)
        {
            _saves.Remove(db);
            save.Owned?.Rollback();
            save.Owned?.Dispose();
        }
    }

    public override async Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && _saves.TryGetValue(db, out var save) && !save.Completing)
        {
            _saves.Remove(db);
            if (save.Owned is { } tx)
            {
                await tx.RollbackAsync(CancellationToken.None);
                await tx.DisposeAsync();
            }
        }
    }

    private List<(ISaveCompanion, object)>? Begin(DbContext db)
    {
        if (_saves.TryGetValue(db, out var running) && running.Completing)
        {
            return null;
        }
        db.ChangeTracker.DetectChanges();
        // Detected once for all companions: each Entries() call would otherwise compare every tracked entity again
        // (an import batch tracks hundreds of rows, and each companion asks several times).
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            List<(ISaveCompanion, object)>? work = null;
            foreach (var companion in _companions)
            {
                if (companion.Capture(db) is { } captured)
                {
                    (work ??= []).Add((companion, captured));
                }
            }
            return work;
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }
}
