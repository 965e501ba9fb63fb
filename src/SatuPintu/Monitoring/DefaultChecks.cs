using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;
using SatuPintu.Directory;
using SatuPintu.Monitoring.Engine;
using SatuPintu.Network;

namespace SatuPintu.Monitoring;

/// <summary>
/// The checks the registry and the directory ask for: ICMP to each site link's management address
/// (its parent check is the parent site's link, so topology follows the network) and HTTP to each
/// OPD website. <see cref="DefaultChecksSync"/> keeps them in step with every later change;
/// <see cref="EnsureAsync"/> adds what an existing database lacks, always paused (the demo's
/// addresses are not on this machine).
/// </summary>
public sealed class DefaultChecks(SatuPintuDb db, TimeProvider time)
{
    public const string LinkPrefix = "Tautan ";
    public const int LinkInterval = 60;
    public const int WebsiteInterval = 300;

    public static string LinkName(Site site) => (LinkPrefix + site.Name) is { Length: > 200 } n ? n[..200] : LinkPrefix + site.Name;

    public static string WebsiteName(Opd opd) => "Situs " + opd.DisplayShortName;

    /// <summary>The address a link's check probes, or null when it has none ("10.0.0.1/24" is written as its address).</summary>
    public static string? AddressOf(Link link) =>
        string.IsNullOrWhiteSpace(link.ManagementAddress) ? null : link.ManagementAddress.Trim().Split('/')[0];

    /// <summary>An OPD website worth an HTTP check (absolute http or https), or null.</summary>
    public static string? WebsiteOf(string? website) =>
        Uri.TryCreate(website?.Trim(), UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? website!.Trim() : null;

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
                check = New(LinkName(link.Site!), CheckKind.Icmp, AddressOf(link)!, LinkInterval, now, paused: true);
                check.NetworkLinkId = link.Id;
                check.OpdId = link.Site!.Opds.Where(o => o.OpdUnitId == null).Select(o => (int?)o.OpdId).FirstOrDefault();
                db.MonitorChecks.Add(check);
                added++;
            }
            bySite[link.SiteId] = check;
        }
        var websites = await db.Opds.AsNoTracking().Where(o => o.Website != null && o.Website != "" && o.ArchivedAt == null).ToListAsync(ct);
        var watched = (await db.MonitorChecks.Where(c => c.Kind == CheckKind.Http && c.OpdId != null).Select(c => c.OpdId!.Value).ToListAsync(ct)).ToHashSet();
        foreach (var opd in websites.Where(o => !watched.Contains(o.Id) && WebsiteOf(o.Website) is not null))
        {
            var check = New(WebsiteName(opd), CheckKind.Http, WebsiteOf(opd.Website)!, WebsiteInterval, now, paused: true);
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

    public static Check New(string name, CheckKind kind, string target, int interval, DateTimeOffset now, bool paused)
    {
        var phase = Schedule.NewPhase(interval);
        return new Check
        {
            Name = name.Length > 200 ? name[..200] : name, Kind = kind, Target = target, IntervalSeconds = interval, Paused = paused,
            PhaseMs = phase, NextDueMs = Schedule.NextAfter(phase, interval, now.ToUnixTimeMilliseconds()),
            CreatedAt = now.UtcDateTime, UpdatedAt = now.UtcDateTime, Status = new CheckStatus(), Public = true,
        };
    }
}
