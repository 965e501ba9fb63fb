using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Content;
using SatuPintu.Data;
using SatuPintu.Shared;

namespace SatuPintu.Directory;

/// <summary>
/// /api/v1/opds: the directory, and creating, editing, archiving and restoring OPDs through
/// <see cref="OpdEditing"/>, as the admin pages do, so the API can never allow what the UI refuses.
/// Errors are RFC 9457 problem details.
/// </summary>
internal static class OpdsApi
{
    public sealed record UnitDto(string Slug, string Name, string? ShortName, string Kind);

    /// <summary>A form to download: its title and an absolute or portal-relative address.</summary>
    public sealed record FormDto(string Title, string Url);

    /// <summary>
    /// A public service with its standar pelayanan. <c>requirements</c> and <c>steps</c> are lists, one item per line the
    /// OPD wrote; <c>hours</c> is the service's own, else its OPD's; <c>office</c> null means the OPD's own office.
    /// </summary>
    public sealed record ServiceDto(string Slug, string Name, string Topic, string? Description, IReadOnlyList<string> Requirements,
        IReadOnlyList<string> Steps, string? Time, string? Cost, string? Output, IReadOnlyList<string> LegalBasis, string? Office,
        string? OfficeAddress, string? MapUrl, string? Hours, IReadOnlyList<FormDto> Forms, DateTime? ReviewedAt, string Url);

    /// <summary>An OPD; <c>head</c> is the same as <c>headName</c>, kept for clients written before the API could edit OPDs.</summary>
    public sealed record OpdDto(string Slug, string Name, string? ShortName, string Kind, string? Head, string? HeadName, string? HeadTitle,
        string? Address, string? Phone, string? Email, string? Website, double? Latitude, double? Longitude, bool CoordinatesApproximate,
        string? Summary, string? Vision, string? Mission, string? Duties, string? Structure, IReadOnlyList<UnitDto> Units,
        string? Hours = null, IReadOnlyList<ServiceDto>? Services = null);

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/opds").WithTags("OPD");
        g.MapGet("/", async (SatuPintuDb db, ClaimsPrincipal user, CancellationToken ct) =>
            (await Query(db, user).ToListAsync(ct)).Select(ToDto)).WithSummary("Semua perangkat daerah (yang tersembunyi hanya untuk admin)");
        g.MapGet("/{slug}", async (string slug, SatuPintuDb db, ClaimsPrincipal user, CancellationToken ct) =>
            await Query(db, user).FirstOrDefaultAsync(o => o.Slug == slug, ct) is { } opd
                ? Results.Ok(ToDto(opd))
                : NotFound()).WithSummary("Satu perangkat daerah");
        g.MapPost("/", async (NewOpdInput input, ClaimsPrincipal user, OpdEditing editing, CancellationToken ct) =>
            await editing.CreateAsync(user, input, ct) is var o && o.Status == OutcomeStatus.Ok
                ? Results.Created($"/api/v1/opds/{o.Value!.Slug}", ToDto(o.Value))
                : Problem(o)).WithSummary("Tambah perangkat daerah (admin)");
        g.MapPut("/{slug}", async (string slug, OpdProfileInput input, ClaimsPrincipal user, OpdEditing editing, CancellationToken ct) =>
            Answer(await editing.UpdateAsync(user, slug, input, ct)))
            .WithSummary("Ganti profil perangkat daerah; isian yang kosong atau tidak dikirim dikosongkan (nama dan singkatan: admin)");
        g.MapDelete("/{slug}", async (string slug, ClaimsPrincipal user, OpdEditing editing, CancellationToken ct) =>
            await editing.SetArchivedAsync(user, slug, archived: true, ct) is var o && o.Status == OutcomeStatus.Ok ? Results.NoContent() : Problem(o))
            .WithSummary("Arsipkan perangkat daerah: tidak tampil lagi di portal (admin)");
        g.MapPost("/{slug}/restore", async (string slug, ClaimsPrincipal user, OpdEditing editing, CancellationToken ct) =>
            Answer(await editing.SetArchivedAsync(user, slug, archived: false, ct))).WithSummary("Aktifkan kembali perangkat daerah yang diarsipkan (admin)");
        g.MapPost("/{slug}/show", async (string slug, ClaimsPrincipal user, OpdEditing editing, CancellationToken ct) =>
            Answer(await editing.SetHiddenAsync(user, slug, hidden: false, ct))).WithSummary("Tampilkan perangkat daerah ke publik; ditolak bila profil belum memuat nama, jenis, dan alamat atau kontak (admin)");
        g.MapPost("/{slug}/hide", async (string slug, ClaimsPrincipal user, OpdEditing editing, CancellationToken ct) =>
            Answer(await editing.SetHiddenAsync(user, slug, hidden: true, ct))).WithSummary("Sembunyikan perangkat daerah dari publik (admin)");
    }

    /// <summary>What the public sees; admins also see the hidden OPDs they have yet to show.</summary>
    private static IQueryable<Opd> Query(SatuPintuDb db, ClaimsPrincipal user) =>
        (OpdEditing.MayManage(user) ? db.Opds.AsNoTracking().Where(o => o.ArchivedAt == null) : db.Opds.AsNoTracking().Public())
            .Include(o => o.Units.Where(u => u.ArchivedAt == null)).Include(o => o.Services).AsSplitQuery().OrderBy(o => o.SortOrder);

    private static IResult Answer(Outcome<Opd> outcome) => outcome.Status == OutcomeStatus.Ok ? Results.Ok(ToDto(outcome.Value!)) : Problem(outcome);

    private static IResult NotFound() => ApiProblems.For(OpdRefusals.NotFound);

    private static IResult Problem(Outcome<Opd> o) => ApiProblems.For(o);

    private static OpdDto ToDto(Opd o) => new(o.Slug, o.Name, o.ShortName, o.Kind.ToString().ToLowerInvariant(), o.HeadName, o.HeadName, o.HeadTitle,
        o.Address, o.Phone, o.Email, o.Website, o.Latitude, o.Longitude, o.CoordinatesApproximate,
        o.Summary, o.Vision, o.Mission, o.Duties, o.Structure,
        o.Units.OrderBy(u => u.SortOrder).Select(u => new UnitDto(u.Slug, u.Name, u.ShortName, u.KindLabel)).ToList(),
        o.Hours, o.Services.OrderBy(s => s.SortOrder).ThenBy(s => s.Name).Select(s => ToDto(o, s)).ToList());

    private static ServiceDto ToDto(Opd o, PublicService s) => new(s.Slug, s.Name, s.Topic ?? ServiceTopics.Other, s.Description,
        ServiceInput.Items(s.Requirements).ToList(), ServiceInput.Items(s.Procedure).ToList(), s.Duration, s.Cost, s.Output, ServiceInput.Lines(s.LegalBasis).ToList(), s.Office,
        s.OfficeAddress, s.MapUrl, s.Hours ?? o.Hours, ServiceForm.All(s.Forms).Select(f => new FormDto(f.Title, f.Url)).ToList(),
        s.ReviewedAt, $"/layanan/{o.Slug}/{s.Slug}");
}
