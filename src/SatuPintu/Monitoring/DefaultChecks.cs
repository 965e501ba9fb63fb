using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;
using SatuPintu.Monitoring.Engine;

namespace SatuPintu.Monitoring;

/// <summary>
/// The checks the registry and the directory ask for: ICMP to each site link's management address
/// (its parent check is the parent site's link, so topology follows the network) and HTTP to each
/// OPD website. Always created paused: nothing is probed until an admin resumes it (the demo's
/// addresses are not on this machine).
/// </summary>
public sealed class DefaultChecks(SatuPintuDb db, TimeProvider time)
{
    public async Task<int> EnsureAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var links = await db.NetworkLinks.AsNoTracking().Include(l => l.Site).ThenInclude(s => s!.Opds)
            .Where(l => l.ManagementAddress != null && l.ManagementAddress != "").ToListAsync(ct);
        var known = await db.MonitorChecks.Where(c => c.NetworkLinkId != null).ToDictionaryAsync(c => c.NetworkLinkId!.Value, ct);
        var added = 0;
        var bySite = new Dictionary<int, Check>();
        foreach (var link in links)
        {
            if (!known.TryGetValue(link.Id, out var check))
            {
                check = New($"Tautan {link.Site!.Name}", CheckKind.Icmp, link.ManagementAddress!.Split('/')[0], 60, now);
                check.NetworkLinkId = link.Id;
                check.Public = true;
                check.OpdId = link.Site.Opds.Where(o => o.OpdUnitId == null).Select(o => (int?)o.OpdId).FirstOrDefault();
                db.MonitorChecks.Add(check);
                added++;
            }
            bySite[link.SiteId] = check;
        }
        var websites = await db.Opds.AsNoTracking().Where(o => o.Website != null && o.Website != "" && o.ArchivedAt == null).ToListAsync(ct);
        var watched = (await db.MonitorChecks.Where(c => c.Kind == CheckKind.Http && c.OpdId != null).Select(c => c.OpdId!.Value).ToListAsync(ct)).ToHashSet();
        foreach (var opd in websites.Where(o => !watched.Contains(o.Id) && Uri.TryCreate(o.Website, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
        {
            var check = New($"Situs {opd.DisplayShortName}", CheckKind.Http, opd.Website!, 300, now);
            check.OpdId = opd.Id;
            db.MonitorChecks.Add(check);
            added++;
        }
        await db.SaveChangesAsync(ct);
        // Topology after the ids exist: a link's parent check is the link of its parent site.
        foreach (var link in links)
        {
            if (link.Site?.ParentSiteId is { } parentSite && bySite.TryGetValue(parentSite, out var parent) && bySite[link.SiteId] is var child
                && child.ParentCheckId is null && child.Id != parent.Id)
            {
                child.ParentCheckId = parent.Id;
            }
        }
        await db.SaveChangesAsync(ct);
        return added;
    }

    private static Check New(string name, CheckKind kind, string target, int interval, DateTimeOffset now)
    {
        var phase = Schedule.NewPhase(interval);
        return new Check
        {
            Name = name.Length > 200 ? name[..200] : name, Kind = kind, Target = target, IntervalSeconds = interval, Paused = true,
            PhaseMs = phase, NextDueMs = Schedule.NextAfter(phase, interval, now.ToUnixTimeMilliseconds()),
            CreatedAt = now.UtcDateTime, UpdatedAt = now.UtcDateTime, Status = new CheckStatus(),
        };
    }
}
