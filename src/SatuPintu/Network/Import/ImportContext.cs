using System.Net;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;

namespace SatuPintu.Network.Import;

/// <summary>
/// What the rows of a file may refer to and may update: the registry as it is in the database
/// (tracked, so a row that changes a record changes it in place and the commit's one DetectChanges
/// finds it) plus the records earlier rows of the same file add. Names compare without regard to case.
/// </summary>
public sealed class ImportContext
{
    public Dictionary<string, Site> Sites { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<int, Site> SitesById { get; } = [];
    /// <summary>Each site's parent as the file leaves it so far, for the cycle check of a changed parent.</summary>
    public Dictionary<Site, Site?> Parents { get; } = [];
    /// <summary>For a postponed site: the state it was in before it was postponed (the lifecycle's resume rule).</summary>
    public Dictionary<int, ConnectionState?> PostponedFrom { get; } = [];
    public Dictionary<Site, Link> Links { get; } = [];
    public Dictionary<string, Phase> Phases { get; } = new(StringComparer.OrdinalIgnoreCase);
    public List<Uplink> Uplinks { get; } = [];
    public List<BudgetLine> Budget { get; } = [];
    public Dictionary<int, Subnet> SubnetsById { get; } = [];
    public Dictionary<(int SiteId, string Cidr), Subnet> SubnetsBySite { get; } = [];
    public Dictionary<string, (int OpdId, Dictionary<string, int> Units, bool Archived)> Opds { get; } = new(StringComparer.OrdinalIgnoreCase);
    public SubnetIndex Subnets { get; } = new();
    /// <summary>The stored records an earlier row of the file already named: a second row naming one is an error.</summary>
    public HashSet<object> Claimed { get; } = new(ReferenceEqualityComparer.Instance);

    public static async Task<ImportContext> LoadAsync(SatuPintuDb db, CancellationToken ct)
    {
        var context = new ImportContext();
        foreach (var site in await db.NetworkSites.Include(s => s.Opds).ToListAsync(ct))
        {
            context.Sites[site.Name] = site;
            context.SitesById[site.Id] = site;
        }
        foreach (var site in context.SitesById.Values)
        {
            context.Parents[site] = site.ParentSiteId is { } p ? context.SitesById.GetValueOrDefault(p) : null;
        }
        var postponed = await db.NetworkSiteStateChanges.AsNoTracking().Where(h => h.To == ConnectionState.Postponed)
            .Select(h => new { h.SiteId, h.From, h.ChangedAt, h.Id }).ToListAsync(ct);
        foreach (var last in postponed.GroupBy(h => h.SiteId).Select(g => g.OrderByDescending(h => h.ChangedAt).ThenByDescending(h => h.Id).First()))
        {
            context.PostponedFrom[last.SiteId] = last.From;
        }
        foreach (var link in await db.NetworkLinks.ToListAsync(ct))
        {
            if (context.SitesById.TryGetValue(link.SiteId, out var site))
            {
                context.Links[site] = link;
            }
        }
        foreach (var phase in await db.NetworkPhases.ToListAsync(ct))
        {
            context.Phases[phase.Name] = phase;
        }
        context.Uplinks.AddRange(await db.NetworkUplinks.OrderBy(u => u.Id).ToListAsync(ct));
        context.Budget.AddRange(await db.NetworkBudgetLines.OrderBy(b => b.Id).ToListAsync(ct));
        var units = (await db.OpdUnits.AsNoTracking().Select(u => new { u.OpdId, u.Slug, u.Id }).ToListAsync(ct)).ToLookup(u => u.OpdId);
        foreach (var o in await db.Opds.AsNoTracking().Select(o => new { o.Id, o.Slug, Archived = o.ArchivedAt != null }).ToListAsync(ct))
        {
            context.Opds[o.Slug] = (o.Id, units[o.Id].ToDictionary(u => u.Slug, u => u.Id, StringComparer.OrdinalIgnoreCase), o.Archived);
        }
        foreach (var subnet in await db.NetworkSubnets.ToListAsync(ct))
        {
            context.SubnetsById[subnet.Id] = subnet;
            context.SubnetsBySite[(subnet.SiteId, subnet.Cidr)] = subnet;
            if (IPNetwork2.TryParse(subnet.Cidr, out var network))
            {
                context.Subnets.Add(network, subnet.Cidr);
            }
        }
        return context;
    }

    /// <summary>A site by id (existing only) or by name (existing or added by an earlier row).</summary>
    public Site? FindSite(string reference) =>
        int.TryParse(reference, out var id) && SitesById.TryGetValue(id, out var byId) ? byId : Sites.GetValueOrDefault(reference);

    /// <summary>True when <paramref name="candidate"/> is <paramref name="site"/> or lies below it, as the file leaves the tree so far.</summary>
    public bool IsAtOrBelow(Site candidate, Site site)
    {
        var seen = new HashSet<Site>(ReferenceEqualityComparer.Instance);
        for (Site? at = candidate; at is not null && seen.Add(at); at = Parents.GetValueOrDefault(at))
        {
            if (ReferenceEquals(at, site))
            {
                return true;
            }
        }
        return false;
    }
}

/// <summary>
/// The subnets known so far, kept sorted by first address per family, so a row is checked against
/// the one known block that may contain it and the blocks that start inside it — not against every
/// block; the overlap decision itself stays <see cref="SubnetRules.FirstClash"/>. Known blocks are
/// disjoint (the registry refuses overlaps), which is what makes the nearest lower start the only
/// possible container.
/// </summary>
public sealed class SubnetIndex
{
    private readonly List<(UInt128 Start, string Cidr)> _v4 = [];
    private readonly List<(UInt128 Start, string Cidr)> _v6 = [];
    private static readonly Comparer<(UInt128 Start, string Cidr)> ByStart = Comparer<(UInt128 Start, string Cidr)>.Create((a, b) => a.Start.CompareTo(b.Start));

