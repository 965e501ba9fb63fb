using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Shared;
using SatuPintu.Data;
using SatuPintu.Hosting;

namespace SatuPintu.Network;

/// <summary>
/// /api/v1/network: progress and sites for anyone (management addresses and subnets only for an
/// admin token), subnets and lifecycle moves for admin tokens, through <see cref="NetworkEditing"/>.
/// </summary>
internal static class NetworkApi
{
    public sealed record BudgetDto(int Year, string Source, long Planned, long Realised);

    public sealed record ProgressDto(string AsOf, int OpdTotal, int OpdConnected, int UnitsConnected,
        IReadOnlyDictionary<string, int> States, IReadOnlyList<BudgetDto> Budget, double? OversubscriptionRatio);

    public sealed record LinkDto(string Medium, int CommittedDownMbps, int CommittedUpMbps, string? Provider,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ManagementAddress);

    public sealed record SubnetDto(int Id, string Cidr, int? Vlan, string? Gateway);

    public sealed record SiteDto(int Id, string Name, string Kind, string State, string StateSince, IReadOnlyList<string> Opds,
        IReadOnlyList<string> Units, double? Latitude, double? Longitude, bool CoordinatesApproximate, int? ParentSiteId, LinkDto? Link,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<SubnetDto>? Subnets);

    public sealed record TransitionInput(string? To, string? Reason);

    public sealed record StateDto(int Id, string State, string StateSince);

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/network").WithTags("Jaringan");
        g.MapGet("/progress", async (NetworkProgress progress, CancellationToken ct) => ToDto(await progress.SnapshotAsync(ct)))
            .AllowAnonymous().WithSummary("Kemajuan Program Internet Satu Pintu: OPD tersambung, lokasi per status, anggaran per tahun dan sumber");
        g.MapGet("/sites", SitesAsync).AllowAnonymous()
            .WithSummary("Semua lokasi jaringan; alamat manajemen dan subnet hanya dengan token admin");
        g.MapPost("/subnets", async (SubnetInput input, ClaimsPrincipal user, NetworkEditing editing, CancellationToken ct) =>
            await editing.AddSubnetAsync(user, input, ct) is var o && o.Status == OutcomeStatus.Ok
                ? Results.Json(new { id = o.Id }, statusCode: StatusCodes.Status201Created)
                : Problem(o)).WithSummary("Tambah subnet (admin): 409 bila bertumpang tindih, 422 bila CIDR tidak sah");
        g.MapPost("/sites/{id:int}/transitions", async (int id, TransitionInput input, ClaimsPrincipal user, NetworkEditing editing, SatuPintuDb db, CancellationToken ct) =>
        {
            var o = await editing.TransitionAsync(user, id, input.To, input.Reason, ct);
            if (o.Status != OutcomeStatus.Ok)
            {
                return Problem(o);
            }
            var site = await db.NetworkSites.AsNoTracking().FirstAsync(s => s.Id == id, ct);
            return Results.Ok(new StateDto(site.Id, site.State.ApiName(), RegionalClock.IsoDate(site.StateSince)));
        }).WithSummary("Ubah status siklus sambungan lokasi (admin): 422 bila perubahan tidak diizinkan");
    }

    private static async Task<IResult> SitesAsync(ClaimsPrincipal user, SatuPintuDb db, CancellationToken ct)
    {
        var admin = user.MayChangeNetwork();
        var q = db.NetworkSites.AsNoTracking().Include(s => s.Opds).ThenInclude(o => o.Opd).Include(s => s.Opds).ThenInclude(o => o.OpdUnit).Include(s => s.Link);
        var sites = admin ? await q.Include(s => s.Subnets).AsSplitQuery().OrderBy(s => s.Id).ToListAsync(ct) : await q.AsSplitQuery().OrderBy(s => s.Id).ToListAsync(ct);
        return Results.Ok(sites.Select(s => new SiteDto(s.Id, s.Name, s.Kind.ToString().ToLowerInvariant(), s.State.ApiName(), RegionalClock.IsoDate(s.StateSince),
            [.. s.Opds.Where(o => o.OpdUnit is null).Select(o => o.Opd!.Slug).Distinct().Order()],
            [.. s.Opds.Where(o => o.OpdUnit is not null).Select(o => o.Opd!.Slug + "/" + o.OpdUnit!.Slug).Order()],
            s.Latitude, s.Longitude, s.CoordinatesApproximate, s.ParentSiteId,
            s.Link is { } l ? new LinkDto(l.Medium.ToString().ToLowerInvariant(), l.CommittedDownMbps, l.CommittedUpMbps, l.Provider, admin ? l.ManagementAddress : null) : null,
            admin ? [.. s.Subnets.OrderBy(n => n.Family).ThenBy(n => n.Cidr).Select(n => new SubnetDto(n.Id, n.Cidr, n.Vlan, n.Gateway))] : null)));
    }

    private static ProgressDto ToDto(NetworkSnapshot s) => new(RegionalClock.IsoDate(s.AsOf), s.OpdTotal, s.OpdConnected,
        s.Units.Count(u => u.State == ConnectionState.Connected),
        s.SitesByState.ToDictionary(kv => kv.Key.ApiName(), kv => kv.Value),
        [.. s.Budget.Select(b => new BudgetDto(b.Year, Budgets.ApiName(b.Source), b.Planned, b.Realised))],
        s.Capacity.Ratio);

    private static IResult Problem(NetworkOutcome o) => o.Status switch
    {
        OutcomeStatus.Invalid => Results.ValidationProblem(o.Errors!, statusCode: StatusCodes.Status422UnprocessableEntity, title: o.Message),
        OutcomeStatus.Forbidden => Results.Problem(statusCode: 403, title: "Akses ditolak", detail: o.Message),
        OutcomeStatus.NotFound => Results.Problem(statusCode: 404, title: o.Message),
        _ => Results.Problem(statusCode: 409, title: "Subnet bertumpang tindih", detail: o.Message,
            extensions: new Dictionary<string, object?> { ["clash"] = o.Clash }),
    };
}
