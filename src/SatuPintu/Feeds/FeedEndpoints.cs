using Microsoft.Extensions.Options;
using SatuPintu.Content;
using SatuPintu.Data;
using SatuPintu.Hosting;
using SatuPintu.Shared;

namespace SatuPintu.Feeds;

/// <summary>The three formats of every feed: the whole site, one kind, one OPD, one OPD's kind.</summary>
public enum FeedFormat
{
    Atom,
    Rss,
    Json,
}

/// <summary>
/// Serves a feed page: picks the scope from the route, renders the format, and answers conditional requests
/// (an ETag of the bytes, Last-Modified of the newest entry) with 304. The output cache keeps the 200 with
/// both headers and answers repeated conditional requests itself.
/// </summary>
internal static class FeedEndpoints
{
    public static readonly IReadOnlyDictionary<FeedFormat, (string File, string ContentType)> Files = new Dictionary<FeedFormat, (string, string)>
    {
        [FeedFormat.Atom] = ("feed.xml", "application/atom+xml; charset=utf-8"),
        [FeedFormat.Rss] = ("rss.xml", "application/rss+xml; charset=utf-8"),
        [FeedFormat.Json] = ("feed.json", "application/feed+json; charset=utf-8"),
    };

    // Some feed readers and validators ask with HEAD first.
    private static readonly string[] GetOrHead = ["GET", "HEAD"];

    public static void Map(WebApplication app)
    {
        foreach (var (format, (file, _)) in Files)
        {
            var f = format;
            app.MapMethods("/" + file, GetOrHead, (HttpContext http, CancellationToken ct) => HandleAsync(http, f, null, null, ct)).CacheOutput(HostingFeature.PublicPolicy);
            app.MapMethods($"/{{kind:{ArticleKinds.RoutePattern}}}/{file}", GetOrHead, (HttpContext http, string kind, CancellationToken ct) => HandleAsync(http, f, null, kind, ct))
                .CacheOutput(HostingFeature.PublicPolicy);
            app.MapMethods($"/opd/{{opd}}/{file}", GetOrHead, (HttpContext http, string opd, CancellationToken ct) => HandleAsync(http, f, opd, null, ct))
                .CacheOutput(HostingFeature.PublicPolicy);
            app.MapMethods($"/opd/{{opd}}/{{kind:{ArticleKinds.RoutePattern}}}/{file}", GetOrHead, (HttpContext http, string opd, string kind, CancellationToken ct) => HandleAsync(http, f, opd, kind, ct))
                .CacheOutput(HostingFeature.PublicPolicy);
        }
    }

    private static async Task<IResult> HandleAsync(HttpContext http, FeedFormat format, string? opdSlug, string? kindWord, CancellationToken ct)
    {
        var services = http.RequestServices;
        var catalog = await services.GetRequiredService<PublicCatalog>().GetAsync(ct);
        var options = services.GetRequiredService<IOptions<FeedOptions>>().Value;
        var site = services.GetRequiredService<SiteOptions>();
        var urls = services.GetRequiredService<PublicUrls>();
        var now = services.GetRequiredService<RegionalClock>().UtcNow;

        Directory.Opd? opd = null;
        if (opdSlug is not null && (!Slug.IsWellFormed(opdSlug) || !catalog.OpdsBySlug.TryGetValue(opdSlug, out opd)))
        {
            return Results.Text("Perangkat daerah yang Anda cari tidak ada.", "text/plain; charset=utf-8", statusCode: 404);
        }
        FeedCursor? after = null;
        if (http.Request.Query.TryGetValue(FeedCursor.Query, out var raw))
        {
            after = raw.Count == 1 ? FeedCursor.Parse(raw[0]) : null;
            if (after is null)
            {
                return Results.Text($"Parameter \"{FeedCursor.Query}\" tidak sah: pakai tautan \"next\" dari umpan ini.", "text/plain; charset=utf-8", statusCode: 400);
            }
        }

        var scope = new FeedScope(ArticleKinds.FromUrlWord(kindWord), opd);
        var page = await FeedQuery.PageAsync(catalog, services.GetRequiredService<SatuPintuDb>(), scope, after, options.PageSize, options.FullContent, now, ct);
        var (file, contentType) = Files[format];
        var feedPath = $"{scope.FeedBase}/{file}";
        var view = new FeedView(
            urls.TagId(http.Request, scope.IdPart), scope.Title(site), scope.Description(site), $"Pemerintah {site.Regency}",
            urls.Absolute(http.Request, scope.PagePath),
            urls.Absolute(http.Request, after is { } a ? $"{feedPath}?{FeedCursor.Query}={a}" : feedPath),
            urls.Absolute(http.Request, feedPath),
            page.Next is { } n ? urls.Absolute(http.Request, $"{feedPath}?{FeedCursor.Query}={n}") : null,
            page.Updated,
            page.Entries.Select(e => new FeedView.Item(urls.TagId(http.Request, $"artikel/{e.Id}"), urls.Absolute(http.Request, e.Path), e)).ToList());

        using var body = new MemoryStream();
        switch (format)
        {
            case FeedFormat.Atom:
                AtomWriter.Write(body, view, options.FullContent);
                break;
            case FeedFormat.Rss:
                RssWriter.Write(body, view, options.FullContent);
                break;
            default:
                JsonFeedWriter.Write(body, view, options.FullContent);
                break;
        }
        return Conditional.Answer(http, body.ToArray(), contentType, page.Updated);
    }
}
