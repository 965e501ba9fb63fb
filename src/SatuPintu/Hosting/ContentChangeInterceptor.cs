using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SatuPintu.Hosting;

/// <summary>
/// A write through <see cref="Data.SatuPintuDb"/> that touches anything the public sees drops the
/// cached public pages, so a change shows at once. Public pages combine so much (home shows every
/// OPD's news) that finer tags would cost more than they save at a regency's write rate.
/// The same signal tells the in-memory <see cref="Content.PublicCatalog"/> to rebuild.
/// Bookkeeping writes (sessions, token use, accounts, the audit trail) leave both alone.
/// </summary>
public sealed class ContentChangeInterceptor(IOutputCacheStore store, Content.PublicCatalog catalog) : SaveChangesInterceptor
{
    private static readonly object Marker = new();
    private readonly ConditionalWeakTable<DbContext, object> _touchesPublic = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (result > 0 && Take(eventData.Context))
        {
            catalog.Invalidate();
            await store.EvictByTagAsync(HostingFeature.ContentTag, cancellationToken);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (result > 0 && Take(eventData.Context))
        {
            catalog.Invalidate();
            // Synchronous SaveChanges is rare here; the in-memory store completes synchronously.
            store.EvictByTagAsync(HostingFeature.ContentTag, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Take(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Take(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? db)
    {
        if (db is not null && db.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsPublic(e)))
        {
            _touchesPublic.AddOrUpdate(db, Marker);
        }
    }

    private bool Take(DbContext? db) => db is not null && _touchesPublic.Remove(db);

    private static bool IsPublic(EntityEntry e)
    {
        // Join rows (an article's tags) have no class of their own; they change with public content.
        if (e.Metadata.IsPropertyBag)
        {
            return true;
        }
        if (e.Metadata.ClrType.Namespace is not { } ns || !ns.StartsWith("SatuPintu", StringComparison.Ordinal)
            || ns.StartsWith("SatuPintu.Accounts", StringComparison.Ordinal) || ns.StartsWith("SatuPintu.Audit", StringComparison.Ordinal)
            || e.Entity is Data.SeedState)
        {
            return false;
        }
        // A draft saved, submitted or rejected changes nothing the public sees: only rows that are or were published count.
        if (e.Metadata.FindProperty(nameof(Content.Article.Status)) is { } status && status.ClrType == typeof(Content.PublicationStatus))
        {
            var property = e.Property(status.Name);
            return Published(property.CurrentValue) || (e.State != EntityState.Added && Published(property.OriginalValue));
        }
        return true;
    }

    private static bool Published(object? status) => status is Content.PublicationStatus.Published;
}
