using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SatuPintu.Data;
using SatuPintu.Directory;
using SatuPintu.Network;

namespace SatuPintu.Monitoring;

/// <summary>
/// Keeps the default checks in step with the registry and the directory, in the same transaction as
/// the change that asks for them (so a check is never lost nor made twice, on any number of nodes): a
/// link with a management address gets its ICMP check, whose parent is the parent site's link check;
/// a changed address, name or parent moves the check along; a link that loses its address, a
/// decommissioned or deleted site pauses it. An OPD website gets its HTTP check the same way; a
/// changed address moves it, a removed one or an archived OPD pauses it. New checks are paused in the
/// demo instance or when <see cref="DefaultChecksOptions.Paused"/> says so.
/// </summary>
public sealed class DefaultChecksSync(TimeProvider time, IOptions<DefaultChecksOptions> options) : ISaveCompanion
{
    private sealed record Captured(List<Site> Sites, List<Link> Links, List<int> GoneLinks, List<(Opd Opd, string? OldWebsite)> Opds);

    public object? Capture(DbContext db)
    {
        var tracker = db.ChangeTracker;
        var links = tracker.Entries<Link>().Where(e => e.State is EntityState.Added or EntityState.Modified).Select(e => e.Entity).ToList();
        var sites = tracker.Entries<Site>().Where(e => e.State == EntityState.Modified
            && (e.Property(s => s.ParentSiteId).IsModified || e.Property(s => s.State).IsModified || e.Property(s => s.Name).IsModified)).Select(e => e.Entity).ToList();
        var gone = tracker.Entries<Link>().Where(e => e.State == EntityState.Deleted).Select(e => e.Entity.Id).ToList();
        var deletedSites = tracker.Entries<Site>().Where(e => e.State == EntityState.Deleted).Select(e => e.Entity.Id).ToList();
        if (deletedSites.Count > 0)
        {
            gone.AddRange(db.Set<Link>().AsNoTracking().Where(l => deletedSites.Contains(l.SiteId)).Select(l => l.Id).ToList());
        }
        var opds = tracker.Entries<Opd>().Where(e => e.State == EntityState.Added
                || (e.State == EntityState.Modified && (e.Property(o => o.Website).IsModified || e.Property(o => o.ArchivedAt).IsModified)))
            .Select(e => (e.Entity, e.State == EntityState.Added ? null : e.Property(o => o.Website).OriginalValue)).ToList();
        return links.Count + sites.Count + gone.Count + opds.Count == 0 ? null : new Captured(sites, links, gone, opds);
    }

    public void Complete(DbContext db, object captured)
    {
        var sdb = (SatuPintuDb)db;
        var work = (Captured)captured;
        var now = time.GetUtcNow();
        var paused = options.Value.Paused || sdb.SeedStates.Any(s => s.Key == Data.Demo.DemoSeeder.DemoKey);
        foreach (var check in work.GoneLinks.Count == 0 ? [] : sdb.MonitorChecks.Where(c => c.NetworkLinkId != null && work.GoneLinks.Contains(c.NetworkLinkId.Value)).ToList())
        {
            Pause(check, now);
            check.NetworkLinkId = null;
        }
        var siteIds = work.Sites.Select(s => s.Id).Concat(work.Links.Select(l => l.SiteId)).Distinct().ToList();
        if (siteIds.Count > 0)
        {
            SyncLinks(sdb, siteIds, paused, now);
        }
        foreach (var (opd, oldWebsite) in work.Opds)
        {
            SyncWebsite(sdb, opd, oldWebsite, paused, now);
        }
    }

    public ValueTask CommittedAsync(DbContext db, object captured, bool wait, CancellationToken ct) => ValueTask.CompletedTask;

