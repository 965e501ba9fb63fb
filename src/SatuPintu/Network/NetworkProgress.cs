using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SatuPintu.Data;
using SatuPintu.Directory;

namespace SatuPintu.Network;

/// <summary>Where one OPD (or unit) stands: the best state among the sites it is housed at.</summary>
public sealed record OpdStatus(string Slug, string Name, OpdKind Kind, string? Unit, ConnectionState? State, DateTime? Since, string? Reason, string? SiteName);

public sealed record KindProgress(OpdKind Kind, int Total, int Connected);

public sealed record PhaseProgress(int Id, string Name, int TargetYear, int Targets, int Connected, int Installed);

public sealed record BudgetFigure(int Year, BudgetSource Source, long Planned, long Realised);

/// <summary>Everything the public page and the progress API say, computed once from the registry.</summary>
public sealed record NetworkSnapshot(
    DateTime AsOf,
    int OpdTotal,
    int OpdConnected,
    IReadOnlyDictionary<ConnectionState, int> SitesByState,
    IReadOnlyList<OpdStatus> Opds,
    IReadOnlyList<OpdStatus> Units,
    IReadOnlyList<KindProgress> ByKind,
    IReadOnlyList<PhaseProgress> ByPhase,
    IReadOnlyList<BudgetFigure> Budget,
    IReadOnlyList<Site> Sites,
    Capacity Capacity,
    Capacity CapacityAllSites);

/// <summary>
/// The programme's figures. An OPD counts as connected when a site housing the OPD itself (not only one
/// of its units) is connected; units are reported beside it, since UPBJ and Bagian Pembangunan of the
/// Sekretariat Daerah connect on their own.
/// </summary>
public sealed class NetworkProgress(SatuPintuDb db, TimeProvider time, IOptions<NetworkOptions> options)
{
    /// <summary>Best first: an OPD with one connected and one postponed site is connected.</summary>
    private static int Rank(ConnectionState s) => s switch
    {
        ConnectionState.Connected => 5,
        ConnectionState.Installed => 4,
        ConnectionState.Funded => 3,
        ConnectionState.Planned => 2,
        ConnectionState.Postponed => 1,
        _ => 0,
    };

    public async Task<NetworkSnapshot> SnapshotAsync(CancellationToken ct)
    {
        var asOf = time.GetUtcNow().UtcDateTime;
        var opds = await db.Opds.AsNoTracking().Public().OrderBy(o => o.Kind).ThenBy(o => o.SortOrder).ToListAsync(ct);
        var sites = await db.NetworkSites.AsNoTracking().Include(s => s.Opds).ThenInclude(o => o.OpdUnit).Include(s => s.Link)
            .OrderBy(s => s.Kind).ThenBy(s => s.Name).AsSplitQuery().ToListAsync(ct);
        var housed = sites.SelectMany(s => s.Opds.Select(o => (Site: s, o.OpdId, Unit: o.OpdUnit))).ToList();

        OpdStatus StatusOf(Opd opd, OpdUnit? unit)
        {
            var best = housed.Where(h => h.OpdId == opd.Id && (unit is null ? h.Unit is null : h.Unit?.Id == unit.Id))
                .OrderByDescending(h => Rank(h.Site.State)).ThenBy(h => h.Site.StateSince).Select(h => h.Site).FirstOrDefault();
            return new OpdStatus(opd.Slug, unit?.Name ?? opd.Name, opd.Kind, unit?.ShortName ?? unit?.Name, best?.State, best?.StateSince, best?.StateReason, best?.Name);
        }

        var opdStatus = opds.Select(o => StatusOf(o, null)).ToList();
        var units = housed.Where(h => h.Unit is not null).Select(h => h.Unit!).DistinctBy(u => u.Id)
            .Select(u => StatusOf(opds.First(o => o.Id == u.OpdId), u)).ToList();
        var byKind = opdStatus.GroupBy(o => o.Kind).OrderBy(g => g.Key)
            .Select(g => new KindProgress(g.Key, g.Count(), g.Count(o => o.State == ConnectionState.Connected))).ToList();
        var phases = await db.NetworkPhases.AsNoTracking().OrderBy(p => p.TargetYear).ThenBy(p => p.Name).ToListAsync(ct);
        var byPhase = phases.Select(p =>
        {
            var targets = sites.Where(s => s.PhaseId == p.Id).ToList();
            return new PhaseProgress(p.Id, p.Name, p.TargetYear, targets.Count, targets.Count(s => s.State == ConnectionState.Connected), targets.Count(s => s.State == ConnectionState.Installed));
        }).ToList();
        var budget = (await db.NetworkBudgetLines.AsNoTracking()
                .GroupBy(l => new { l.FiscalYear, l.Source })
                .Select(g => new { g.Key.FiscalYear, g.Key.Source, Planned = g.Sum(l => l.PlannedRupiah), Realised = g.Sum(l => l.RealisedRupiah) })
                .ToListAsync(ct))
            .Select(b => new BudgetFigure(b.FiscalYear, b.Source, b.Planned, b.Realised))
            .OrderBy(b => b.Year).ThenBy(b => b.Source).ToList();
        var uplinks = await db.NetworkUplinks.AsNoTracking().Where(u => u.ContractEnd == null || u.ContractEnd >= DateOnly.FromDateTime(asOf)).Select(u => u.Mbps).ToListAsync(ct);
        // Distribution links carry the sites behind them; counting them too would count those sites twice.
        var endSites = sites.Where(s => s.Kind != SiteKind.Distribution && s.Link is not null && s.State != ConnectionState.Decommissioned).ToList();
        var capacity = Capacity.Of(uplinks, endSites.Where(s => s.State == ConnectionState.Connected).Select(s => s.Link!.CommittedDownMbps), options.Value.OversubscriptionWarning);
        var planned = Capacity.Of(uplinks, endSites.Select(s => s.Link!.CommittedDownMbps), options.Value.OversubscriptionWarning);
        var byState = Enum.GetValues<ConnectionState>().ToDictionary(s => s, s => sites.Count(x => x.State == s));
        return new NetworkSnapshot(asOf, opds.Count, opdStatus.Count(o => o.State == ConnectionState.Connected), byState,
            opdStatus, units, byKind, byPhase, budget, sites, capacity, planned);
    }

    /// <summary>The connection status of one OPD for its own page, or null when no site houses it.</summary>
    public async Task<OpdStatus?> ForOpdAsync(Opd opd, CancellationToken ct)
    {
        var sites = await db.NetworkSiteOpds.AsNoTracking().Where(o => o.OpdId == opd.Id && o.OpdUnitId == null)
            .Select(o => o.Site!).ToListAsync(ct);
        var best = sites.OrderByDescending(s => Rank(s.State)).ThenBy(s => s.StateSince).FirstOrDefault();
        return best is null ? null : new OpdStatus(opd.Slug, opd.Name, opd.Kind, null, best.State, best.StateSince, best.StateReason, best.Name);
    }
}
