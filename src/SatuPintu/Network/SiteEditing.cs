using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Shared;
using SatuPintu.Data;

namespace SatuPintu.Network;

/// <summary>A site as the admin form sends it. <see cref="Housed"/> holds "opdId" or "opdId:unitId" per OPD or unit housed.</summary>
public sealed class SiteInput
{
    public string? Name { get; set; }
    public string? Address { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public bool CoordinatesApproximate { get; set; } = true;
    public SiteKind Kind { get; set; } = SiteKind.Office;
    public int? ParentSiteId { get; set; }
    public int? PhaseId { get; set; }
    public string? Notes { get; set; }
    public List<string> Housed { get; set; } = [];

    public static SiteInput From(Site s) => new()
    {
        Name = s.Name, Address = s.Address, Latitude = s.Latitude, Longitude = s.Longitude, CoordinatesApproximate = s.CoordinatesApproximate,
        Kind = s.Kind, ParentSiteId = s.ParentSiteId, PhaseId = s.PhaseId, Notes = s.Notes,
        Housed = [.. s.Opds.Select(o => o.OpdUnitId is { } u ? $"{o.OpdId}:{u}" : $"{o.OpdId}")],
    };
}

public sealed class LinkInput
{
    public LinkMedium Medium { get; set; }
    public int CommittedDownMbps { get; set; }
    public int CommittedUpMbps { get; set; }
    public string? Provider { get; set; }
    public string? DeviceModel { get; set; }
    public string? ManagementAddress { get; set; }
    public DateOnly? InstalledOn { get; set; }
    public long MonthlyCostRupiah { get; set; }

    public static LinkInput From(Link? l) => l is null ? new() { CommittedDownMbps = 20, CommittedUpMbps = 10 } : new()
    {
        Medium = l.Medium, CommittedDownMbps = l.CommittedDownMbps, CommittedUpMbps = l.CommittedUpMbps, Provider = l.Provider,
        DeviceModel = l.DeviceModel, ManagementAddress = l.ManagementAddress, InstalledOn = l.InstalledOn, MonthlyCostRupiah = l.MonthlyCostRupiah,
    };
}

/// <summary>Creating and editing sites and their link (admins only); a new site starts planned, with that in its history.</summary>
public sealed class SiteEditing(SatuPintuDb db, TimeProvider time)
{
    public async Task<NetworkOutcome> SaveSiteAsync(ClaimsPrincipal user, int? id, SiteInput input, CancellationToken ct)
    {
        if (!user.MayChangeNetwork())
        {
            return NetworkOutcome.Forbidden;
        }
        Site? site = null;
        if (id is { } existing && (site = await db.NetworkSites.Include(s => s.Opds).FirstOrDefaultAsync(s => s.Id == existing, ct)) is null)
        {
            return NetworkOutcome.NotFound("Lokasi");
        }
        var e = new FieldErrors();
        var name = e.Text(input.Name, 200, "name", "Nama lokasi", required: true);
        if (name is not null && await db.NetworkSites.AnyAsync(s => s.Name == name && s.Id != (id ?? 0), ct))
        {
            e.Add("name", $"Nama lokasi \"{name}\" sudah dipakai.");
        }
        var address = e.Text(input.Address, 300, "address", "Alamat");
        var notes = e.Text(input.Notes, 2000, "notes", "Catatan");
        if (input.Latitude is { } lat && (double.IsNaN(lat) || lat is < -90 or > 90))
        {
            e.Add("latitude", "Lintang harus antara -90 dan 90.");
        }
        if (input.Longitude is { } lon && (double.IsNaN(lon) || lon is < -180 or > 180))
        {
            e.Add("longitude", "Bujur harus antara -180 dan 180.");
        }
        if (input.Latitude is null != input.Longitude is null)
        {
            e.Add("latitude", "Isi lintang dan bujur bersama, atau kosongkan keduanya.");
        }
        if (!Enum.IsDefined(input.Kind))
        {
            e.Add("kind", "Jenis lokasi tidak dikenal.");
        }
        if (input.ParentSiteId is { } parent && (parent == id || !await db.NetworkSites.AnyAsync(s => s.Id == parent, ct) || await IsBelowAsync(parent, id, ct)))
        {
            e.Add("parentSiteId", "Lokasi induk tidak ada, atau berada di bawah lokasi ini sendiri.");
        }
        if (input.PhaseId is { } phase && !await db.NetworkPhases.AnyAsync(p => p.Id == phase, ct))
        {
            e.Add("phaseId", "Tahap tidak ditemukan.");
        }
        var housed = await HousedAsync(input.Housed, e, ct);
        if (e.Outcome("Lokasi") is { } invalid)
        {
            return invalid;
        }
        var now = time.GetUtcNow().UtcDateTime;
        if (site is null)
        {
            site = new Site { Name = name!, State = ConnectionState.Planned, StateSince = now };
            site.History.Add(new SiteStateChange { To = ConnectionState.Planned, ChangedBy = NetworkEditing.Actor(user), ChangedAt = now, Reason = "Lokasi didaftarkan" });
            db.NetworkSites.Add(site);
        }
        site.Name = name!;
        site.Address = address;
        site.Latitude = input.Latitude;
        site.Longitude = input.Longitude;
        site.CoordinatesApproximate = input.CoordinatesApproximate;
        site.Kind = input.Kind;
        site.ParentSiteId = input.ParentSiteId;
        site.PhaseId = input.PhaseId;
        site.Notes = notes;
        site.UpdatedAt = now;
        site.Opds.RemoveAll(o => !housed.Contains((o.OpdId, o.OpdUnitId)));
        foreach (var (opd, unit) in housed.Where(h => !site.Opds.Any(o => o.OpdId == h.Opd && o.OpdUnitId == h.Unit)))
        {
            site.Opds.Add(new SiteOpd { OpdId = opd, OpdUnitId = unit });
        }
        await db.SaveChangesAsync(ct);
        return new NetworkOutcome(OutcomeStatus.Ok, Id: site.Id);
    }

