using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Accounts;
using SatuPintu.Data;
using SatuPintu.Hosting;
using SatuPintu.Shared;

namespace SatuPintu.Content;

/// <summary>
/// /api/v1/articles: the same operations as the admin pages, through <see cref="ArticlePublishing"/>,
/// so the API can never allow what the UI refuses. Errors are RFC 9457 problem details.
/// </summary>
internal static class ArticlesApi
{
    public sealed record ArticleDto(
        int Id, string Opd, string Kind, string Slug, string Title, string? Summary, string Body, string BodyHtml,
        string Status, DateTime? PublishAt, DateTime CreatedAt, DateTime UpdatedAt, string Url,
        DateTime? EventStart, DateTime? EventEnd, string? EventPlace, IReadOnlyList<string> Tags, string? RejectionReason, int Version,
        string? Category);

    /// <summary><c>version</c>: the version reviewed; publishing is refused (409) when the article changed since.</summary>
    public sealed record PublishRequest(DateTime? At, int? Version);

    public sealed record RejectRequest(string? Reason);

    public sealed record ArticlePage(IReadOnlyList<ArticleDto> Items, int Page, int PerPage, int Total);

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/articles").WithTags("Artikel");
        g.MapGet("/", ListAsync).WithSummary("Daftar artikel yang boleh dilihat pemegang token");
        g.MapGet("/{id:int}", GetAsync).WithSummary("Satu artikel");
        g.MapPost("/", CreateAsync).WithSummary("Buat draf artikel");
        g.MapPut("/{id:int}", UpdateAsync).WithSummary("Ubah artikel");
        g.MapDelete("/{id:int}", DeleteAsync).WithSummary("Hapus artikel");
        g.MapPost("/{id:int}/submit", (int id, ClaimsPrincipal user, ArticlePublishing p, HttpContext http, CancellationToken ct) =>
            Answer(p.SubmitAsync(user, id, ct), http)).WithSummary("Ajukan untuk ditinjau");
        g.MapPost("/{id:int}/publish", (int id, PublishRequest? body, ClaimsPrincipal user, ArticlePublishing p, HttpContext http, CancellationToken ct) =>
            Answer(p.PublishAsync(user, id, body?.At, ct, body?.Version), http)).WithSummary("Terbitkan sekarang atau jadwalkan (reviewer/admin)");
        g.MapPost("/{id:int}/reject", (int id, RejectRequest body, ClaimsPrincipal user, ArticlePublishing p, HttpContext http, CancellationToken ct) =>
            Answer(p.RejectAsync(user, id, body.Reason, ct), http)).WithSummary("Tolak dengan alasan (reviewer/admin)");
        g.MapPost("/{id:int}/unpublish", (int id, ClaimsPrincipal user, ArticlePublishing p, HttpContext http, CancellationToken ct) =>
            Answer(p.UnpublishAsync(user, id, ct), http)).WithSummary("Tarik dari portal (reviewer/admin)");
    }

    private static async Task<IResult> ListAsync(ClaimsPrincipal user, SatuPintuDb db, HttpContext http, string? opd, string? status, CancellationToken ct)
    {
        var page = PageRequest.Parse(http.Request.Query, 20, out var error);
        if (page is null)
        {
            return ApiProblems.BadPaging(error);
        }
        var query = db.Articles.AsNoTracking().Include(a => a.Opd).Include(a => a.Tags).AsSplitQuery().AsQueryable();
        var mine = user.OpdsFor(OpdRight.Edit);
        // Unpublished work is visible only to those who may edit it; published articles to every token holder.
        if (mine is not null)
        {
            query = query.Where(a => a.Status == PublicationStatus.Published || mine.Contains(a.OpdId));
        }
        if (opd is not null)
        {
            query = query.Where(a => a.Opd!.Slug == opd);
        }
        if (status is not null)
        {
            if (!Enum.TryParse<PublicationStatus>(status, ignoreCase: true, out var s) || !Enum.IsDefined(s))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["Status harus draft, review, published, rejected atau scheduled."] });
            }
            query = query.Where(a => a.Status == s);
        }
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        return Results.Ok(new ArticlePage(items.Select(a => ToDto(a, http)).ToList(), page.Number, page.Size, total));
    }

    private static async Task<IResult> GetAsync(int id, ClaimsPrincipal user, ArticlePublishing publishing, HttpContext http, CancellationToken ct)
    {
        var a = await publishing.FindAsync(id, ct);
        if (a is null || (a.Status != PublicationStatus.Published && !user.Can(OpdRight.Edit, a.OpdId)))
        {
            return NotFound();
        }
        return Results.Ok(ToDto(a, http));
    }

    private static async Task<IResult> CreateAsync(ArticleInput input, ClaimsPrincipal user, ArticlePublishing publishing, HttpContext http, CancellationToken ct)
    {
        var outcome = await publishing.CreateAsync(user, input, ct);
        return outcome.Status == OutcomeStatus.Ok
            ? Results.Created($"/api/v1/articles/{outcome.Value!.Id}", ToDto(outcome.Value, http))
            : Problem(outcome);
    }

    private static Task<IResult> UpdateAsync(int id, ArticleInput input, ClaimsPrincipal user, ArticlePublishing publishing, HttpContext http, CancellationToken ct) =>
        Answer(publishing.UpdateAsync(user, id, input, ct), http);

    private static async Task<IResult> DeleteAsync(int id, ClaimsPrincipal user, ArticlePublishing publishing, CancellationToken ct)
    {
        var outcome = await publishing.DeleteAsync(user, id, ct);
        return outcome.Status == OutcomeStatus.Ok ? Results.NoContent() : Problem(outcome);
    }

    private static async Task<IResult> Answer(Task<Outcome<Article>> work, HttpContext http)
    {
        var outcome = await work;
        return outcome.Status == OutcomeStatus.Ok ? Results.Ok(ToDto(outcome.Value!, http)) : Problem(outcome);
    }

    private static IResult NotFound() => ApiProblems.For(ArticleRefusals.NotFound);

    private static IResult Problem(Outcome<Article> o) => ApiProblems.For(o);

    public static ArticleDto ToDto(Article a, HttpContext http) => new(
        a.Id, a.Opd?.Slug ?? "", a.Kind.UrlWord(), a.Slug, a.Title, a.Summary, a.BodyMarkdown ?? "", a.BodyHtml,
        a.Status.ToString().ToLowerInvariant(), a.PublishAt, a.CreatedAt, a.UpdatedAt,
        $"{http.Request.Scheme}://{http.Request.Host}{ArticleKinds.DetailUrl(a.Kind, a.Slug)}",
        a.EventStart, a.EventEnd, a.EventPlace, a.Tags.Select(t => t.Slug).Order().ToList(), a.RejectionReason, a.Version,
        a.Category);
}
