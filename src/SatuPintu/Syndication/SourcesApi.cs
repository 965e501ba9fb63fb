using Microsoft.EntityFrameworkCore;
using SatuPintu.Accounts;
using SatuPintu.Data;
using SatuPintu.Shared;

namespace SatuPintu.Syndication;

/// <summary>/api/v1/opd/{slug}/sources: add a source (discovery included), read its health, pause and resume it.</summary>
internal static class SourcesApi
{
    public sealed record SourceInput(string? Url, string? Pick, int? IntervalMinutes);

    /// <summary>PATCH: <c>goneItems</c> "keep" | "hide" | "remove"; <c>feedUrl</c> to switch to another feed of the site.</summary>
    public sealed record SourceChange(string? GoneItems, string? FeedUrl);

    public sealed record CandidateDto(string Url, string Kind, string Title, int Items, string? Sample);

    public sealed record SourceDto(int Id, string Opd, string SiteUrl, string FeedUrl, string Kind, string Title, int IntervalMinutes, bool Paused,
        string? LastFetchAt, string? LastSuccessAt, string? LastError, int ConsecutiveFailures, string? BackoffUntil, string? NextPollAt, int ItemsImported,
        string[] Alternatives, string GoneItems);

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/opd/{slug}/sources").WithTags("Sindikasi");
        g.MapPost("", async (string slug, SourceInput input, SourceEditing editing, HttpContext http, CancellationToken ct) =>
        {
            if (await editing.OpdAsync(slug, ct) is not { } opd)
            {
                return Results.Problem(statusCode: 404, title: "Perangkat daerah tidak ditemukan");
            }
            var outcome = await editing.AddAsync(http.User, opd, input.Url, input.Pick, input.IntervalMinutes, ct);
            if (outcome.Status == OutcomeStatus.Invalid)
            {
                return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Sumber tidak dapat ditambahkan",
                    detail: outcome.Errors!.Values.First()[0], extensions: new Dictionary<string, object?> { ["errors"] = outcome.Errors });
            }
            return ApiProblems.Answer(outcome, added => Results.Json(new
            {
                id = added.Source.Id,
                source = ToDto(added.Source),
                found = added.Found.Candidates.Select(c => new CandidateDto(c.Url, Kind(c.Kind), c.Title, c.Items, c.Sample)),
            }, statusCode: StatusCodes.Status201Created));
        }).WithSummary("Tambah sumber sindikasi dari alamat situs atau umpan; 201 dengan id, 422 bila ditolak atau tidak ada umpan");
        g.MapGet("", async (string slug, SatuPintuDb db, HttpContext http, CancellationToken ct) =>
        {
            var opd = await db.Opds.AsNoTracking().FirstOrDefaultAsync(o => o.Slug == slug, ct);
            if (opd is null || !http.User.Can(OpdRight.Edit, opd.Id))
            {
                return Results.Problem(statusCode: 404, title: "Perangkat daerah tidak ditemukan");
            }
            var list = await db.SyndicationSources.AsNoTracking().Include(s => s.Opd).Where(s => s.OpdId == opd.Id).OrderBy(s => s.Id).ToListAsync(ct);
            return Results.Ok(list.Select(ToDto));
        }).WithSummary("Sumber sindikasi suatu OPD dengan kesehatannya");
        g.MapGet("/{id:int}", async (string slug, int id, SatuPintuDb db, HttpContext http, CancellationToken ct) =>
            await Find(db, slug, id, ct) is { } s && http.User.Can(OpdRight.Edit, s.OpdId)
                ? Results.Ok(ToDto(s)) : Results.Problem(statusCode: 404, title: "Sumber tidak ditemukan"))
            .WithSummary("Kesehatan satu sumber: pengambilan terakhir, keberhasilan terakhir, galat, jumlah butir");
        g.MapPatch("/{id:int}", async (string slug, int id, SourceChange input, SourceEditing editing, SatuPintuDb db, HttpContext http, CancellationToken ct) =>
        {
            if (await Find(db, slug, id, ct) is null)
            {
                return Results.Problem(statusCode: 404, title: "Sumber tidak ditemukan");
            }
            var gone = ParseGone(input.GoneItems);
            if (input.GoneItems is not null && gone is null)
            {
                return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Perubahan sumber ditolak",
                    detail: "goneItems harus \"keep\" (tetap, ditandai), \"hide\" (disembunyikan) atau \"remove\" (ke Tempat sampah).");
            }
            var outcome = await editing.ChangeAsync(http.User, id, gone, input.FeedUrl, ct);
            if (outcome.Status == OutcomeStatus.Invalid)
            {
                return Results.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Perubahan sumber ditolak", detail: outcome.Message);
            }
            return ApiProblems.Answer(outcome, s => Results.Ok(ToDto(s)));
        }).WithSummary("Ubah sumber: aturan butir yang hilang dari sumber (goneItems) atau pindah ke umpan lain situs itu (feedUrl)");
        g.MapPost("/{id:int}/pause", (string slug, int id, SourceEditing editing, SatuPintuDb db, HttpContext http, CancellationToken ct) =>
            SetPausedAsync(slug, id, true, editing, db, http, ct)).WithSummary("Jeda sumber");
        g.MapPost("/{id:int}/resume", (string slug, int id, SourceEditing editing, SatuPintuDb db, HttpContext http, CancellationToken ct) =>
            SetPausedAsync(slug, id, false, editing, db, http, ct)).WithSummary("Lanjutkan sumber");
    }

    private static async Task<IResult> SetPausedAsync(string slug, int id, bool paused, SourceEditing editing, SatuPintuDb db, HttpContext http, CancellationToken ct) =>
        await Find(db, slug, id, ct) is null
            ? Results.Problem(statusCode: 404, title: "Sumber tidak ditemukan")
            : ApiProblems.Answer(await editing.SetPausedAsync(http.User, id, paused, ct), s => Results.Ok(ToDto(s)));

    private static Task<Source?> Find(SatuPintuDb db, string slug, int id, CancellationToken ct) =>
        db.SyndicationSources.AsNoTracking().Include(s => s.Opd).FirstOrDefaultAsync(s => s.Id == id && s.Opd!.Slug == slug, ct);

    public static string Kind(SourceKind k) => k switch
    {
        SourceKind.WordPress => "wordpress", SourceKind.Atom => "atom", SourceKind.JsonFeed => "jsonfeed", _ => "rss",
    };

    private static SourceDto ToDto(Source s) => new(s.Id, s.Opd?.Slug ?? "", s.SiteUrl, s.FeedUrl, Kind(s.Kind), s.Title, s.IntervalMinutes, s.Paused,
        s.LastFetchAt?.ToString("O"), s.LastSuccessAt?.ToString("O"), s.LastError, s.ConsecutiveFailures, s.BackoffUntil?.ToString("O"), s.NextPollAt?.ToString("O"),
        s.ItemsImported, s.Alternatives?.Split('\n') ?? [], Gone(s.GoneItems));

    public static string Gone(GoneItems g) => g switch { GoneItems.Hide => "hide", GoneItems.Remove => "remove", _ => "keep" };

    private static GoneItems? ParseGone(string? s) => s switch { "keep" => GoneItems.Keep, "hide" => GoneItems.Hide, "remove" => GoneItems.Remove, _ => null };
}

/// <summary>Names of source kinds for people.</summary>
public static class SourcesApiNames
{
    public static string Label(SourceKind k) => k switch
    {
        SourceKind.WordPress => "WordPress (API REST)", SourceKind.Atom => "Atom", SourceKind.JsonFeed => "JSON Feed", _ => "RSS",
    };
}
