using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SatuPintu.Hosting;

/// <summary>
/// Any write through <see cref="Data.SatuPintuDb"/> drops the cached public pages, so a change
/// shows at once. Public pages combine so much (home shows every OPD's news) that finer tags
/// would cost more than they save at a regency's write rate.
/// </summary>
public sealed class ContentChangeInterceptor(IOutputCacheStore store) : SaveChangesInterceptor
{
    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (result > 0)
        {
            await store.EvictByTagAsync(HostingFeature.ContentTag, cancellationToken);
        }
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (result > 0)
        {
            // Synchronous SaveChanges is rare here; the in-memory store completes synchronously.
            store.EvictByTagAsync(HostingFeature.ContentTag, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }
        return result;
    }
}
