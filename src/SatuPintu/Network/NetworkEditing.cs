using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Shared;
using SatuPintu.Data;

namespace SatuPintu.Network;

/// <summary>The answer of a registry change; <see cref="Clash"/> names the subnet a new one overlaps.</summary>
public sealed record NetworkOutcome(OutcomeStatus Status, string? Message = null, IDictionary<string, string[]>? Errors = null, int? Id = null, string? Clash = null)
{
    public static readonly NetworkOutcome Forbidden = new(OutcomeStatus.Forbidden, "Hanya admin Diskominfo yang dapat mengubah data jaringan.");
    public static NetworkOutcome NotFound(string what) => new(OutcomeStatus.NotFound, what + " tidak ditemukan.");
    public static NetworkOutcome Invalid(string field, string message) => new(OutcomeStatus.Invalid, message, new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>Serialises subnet writes in this process so two overlapping requests cannot both pass the check.</summary>
public sealed class SubnetGate
{
    /// <summary>The PostgreSQL transaction lock that does for several nodes what <see cref="Lock"/> does for one.</summary>
    private const string AdvisoryLockSql = "SELECT pg_advisory_xact_lock(7208001)";

    public SemaphoreSlim Lock { get; } = new(1, 1);

    /// <summary>Inside the caller's transaction: on PostgreSQL, waits for every other node's subnet writer.</summary>
    public static async Task LockAcrossNodesAsync(SatuPintuDb db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlRawAsync(AdvisoryLockSql, ct);
        }
    }
}

/// <summary>
/// Lifecycle moves and subnets: one code path for the admin pages and /api/v1/network, so neither
/// can allow what the other refuses. Only admins change anything (<see cref="NetworkAccess"/>).
/// </summary>
public sealed partial class NetworkEditing(SatuPintuDb db, TimeProvider time, SubnetGate gate)
{
    public static string Actor(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "?";

    public async Task<NetworkOutcome> TransitionAsync(ClaimsPrincipal user, int siteId, string? to, string? reason, CancellationToken ct)
    {
        if (!user.MayChangeNetwork())
        {
            return NetworkOutcome.Forbidden;
        }
        var site = await db.NetworkSites.FirstOrDefaultAsync(s => s.Id == siteId, ct);
        if (site is null)
        {
            return NetworkOutcome.NotFound("Lokasi");
        }
        if (!Lifecycle.TryParse(to, out var target))
        {
            return NetworkOutcome.Invalid("to", $"Status \"{to}\" tidak dikenal; pilih salah satu: {string.Join(", ", Enum.GetValues<ConnectionState>().Select(s => s.ApiName()))}.");
        }
        var clean = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        var postponedFrom = site.State == ConnectionState.Postponed ? await PostponedFromAsync(site.Id, ct) : null;
        if (Lifecycle.Refusal(site.State, target, clean, postponedFrom) is { } refusal)
        {
            return NetworkOutcome.Invalid("to", refusal);
        }
        var now = time.GetUtcNow().UtcDateTime;
        db.NetworkSiteStateChanges.Add(new SiteStateChange { SiteId = site.Id, From = site.State, To = target, Reason = clean, ChangedBy = Actor(user), ChangedAt = now });
        site.State = target;
        site.StateReason = clean;
        site.StateSince = now;
        site.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        return new NetworkOutcome(OutcomeStatus.Ok, Id: site.Id);
    }

    /// <summary>The state a postponed site was in before it was postponed, from its history.</summary>
    public Task<ConnectionState?> PostponedFromAsync(int siteId, CancellationToken ct) =>
        db.NetworkSiteStateChanges.Where(h => h.SiteId == siteId && h.To == ConnectionState.Postponed)
            .OrderByDescending(h => h.ChangedAt).ThenByDescending(h => h.Id).Select(h => h.From).FirstOrDefaultAsync(ct);

    public async Task<NetworkOutcome> AddSubnetAsync(ClaimsPrincipal user, SubnetInput input, CancellationToken ct)
    {
        if (!user.MayChangeNetwork())
        {
            return NetworkOutcome.Forbidden;
        }
        if (!SubnetRules.TryParse(input.Cidr, out var network, out var error))
        {
            return NetworkOutcome.Invalid("cidr", error!);
        }
        if (input.Vlan is < 1 or > 4094)
        {
            return NetworkOutcome.Invalid("vlan", "VLAN harus antara 1 dan 4094.");
        }
        if (SubnetRules.GatewayProblem(network, input.Gateway) is { } gatewayProblem)
        {
            return NetworkOutcome.Invalid("gateway", gatewayProblem);
        }
        var description = input.Description?.Trim();
        if (description is { Length: > 300 })
        {
            return NetworkOutcome.Invalid("description", "Keterangan paling banyak 300 karakter.");
        }
        if (!await db.NetworkSites.AnyAsync(s => s.Id == input.SiteId, ct))
        {
            return NetworkOutcome.NotFound("Lokasi");
        }
        var cidr = SubnetRules.Normalise(network);
        var family = SubnetRules.Family(network);
        await gate.Lock.WaitAsync(ct);
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // Several app instances on one PostgreSQL: the same check-then-insert must not interleave.
            await SubnetGate.LockAcrossNodesAsync(db, ct);
            // Compared in memory by IPNetwork2: neither provider can compare CIDR text, and a regency has thousands, not millions.
            var sameFamily = await db.NetworkSubnets.AsNoTracking().Where(n => n.Family == family).Select(n => new SubnetRef(n.Id, n.Cidr, n.SiteId)).ToListAsync(ct);
            if (SubnetRules.FirstClash(network, sameFamily, n => n.Cidr) is { } clash)
            {
                var siteName = await db.NetworkSites.Where(s => s.Id == clash.SiteId).Select(s => s.Name).FirstAsync(ct);
                return new NetworkOutcome(OutcomeStatus.Conflict, $"{cidr} bertumpang tindih dengan subnet {clash.Cidr} di {siteName}.", Clash: clash.Cidr);
            }
            var subnet = new Subnet { SiteId = input.SiteId, Cidr = cidr, Family = family, Vlan = input.Vlan, Gateway = input.Gateway?.Trim() is { Length: > 0 } g ? g : null, Description = description is { Length: > 0 } ? description : null };
            db.NetworkSubnets.Add(subnet);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new NetworkOutcome(OutcomeStatus.Ok, Id: subnet.Id);
        }
        finally
        {
            gate.Lock.Release();
        }
    }

    public async Task<NetworkOutcome> DeleteSubnetAsync(ClaimsPrincipal user, int id, CancellationToken ct)
    {
        if (!user.MayChangeNetwork())
        {
            return NetworkOutcome.Forbidden;
        }
        var subnet = await db.NetworkSubnets.FirstOrDefaultAsync(n => n.Id == id, ct);
        if (subnet is null)
        {
            return NetworkOutcome.NotFound("Subnet");
        }
        db.NetworkSubnets.Remove(subnet);
        await db.SaveChangesAsync(ct);
        return new NetworkOutcome(OutcomeStatus.Ok, Id: subnet.SiteId);
    }

    private sealed record SubnetRef(int Id, string Cidr, int SiteId);
}

/// <summary>A new subnet, as the API and the admin form send it.</summary>
public sealed class SubnetInput
{
    public int SiteId { get; set; }
    public string? Cidr { get; set; }
    public int? Vlan { get; set; }
    public string? Gateway { get; set; }
    public string? Description { get; set; }
}
