using System.Net;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;

namespace SatuPintu.Network.Import;

/// <summary>
/// What the rows of a file may refer to: the registry as it is in the database plus the records
/// earlier rows of the same file add. Names compare without regard to case.
/// </summary>
public sealed class ImportContext
{
    public Dictionary<string, Site> Sites { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<int, Site> SitesById { get; } = [];
    public HashSet<int> SitesWithLink { get; } = [];
    public HashSet<Site> NewSitesWithLink { get; } = [];
    public Dictionary<string, Phase> Phases { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, (int OpdId, Dictionary<string, int> Units)> Opds { get; } = new(StringComparer.OrdinalIgnoreCase);
    public SubnetIndex Subnets { get; } = new();

    public static async Task<ImportContext> LoadAsync(SatuPintuDb db, CancellationToken ct)
    {
        var context = new ImportContext();
        foreach (var s in await db.NetworkSites.AsNoTracking().Select(s => new { s.Id, s.Name }).ToListAsync(ct))
        {
            // A stand-in carrying only the id: rows that name an existing site set the foreign key from it.
            var site = new Site { Id = s.Id, Name = s.Name };
            context.Sites[s.Name] = site;
            context.SitesById[s.Id] = site;
        }
        context.SitesWithLink.UnionWith(await db.NetworkLinks.AsNoTracking().Select(l => l.SiteId).ToListAsync(ct));
        foreach (var p in await db.NetworkPhases.AsNoTracking().Select(p => new { p.Id, p.Name }).ToListAsync(ct))
        {
            context.Phases[p.Name] = new Phase { Id = p.Id, Name = p.Name };
        }
        var units = (await db.OpdUnits.AsNoTracking().Select(u => new { u.OpdId, u.Slug, u.Id }).ToListAsync(ct)).ToLookup(u => u.OpdId);
        foreach (var o in await db.Opds.AsNoTracking().Where(o => o.ArchivedAt == null).Select(o => new { o.Id, o.Slug }).ToListAsync(ct))
        {
            context.Opds[o.Slug] = (o.Id, units[o.Id].ToDictionary(u => u.Slug, u => u.Id, StringComparer.OrdinalIgnoreCase));
        }
        foreach (var cidr in await db.NetworkSubnets.AsNoTracking().Select(n => n.Cidr).ToListAsync(ct))
        {
            if (IPNetwork2.TryParse(cidr, out var network))
            {
                context.Subnets.Add(network, cidr);
            }
        }
        return context;
    }

    /// <summary>A site by id (existing only) or by name (existing or added by an earlier row).</summary>
    public Site? FindSite(string reference) =>
        int.TryParse(reference, out var id) && SitesById.TryGetValue(id, out var byId) ? byId : Sites.GetValueOrDefault(reference);
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
