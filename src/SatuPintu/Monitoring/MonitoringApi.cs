using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SatuPintu.Accounts;
using SatuPintu.Data;
using SatuPintu.Hosting;
using SatuPintu.Shared;

namespace SatuPintu.Monitoring;

/// <summary>/api/v1/monitoring (admin token) and the public /api/v1/status.</summary>
internal static class MonitoringApi
{
    public sealed record CheckDto(long Id, string Name, string Kind, string Target, int IntervalSeconds, string State, string? LastCheckedAt,
        long? ParentId, string? Opd, bool Paused, int FailuresToDown, int SuccessesToUp, string? LastError, double? LastRttMs, double? LastLossPercent, string? Since);

    public const string AdminPolicy = "monitoring-admin";

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/monitoring").WithTags("Pemantauan").RequireAuthorization(AdminPolicy);
        g.MapGet("/checks", async (SatuPintuDb db, CancellationToken ct) =>
            Results.Ok((await Query(db).OrderBy(c => c.Id).ToListAsync(ct)).Select(ToDto))).WithSummary("Semua pemeriksaan dengan statusnya (admin)");
        g.MapGet("/checks/{id:long}", async (long id, SatuPintuDb db, CancellationToken ct) =>
            await Query(db).FirstOrDefaultAsync(c => c.Id == id, ct) is { } c ? Results.Ok(ToDto(c)) : Results.Problem(statusCode: 404, title: "Pemeriksaan tidak ditemukan"))
            .WithSummary("Satu pemeriksaan (admin)");
        g.MapPost("/checks", async (CheckInput input, CheckEditing editing, SatuPintuDb db, CancellationToken ct) =>
            ApiProblems.Answer(await editing.SaveAsync(null, input, ct), c => Results.Json(new { id = c.Id }, statusCode: StatusCodes.Status201Created)))
            .WithSummary("Tambah pemeriksaan (admin): icmp, tcp, http atau dns; 400 dengan kolom yang salah");
        g.MapPost("/checks/{id:long}/pause", async (long id, CheckEditing editing, SatuPintuDb db, CancellationToken ct) =>
            ApiProblems.Answer(await editing.SetPausedAsync(id, true, ct), c => Results.Ok(new { id = c.Id, state = "paused" }))).WithSummary("Jeda pemeriksaan (admin)");
        g.MapPost("/checks/{id:long}/resume", async (long id, CheckEditing editing, CancellationToken ct) =>
            ApiProblems.Answer(await editing.SetPausedAsync(id, false, ct), c => Results.Ok(new { id = c.Id, state = "unknown" }))).WithSummary("Lanjutkan pemeriksaan (admin)");
        // The JSON is kept as bytes with the summary it was made from: 10,000 checks made it a few milliseconds of work per request.
        api.MapGet("/status", async (StatusBoard board, IOptions<JsonOptions> json, CancellationToken ct) =>
            Results.Bytes(await board.MemoAsync("summary-json", async () => Utf8(StatusJson.Summary(await board.SummaryAsync(ct)), json), ct), JsonType))
            .AllowAnonymous().CacheOutput(HostingFeature.PublicPolicy).WithTags("Pemantauan")
            .WithSummary("Status layanan dan jaringan untuk publik, satu baris per OPD (tanpa alamat internal)");
        api.MapGet("/status/{slug}", async (string slug, HttpRequest request, StatusBoard board, IOptions<JsonOptions> json, CancellationToken ct) =>
        {
            if (PageRequest.Parse(request.Query, StatusBoard.ChecksPerPage, out var error) is not { } page)
            {
                return Results.Problem(statusCode: 400, title: error);
            }
            return await board.DetailAsync(slug, page, admin: false, ct) switch
            {
                null => Results.Problem(statusCode: 404, title: "OPD tidak ditemukan atau tidak punya pemeriksaan publik."),
                { Checks.IsOutOfRange: true } d => Results.Problem(statusCode: 404, title: $"Halaman {page.Number} tidak ada: daftar ini punya {d.Checks.TotalPages} halaman."),
                { } d => Results.Bytes(await board.MemoAsync($"detail-json|{slug}|{page.Number}|{page.Size}", () => Task.FromResult(Utf8(StatusJson.Detail(d), json)), ct), JsonType),
            };
        }).AllowAnonymous().CacheOutput(HostingFeature.PublicPolicy).WithTags("Pemantauan")
            .WithSummary("Pemeriksaan satu OPD dengan 90 hari ketersediaan, per halaman (tanpa alamat internal)");
    }

    private const string JsonType = "application/json; charset=utf-8";

    private static byte[] Utf8(object value, IOptions<JsonOptions> json) => JsonSerializer.SerializeToUtf8Bytes(value, json.Value.SerializerOptions);

    private static IQueryable<Check> Query(SatuPintuDb db) => db.MonitorChecks.AsNoTracking().Include(c => c.Status).Include(c => c.Opd);

    public static string ApiName(this CheckState s) => s.ToString().ToLowerInvariant();

    public static CheckState Shown(this Check c) => c.Paused ? CheckState.Paused : c.Status?.State ?? CheckState.Unknown;

    private static CheckDto ToDto(Check c) => new(c.Id, c.Name, c.Kind.ToString().ToLowerInvariant(), c.Target, c.IntervalSeconds, c.Shown().ApiName(),
        c.Status?.LastCheckedAt is { } at ? at.ToString("O") : null, c.ParentCheckId, c.Opd?.Slug, c.Paused, c.FailuresToDown, c.SuccessesToUp,
        c.Status?.LastError, c.Status?.LastRttMs, c.Status?.LastLossPercent, c.Status?.Since?.ToString("O"));

    public static void AddPolicy(IServiceCollection services) =>
        services.AddAuthorizationBuilder().AddPolicy(AdminPolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.IsAdmin()));
}
