using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Accounts;
using SatuPintu.Data;
using SatuPintu.Shared;

namespace SatuPintu.Content;

/// <summary>/api/v1/documents: list, get, upload (multipart), publish, delete — through <see cref="DocumentPublishing"/>, as the admin page.</summary>
internal static class DocumentsApi
{
    public sealed record DocumentDto(int Id, string Opd, string Slug, string Title, string? Description, string? Category, string FileName,
        string ContentType, long SizeBytes, string Status, DateTime? PublishAt, string Url, string DownloadUrl,
        string? CategoryLabel, string? RegulationNumber, int? RegulationYear, string? RegulationStatus);

    public sealed record DocumentPage(IReadOnlyList<DocumentDto> Items, int Page, int PerPage, int Total);

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/documents").WithTags("Dokumen");
        g.MapGet("/", ListAsync).WithSummary("Daftar dokumen yang boleh dilihat pemegang token");
        g.MapGet("/{id:int}", GetAsync).WithSummary("Satu dokumen");
        g.MapPost("/", UploadAsync).WithMetadata(new Uploads.UploadLimitsAttribute()).DisableAntiforgery().WithSummary("Unggah dokumen (multipart: opd, title, description, category, file; peraturan juga regulationNumber, regulationYear, regulationStatus)");
        g.MapPost("/{id:int}/publish", async (int id, ClaimsPrincipal user, DocumentPublishing p, HttpContext http, CancellationToken ct) =>
            Answer(await p.PublishAsync(user, id, ct), http)).WithSummary("Terbitkan (reviewer/admin)");
        g.MapDelete("/{id:int}", async (int id, ClaimsPrincipal user, DocumentPublishing p, CancellationToken ct) =>
            await p.DeleteAsync(user, id, ct) is var o && o.Status == OutcomeStatus.Ok ? Results.NoContent() : Problem(o))
            .WithSummary("Hapus dokumen");
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, SatuPintuDb db, HttpContext http, string? opd, CancellationToken ct)
    {
        var page = PageRequest.Parse(http.Request.Query, 20, out var error);
        if (page is null)
        {
            return ApiProblems.BadPaging(error);
        }
        var query = db.Documents.AsNoTracking().Include(d => d.Opd).AsQueryable();
        var mine = user.OpdsFor(OpdRight.Edit);
        if (mine is not null)
        {
            query = query.Where(d => d.Status == PublicationStatus.Published || mine.Contains(d.OpdId));
        }
        if (opd is not null)
        {
            query = query.Where(d => d.Opd!.Slug == opd);
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return Results.Ok(new DocumentPage(items.Select(d => ToDto(d, http)).ToList(), page.Number, page.Size, total));
    }

    private static async Task<IResult> GetAsync(int id, ClaimsPrincipal user, SatuPintuDb db, HttpContext http, CancellationToken ct)
    {
        var d = await db.Documents.AsNoTracking().Include(x => x.Opd).FirstOrDefaultAsync(x => x.Id == id, ct);
        return d is null || (d.Status != PublicationStatus.Published && !user.Can(OpdRight.Edit, d.OpdId))
            ? Problem(DocumentRefusals.NotFound)
            : Results.Ok(ToDto(d, http));
    }

    private static async Task<IResult> UploadAsync([FromForm] string? opd, [FromForm] string? title, [FromForm] string? description, [FromForm] string? category,
        [FromForm] string? regulationNumber, [FromForm] string? regulationYear, [FromForm] string? regulationStatus, IFormFile? file, ClaimsPrincipal user, DocumentPublishing documents, Microsoft.Extensions.Options.IOptions<Uploads.UploadOptions> options, HttpContext http, CancellationToken ct)
    {
        byte[]? data = null;
        if (file is { Length: > 0 } && file.Length <= options.Value.MaxBytes)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            data = buffer.ToArray();
        }
        var outcome = await documents.UploadAsync(user, opd, title, description, category, file?.FileName, data, ct, file?.Length,
            regulation: new RegulationFacts(regulationNumber, regulationYear, regulationStatus));
        return outcome.Status == OutcomeStatus.Ok
            ? Results.Created($"/api/v1/documents/{outcome.Value!.Id}", ToDto(outcome.Value, http))
            : Problem(outcome);
    }

    private static IResult Answer(Outcome<Document> outcome, HttpContext http) =>
        outcome.Status == OutcomeStatus.Ok ? Results.Ok(ToDto(outcome.Value!, http)) : Problem(outcome);

    private static IResult Problem(Outcome<Document> o) => ApiProblems.For(o);

    private static DocumentDto ToDto(Document d, HttpContext http)
    {
        var origin = $"{http.Request.Scheme}://{http.Request.Host}";
        return new(d.Id, d.Opd?.Slug ?? "", d.Slug, d.Title, d.Description, d.Category, d.FileName, d.ContentType, d.SizeBytes,
            d.Status.ToString().ToLowerInvariant(), d.PublishAt, $"{origin}/dokumen/{d.Slug}", $"{origin}/dokumen/{d.Slug}/unduh",
            d.Category is null ? null : DocumentCategories.Label(d.Category), d.RegulationNumber, d.RegulationYear, d.RegulationStatus?.StatusWord());
    }
}
