using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Accounts;
using SatuPintu.Data;
using SatuPintu.Directory;
using SatuPintu.Shared;

namespace SatuPintu.Content;

/// <summary>/api/v1/pages: static pages through <see cref="PagePublishing"/>, the admin pages' own code path.</summary>
internal static class PagesApi
{
    public sealed record PageDto(int Id, string? Opd, string Slug, string Title, string Body, string BodyHtml, string Status, string? RejectionReason,
        int SortOrder, DateTime CreatedAt, DateTime UpdatedAt, DateTime? PublishedAt, string Url, int Version);

    /// <summary><c>version</c>: the version reviewed; publishing is refused (409) when the page changed since.</summary>
    public sealed record PublishRequest(int? Version);

    public sealed record RejectRequest(string? Reason);

    public sealed record PageList(IReadOnlyList<PageDto> Items, int Page, int PerPage, int Total);

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/pages").WithTags("Halaman");
        g.MapGet("/", ListAsync).WithSummary("Daftar halaman yang boleh dilihat pemegang token (opd=kabupaten untuk halaman kabupaten)");
        g.MapGet("/{id:int}", GetAsync).WithSummary("Satu halaman");
        g.MapPost("/", async (PageInput input, ClaimsPrincipal user, PagePublishing p, HttpContext http, CancellationToken ct) =>
            await p.CreateAsync(user, input, ct) is var o && o.Status == OutcomeStatus.Ok
                ? Results.Created($"/api/v1/pages/{o.Value!.Id}", ToDto(o.Value, http))
                : Problem(o))
            .WithSummary("Buat draf halaman (opd=kabupaten: halaman portal, khusus admin)");
        g.MapPut("/{id:int}", (int id, PageInput input, ClaimsPrincipal user, PagePublishing p, HttpContext http, CancellationToken ct) =>
            Answer(p.UpdateAsync(user, id, input, ct), http)).WithSummary("Ubah halaman");
        g.MapDelete("/{id:int}", async (int id, ClaimsPrincipal user, PagePublishing p, CancellationToken ct) =>
            await p.DeleteAsync(user, id, ct) is var o && o.Status == OutcomeStatus.Ok ? Results.NoContent() : Problem(o)).WithSummary("Hapus halaman");
        g.MapPost("/{id:int}/submit", (int id, ClaimsPrincipal user, PagePublishing p, HttpContext http, CancellationToken ct) =>
            Answer(p.SubmitAsync(user, id, ct), http)).WithSummary("Ajukan untuk ditinjau");
        g.MapPost("/{id:int}/publish", (int id, PublishRequest? body, ClaimsPrincipal user, PagePublishing p, HttpContext http, CancellationToken ct) =>
            Answer(p.PublishAsync(user, id, ct, body?.Version), http)).WithSummary("Terbitkan (reviewer/admin)");
        g.MapPost("/{id:int}/reject", (int id, RejectRequest body, ClaimsPrincipal user, PagePublishing p, HttpContext http, CancellationToken ct) =>
            Answer(p.RejectAsync(user, id, body.Reason, ct), http)).WithSummary("Tolak dengan alasan (reviewer/admin)");
        g.MapPost("/{id:int}/unpublish", (int id, ClaimsPrincipal user, PagePublishing p, HttpContext http, CancellationToken ct) =>
            Answer(p.UnpublishAsync(user, id, ct), http)).WithSummary("Tarik dari portal (reviewer/admin)");
    }

    public const string Regency = PageInput.Regency;

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, SatuPintuDb db, HttpContext http, string? opd, CancellationToken ct)
    {
        var page = PageRequest.Parse(http.Request.Query, 20, out var error);
        if (page is null)
        {
            return ApiProblems.BadPaging(error);
        }
        var query = db.Pages.AsNoTracking().Include(p => p.Opd).AsQueryable();
        var mine = user.OpdsFor(OpdRight.Edit);
        // Unpublished pages, and those of an OPD off the portal (hidden or archived), are visible only to
        // those who may edit them (the regency's: admins), as OpdVisibility keeps such OPDs from the public.
        if (mine is not null)
        {
            query = query.Where(p => (p.Status == PublicationStatus.Published && (p.OpdId == null || (p.Opd!.ArchivedAt == null && !p.Opd.Hidden)))
                || (p.OpdId != null && mine.Contains(p.OpdId.Value)));
        }
        if (opd == Regency)
        {
            query = query.Where(p => p.OpdId == null);
        }
        else if (opd is not null)
        {
            query = query.Where(p => p.Opd!.Slug == opd);
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(p => p.OpdId).ThenBy(p => p.SortOrder).ThenBy(p => p.Id).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return Results.Ok(new PageList(items.Select(p => ToDto(p, http)).ToList(), page.Number, page.Size, total));
    }

    private static async Task<IResult> GetAsync(int id, ClaimsPrincipal user, PagePublishing publishing, HttpContext http, CancellationToken ct)
    {
        var p = await publishing.FindAsync(id, ct);
        var offPortal = p is not null && (p.Status != PublicationStatus.Published || p.Opd?.IsPublic() == false);
        return p is null || (offPortal && !PagePublishing.Can(user, OpdRight.Edit, p.OpdId))
            ? Problem(PageRefusals.NotFound)
            : Results.Ok(ToDto(p, http));
    }

    private static async Task<IResult> Answer(Task<Outcome<Page>> work, HttpContext http)
    {
        var outcome = await work;
        return outcome.Status == OutcomeStatus.Ok ? Results.Ok(ToDto(outcome.Value!, http)) : Problem(outcome);
    }

    private static IResult Problem(Outcome<Page> o) => ApiProblems.For(o);

    private static PageDto ToDto(Page p, HttpContext http) => new(
        p.Id, p.Opd?.Slug, p.Slug, p.Title, p.BodyMarkdown, p.BodyHtml, p.Status.ToString().ToLowerInvariant(), p.RejectionReason,
        p.SortOrder, p.CreatedAt, p.UpdatedAt, p.PublishedAt, $"{http.Request.Scheme}://{http.Request.Host}{PagePublishing.Url(p)}", p.Version);
}