    /// <summary>True when <paramref name="candidate"/> lies below <paramref name="site"/> in the tree (a cycle in the making).</summary>
    private async Task<bool> IsBelowAsync(int candidate, int? site, CancellationToken ct)
    {
        if (site is null)
        {
            return false;
        }
        var parents = await db.NetworkSites.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.ParentSiteId, ct);
        var seen = new HashSet<int>();
        for (int? at = candidate; at is { } a && seen.Add(a); at = parents.GetValueOrDefault(a))
        {
            if (a == site)
            {
                return true;
            }
        }
        return false;
    }

    private async Task<HashSet<(int Opd, int? Unit)>> HousedAsync(IEnumerable<string> tokens, FieldErrors e, CancellationToken ct)
    {
        var opds = await db.Opds.AsNoTracking().Select(o => o.Id).ToListAsync(ct);
        var units = await db.OpdUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.OpdId, ct);
        var result = new HashSet<(int, int?)>();
        foreach (var token in tokens.Where(t => !string.IsNullOrWhiteSpace(t)))
        {
            var parts = token.Split(':');
            if (parts.Length is 1 or 2 && int.TryParse(parts[0], out var opd) && opds.Contains(opd))
            {
                if (parts.Length == 1)
                {
                    result.Add((opd, null));
                    continue;
                }
                if (int.TryParse(parts[1], out var unit) && units.TryGetValue(unit, out var owner) && owner == opd)
                {
                    result.Add((opd, unit));
                    continue;
                }
            }
            e.Add("housed", "OPD atau unit kerja yang dipilih tidak dikenal.");
        }
        return result;
    }

    public async Task<NetworkOutcome> SaveLinkAsync(ClaimsPrincipal user, int siteId, LinkInput input, CancellationToken ct)
    {
        if (!user.MayChangeNetwork())
        {
            return NetworkOutcome.Forbidden;
        }
        var site = await db.NetworkSites.Include(s => s.Link).FirstOrDefaultAsync(s => s.Id == siteId, ct);
        if (site is null)
        {
            return NetworkOutcome.NotFound("Lokasi");
        }
        var e = new FieldErrors();
        if (!Enum.IsDefined(input.Medium))
        {
            e.Add("medium", "Media sambungan tidak dikenal.");
        }
        e.Range(input.CommittedDownMbps, 0, 100_000, "committedDownMbps", "Bandwidth unduh (Mbps)");
        e.Range(input.CommittedUpMbps, 0, 100_000, "committedUpMbps", "Bandwidth unggah (Mbps)");
        e.Range(input.MonthlyCostRupiah, 0L, 100_000_000_000L, "monthlyCostRupiah", "Biaya bulanan (rupiah)");
        var provider = e.Text(input.Provider, 200, "provider", "Penyedia");
        var device = e.Text(input.DeviceModel, 200, "deviceModel", "Perangkat");
        var management = e.Text(input.ManagementAddress, 100, "managementAddress", "Alamat manajemen");
        if (management is not null && !System.Net.IPAddress.TryParse(management, out _))
        {
            e.Add("managementAddress", "Alamat manajemen harus alamat IP.");
        }
        if (e.Outcome("Sambungan") is { } invalid)
        {
            return invalid;
        }
        var link = site.Link ??= new Link();
        link.Medium = input.Medium;
        link.CommittedDownMbps = input.CommittedDownMbps;
        link.CommittedUpMbps = input.CommittedUpMbps;
        link.Provider = provider;
        link.DeviceModel = device;
        link.ManagementAddress = management;
        link.InstalledOn = input.InstalledOn;
        link.MonthlyCostRupiah = input.MonthlyCostRupiah;
        site.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        return new NetworkOutcome(OutcomeStatus.Ok, Id: site.Id);
    }
}
