using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;
using SatuPintu.Network.Import;

namespace SatuPintu.Network.Export;

/// <summary>
/// The registry as sheets with the import's own columns (<see cref="ImportSchema"/>), so an export
/// can be edited and imported into another instance. Admin-only: it holds management addresses.
/// </summary>
public sealed class RegistryExport(SatuPintuDb db)
{
    public async Task<IReadOnlyList<SheetData>> SheetsAsync(CancellationToken ct)
    {
        var sites = await db.NetworkSites.AsNoTracking()
            .Include(s => s.Opds).ThenInclude(o => o.Opd).Include(s => s.Opds).ThenInclude(o => o.OpdUnit)
            .Include(s => s.Phase).Include(s => s.Link).Include(s => s.Subnets)
            .OrderBy(s => s.Id).AsSplitQuery().ToListAsync(ct);
        var names = sites.ToDictionary(s => s.Id, s => s.Name);
        var phases = await db.NetworkPhases.AsNoTracking().OrderBy(p => p.TargetYear).ThenBy(p => p.Name).ToListAsync(ct);
        var uplinks = await db.NetworkUplinks.AsNoTracking().OrderBy(u => u.Id).ToListAsync(ct);
        var budget = await db.NetworkBudgetLines.AsNoTracking().Include(b => b.Phase).OrderBy(b => b.FiscalYear).ThenBy(b => b.Id).ToListAsync(ct);

        return
        [
            Sheet(ImportKind.Phases, phases.Select(p => new object?[] { p.Name, p.TargetYear, p.Description })),
            // Parents before children, so the sheet imports in one pass.
            Sheet(ImportKind.Sites, TreeOrder(sites).Select(s => new object?[]
            {
                s.Name, CellReader.Snake(s.Kind.ToString()), s.State.ApiName(),
                s.ParentSiteId is { } p ? names.GetValueOrDefault(p) : null,
                string.Join(";", s.Opds.Select(o => o.Opd!.Slug + (o.OpdUnit is { } u ? "/" + u.Slug : ""))),
                s.Address, s.Latitude, s.Longitude, s.CoordinatesApproximate ? "ya" : "tidak", s.Phase?.Name, s.StateReason, s.Notes, s.Id,
            })),
            Sheet(ImportKind.Links, sites.Where(s => s.Link is not null).Select(s => s.Link!).Select(l => new object?[]
            {
                names[l.SiteId], CellReader.Snake(l.Medium.ToString()), l.CommittedDownMbps, l.CommittedUpMbps, l.Provider, l.DeviceModel,
                l.ManagementAddress, l.InstalledOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), l.MonthlyCostRupiah,
            })),
            Sheet(ImportKind.Uplinks, uplinks.Select(u => new object?[]
            {
                u.Provider, u.Mbps, u.ContractStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), u.MonthlyCostRupiah,
                u.ContractEnd?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), u.Notes,
            })),
            Sheet(ImportKind.Subnets, sites.SelectMany(s => s.Subnets.OrderBy(n => n.Family).ThenBy(n => n.Id))
                .Select(n => new object?[] { names[n.SiteId], n.Cidr, n.Vlan, n.Gateway, n.Description, n.Id })),
            Sheet(ImportKind.Budget, budget.Select(b => new object?[]
            {
                b.FiscalYear, CellReader.Snake(b.Source.ToString()), CellReader.Snake(b.Item.ToString()), b.PlannedRupiah, b.RealisedRupiah, b.Phase?.Name, b.Description,
            })),
        ];
    }

    /// <summary>The empty template: each kind's header row only.</summary>
    public static IReadOnlyList<SheetData> Template() => [.. ImportSchema.Kinds.Select(k => new SheetData(k.Sheet, [k.Columns.Cast<object?>().ToArray()]))];

    private static SheetData Sheet(ImportKind kind, IEnumerable<object?[]> rows)
    {
        var info = ImportSchema.Of(kind);
        return new SheetData(info.Sheet, [info.Columns.Cast<object?>().ToArray(), .. rows]);
    }

    private static IEnumerable<Site> TreeOrder(List<Site> sites)
    {
        var children = sites.ToLookup(s => s.ParentSiteId);
        var queue = new Queue<Site>(children[null]);
        var seen = new HashSet<int>();
        while (queue.Count > 0)
        {
            var site = queue.Dequeue();
            if (seen.Add(site.Id))
            {
                yield return site;
                foreach (var child in children[site.Id])
                {
                    queue.Enqueue(child);
                }
            }
        }
        // A cycle cannot be stored through the admin pages; should one exist, its sites still appear.
        foreach (var site in sites.Where(s => !seen.Contains(s.Id)))
        {
            yield return site;
        }
    }
}