    private static void SyncLinks(SatuPintuDb db, List<int> changed, bool paused, DateTimeOffset now)
    {
        // The children of a changed site hang their checks below its check, so they are looked at too.
        var sites = db.NetworkSites.AsNoTracking().Include(s => s.Link).Include(s => s.Opds)
            .Where(s => changed.Contains(s.Id) || (s.ParentSiteId != null && changed.Contains(s.ParentSiteId.Value))).AsSplitQuery().ToList();
        var parents = sites.Select(s => s.ParentSiteId).OfType<int>().Distinct().ToList();
        var linkOfSite = db.NetworkLinks.AsNoTracking().Where(l => parents.Contains(l.SiteId) || changed.Contains(l.SiteId)).ToDictionary(l => l.SiteId, l => l.Id);
        foreach (var s in sites.Where(s => s.Link is not null))
        {
            linkOfSite[s.Id] = s.Link!.Id;
        }
        var linkIds = linkOfSite.Values.ToList();
        var checks = db.MonitorChecks.Where(c => c.NetworkLinkId != null && linkIds.Contains(c.NetworkLinkId.Value)).ToList()
            .GroupBy(c => c.NetworkLinkId!.Value).ToDictionary(g => g.Key, g => g.OrderBy(c => c.Id).First());
        foreach (var site in sites.Where(s => s.Link is not null))
        {
            var link = site.Link!;
            var address = DefaultChecks.AddressOf(link);
            checks.TryGetValue(link.Id, out var check);
            if (address is null || site.State == ConnectionState.Decommissioned)
            {
                if (check is not null)
                {
                    Pause(check, now);
                }
                continue;
            }
            if (check is null)
            {
                check = DefaultChecks.New(DefaultChecks.LinkName(site), CheckKind.Icmp, address, DefaultChecks.LinkInterval, now, paused);
                check.NetworkLinkId = link.Id;
                check.OpdId = site.Opds.Where(o => o.OpdUnitId == null).Select(o => (int?)o.OpdId).FirstOrDefault();
                db.MonitorChecks.Add(check);
                checks[link.Id] = check;
            }
            else if (check.Target != address || (check.Name.StartsWith(DefaultChecks.LinkPrefix, StringComparison.Ordinal) && check.Name != DefaultChecks.LinkName(site)))
            {
                check.Target = address;
                check.Name = check.Name.StartsWith(DefaultChecks.LinkPrefix, StringComparison.Ordinal) ? DefaultChecks.LinkName(site) : check.Name;
                check.UpdatedAt = now.UtcDateTime;
            }
        }
        // Topology after every check of the batch exists: a link's parent check is the link check of its parent site.
        foreach (var site in sites.Where(s => s.Link is not null && checks.ContainsKey(s.Link.Id)))
        {
            var check = checks[site.Link!.Id];
            var parent = site.ParentSiteId is { } p && linkOfSite.TryGetValue(p, out var parentLink) ? checks.GetValueOrDefault(parentLink) : null;
            if (parent is null && check.ParentCheckId is not null)
            {
                check.ParentCheckId = null;
                check.ParentCheck = null;
                check.UpdatedAt = now.UtcDateTime;
            }
            else if (parent is not null && parent != check && (parent.Id == 0 || check.ParentCheckId != parent.Id))
            {
                check.ParentCheck = parent;
                check.UpdatedAt = now.UtcDateTime;
            }
        }
    }

    private static void SyncWebsite(SatuPintuDb db, Opd opd, string? oldWebsite, bool paused, DateTimeOffset now)
    {
        var website = opd.ArchivedAt is null ? DefaultChecks.WebsiteOf(opd.Website) : null;
        var old = oldWebsite?.Trim();
        var checks = db.MonitorChecks.Where(c => c.OpdId == opd.Id && c.Kind == CheckKind.Http && c.NetworkLinkId == null
            && (c.Target == old || c.Target == website)).OrderBy(c => c.Id).ToList();
        if (website is null)
        {
            checks.ForEach(c => Pause(c, now));
            return;
        }
        var check = checks.FirstOrDefault(c => c.Target == website) ?? checks.FirstOrDefault();
        if (check is not null)
        {
            if (check.Target != website)
            {
                check.Target = website;
                check.UpdatedAt = now.UtcDateTime;
            }
            return;
        }
        check = DefaultChecks.New(DefaultChecks.WebsiteName(opd), CheckKind.Http, website, DefaultChecks.WebsiteInterval, now, paused);
        check.OpdId = opd.Id;
        db.MonitorChecks.Add(check);
    }

    private static void Pause(Check check, DateTimeOffset now)
    {
        if (!check.Paused)
        {
            check.Paused = true;
            check.UpdatedAt = now.UtcDateTime;
        }
    }
}
