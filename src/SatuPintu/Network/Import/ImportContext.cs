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
/// The subnets known so far, bucketed by their leading bits so a 5,000-row file is not checked
/// against every block; the overlap decision itself is <see cref="SubnetRules.FirstClash"/>.
/// </summary>
public sealed class SubnetIndex
{
    private const int V4Bits = 16;
    private const int V6Bits = 48;
    private readonly Dictionary<string, List<string>> _buckets = [];
    private readonly List<string> _wide = [];

    public void Add(IPNetwork2 network, string cidr)
    {
        if (Bucket(network) is { } key)
        {
            if (!_buckets.TryGetValue(key, out var list))
            {
                _buckets[key] = list = [];
            }
            list.Add(cidr);
        }
        else
        {
            _wide.Add(cidr);
        }
    }

    /// <summary>The CIDR of a known block overlapping <paramref name="network"/>, or null.</summary>
    public string? Clash(IPNetwork2 network)
    {
        IEnumerable<string> candidates = Bucket(network) is { } key
            ? _buckets.GetValueOrDefault(key, []).Concat(_wide)
            : _buckets.Values.SelectMany(b => b).Concat(_wide);
        return SubnetRules.FirstClash(network, candidates, c => c);
    }

    /// <summary>Two blocks both at least as long as the bucket prefix overlap only when they share it.</summary>
    private static string? Bucket(IPNetwork2 network)
    {
        var bits = network.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? V4Bits : V6Bits;
        return network.Cidr < bits ? null : new IPNetwork2(network.Network, (byte)bits).ToString();
    }
}
