using SatuPintu.Shared;

namespace SatuPintu.Search;

/// <summary>GET /api/v1/search?q=: the results of /cari as JSON, public like the pages it points to.</summary>
internal static class SearchApi
{
    public sealed record HitDto(string Kind, string KindLabel, string Title, string Url, string? Opd, string? OpdName, string Snippet, DateTime? Date, float Score);

    public sealed record FacetDto(string Value, string Label, int Count);

    public sealed record SearchPageDto(
        string Query, int Page, int PerPage, int Total, string? DidYouMean, HitDto? Answer, IReadOnlyList<HitDto> Items,
        IReadOnlyList<FacetDto> Kinds, IReadOnlyList<FacetDto> Opds, IReadOnlyList<FacetDto> Years);

    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/search", SearchAsync).AllowAnonymous().WithTags("Pencarian")
            .WithSummary("Cari layanan, OPD, berita, pengumuman, agenda, dokumen dan halaman (q, jenis, opd, tahun, urut=tanggal, halaman, per)");

    private static async Task<IResult> SearchAsync(HttpContext http, SiteSearch search, CancellationToken ct)
    {
        var page = PageRequest.Parse(http.Request.Query, SearchPage.PageSize, out var error);
        if (page is null)
        {
            return ApiProblems.BadPaging(error);
        }
        var request = SearchPage.RequestFrom(http.Request.Query, page, out var query);
        if (query.IsEmpty)
        {
            return Results.Problem(statusCode: 400, title: "Kata kunci kosong", detail: "Isi parameter q dengan kata yang dicari.");
        }
        var view = await search.RunAsync(request, ct);
        return Results.Ok(new SearchPageDto(query.Text, page.Number, page.Size, view.Results.Total, view.Results.Correction,
            view.Answer is null ? null : Dto(view.Answer), view.Hits.Select(Dto).ToList(),
            Facet(view.Results.Kinds), Facet(view.Results.Opds), Facet(view.Results.Years)));
    }

    private static HitDto Dto(ShownHit h) => new(h.Entry.Kind, h.KindLabel, h.Entry.Title, h.Entry.Url, h.Entry.OpdSlug, h.Entry.OpdName,
        Snippets.Plain(h.Snippet), h.Entry.Date, h.Score);

    private static List<FacetDto> Facet(IReadOnlyList<FacetCount> f) => f.Select(x => new FacetDto(x.Value, x.Label, x.Count)).ToList();
}
