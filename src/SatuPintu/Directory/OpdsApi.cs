using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;

namespace SatuPintu.Directory;

/// <summary>/api/v1/opds: the directory, read-only (OPD management stays in the admin area).</summary>
internal static class OpdsApi
{
    public sealed record UnitDto(string Slug, string Name, string? ShortName, string Kind);

    public sealed record OpdDto(string Slug, string Name, string? ShortName, string Kind, string? Head, string? Address,
        string? Phone, string? Email, string? Website, double? Latitude, double? Longitude, bool CoordinatesApproximate, IReadOnlyList<UnitDto> Units);

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/opds").WithTags("OPD");
        g.MapGet("/", async (SatuPintuDb db, CancellationToken ct) =>
            (await Query(db).ToListAsync(ct)).Select(ToDto)).WithSummary("Semua perangkat daerah");
        g.MapGet("/{slug}", async (string slug, SatuPintuDb db, CancellationToken ct) =>
            await Query(db).FirstOrDefaultAsync(o => o.Slug == slug, ct) is { } opd
                ? Results.Ok(ToDto(opd))
                : Results.Problem(statusCode: 404, title: "Perangkat daerah tidak ditemukan")).WithSummary("Satu perangkat daerah");
    }

    private static IQueryable<Opd> Query(SatuPintuDb db) =>
        db.Opds.AsNoTracking().Where(o => o.ArchivedAt == null).Include(o => o.Units).OrderBy(o => o.SortOrder);

    private static OpdDto ToDto(Opd o) => new(o.Slug, o.Name, o.ShortName, o.Kind.ToString().ToLowerInvariant(), o.HeadName, o.Address,
        o.Phone, o.Email, o.Website, o.Latitude, o.Longitude, o.CoordinatesApproximate,
        o.Units.OrderBy(u => u.SortOrder).Select(u => new UnitDto(u.Slug, u.Name, u.ShortName, u.KindLabel)).ToList());
}
