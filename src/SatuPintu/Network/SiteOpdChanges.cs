using Microsoft.EntityFrameworkCore;
using SatuPintu.Changes;
using SatuPintu.Data;

namespace SatuPintu.Network;

/// <summary>
/// A site has no single OPD (several share one office), so its own change-feed row carries none and
/// would reach only /jaringan. This companion adds, in the same save, one network row per OPD housed
/// at a changed or deleted site as the database had it before the save; housings added, removed or
/// moved in the save are rows of their own (<see cref="SiteOpd"/> is a public entity with its OPD).
/// Together that is every OPD housed there before and after, so the output cache evicts those OPDs'
/// pages and /jaringan, and nothing else.
/// </summary>
public sealed class SiteOpdChanges(TimeProvider time, ChangeFeedPoller poller) : ISaveCompanion
{
    private sealed class Captured(List<(int SiteId, int OpdId)> housed)
    {
        public List<(int SiteId, int OpdId)> Housed { get; } = housed;
        public List<PublicChange> Rows { get; } = [];
    }

    public object? Capture(DbContext db)
    {
        var sites = db.ChangeTracker.Entries<Site>()
            .Where(e => e.State is EntityState.Modified or EntityState.Deleted)
            .Select(e => e.Entity.Id).ToList();
        if (sites.Count == 0)
        {
            return null;
        }
        // A bounded list: a save changes a handful of sites (an import only adds them).
        var housed = db.Set<SiteOpd>().AsNoTracking().Where(o => sites.Contains(o.SiteId))
            .Select(o => new { o.SiteId, o.OpdId }).Distinct().ToList();
        return housed.Count > 0 ? new Captured(housed.Select(h => (h.SiteId, h.OpdId)).ToList()) : null;
    }

    public void Complete(DbContext db, object captured)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var state = (Captured)captured;
        foreach (var (siteId, opdId) in state.Housed)
        {
            state.Rows.Add(new PublicChange
            {
                At = now,
                Kind = NetworkFeature.Kind,
                Key = siteId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                OpdId = opdId,
                Action = "update",
            });
        }
        db.AddRange(state.Rows);
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
}