    public void Add(IPNetwork2 network, string cidr)
    {
        var list = ListOf(network);
        var item = (Range(network).Start, cidr);
        var at = list.BinarySearch(item, ByStart);
        list.Insert(at < 0 ? ~at : at, item);
    }

    /// <summary>Forgets a block (a row moves that subnet to another CIDR), so it is not checked against itself.</summary>
    public void Remove(IPNetwork2 network, string cidr)
    {
        var list = ListOf(network);
        var start = Range(network).Start;
        var at = list.FindIndex(x => x.Start == start && x.Cidr == cidr);
        if (at >= 0)
        {
            list.RemoveAt(at);
        }
    }

    /// <summary>The CIDR of a known block overlapping <paramref name="network"/>, or null.</summary>
    public string? Clash(IPNetwork2 network)
    {
        var list = ListOf(network);
        var (start, end) = Range(network);
        var at = list.BinarySearch((start, ""), ByStart);
        var first = at >= 0 ? at : ~at;
        var candidates = new List<string>();
        if (first > 0)
        {
            candidates.Add(list[first - 1].Cidr);
        }
        for (var i = first; i < list.Count && list[i].Start <= end; i++)
        {
            candidates.Add(list[i].Cidr);
        }
        return SubnetRules.FirstClash(network, candidates, c => c);
    }

    private List<(UInt128 Start, string Cidr)> ListOf(IPNetwork2 network) =>
        network.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? _v4 : _v6;

    private static (UInt128 Start, UInt128 End) Range(IPNetwork2 network)
    {
        var bytes = network.Network.GetAddressBytes();
        UInt128 start = 0;
        foreach (var b in bytes)
        {
            start = (start << 8) | b;
        }
        var hostBits = (bytes.Length * 8) - network.Cidr;
        var size = hostBits >= 128 ? UInt128.MaxValue : (UInt128.One << hostBits) - 1;
        return (start, start + size);
    }
}
