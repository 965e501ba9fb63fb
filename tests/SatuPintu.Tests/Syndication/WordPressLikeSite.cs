using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using SkiaSharp;

namespace SatuPintu.Tests.Syndication;

/// <summary>An OPD site on loopback that speaks like WordPress: home page with feed links, REST posts in pages, /feed/ RSS, an image.</summary>
public sealed class WordPressLikeSite
{
    public sealed class Post
    {
        public int Id { get; init; }
        public required string Title { get; set; }
        public required string Html { get; set; }
        public DateTime Date { get; init; }
        public DateTime Modified { get; set; }
        public string[] Categories { get; init; } = [];
    }

    public List<Post> Posts { get; } = [];
    public LoopbackSite Site { get; }
    public bool Down { get; set; }
    /// <summary>/feed/ without guids, as some plugins write it: items are keyed by their link there, by id in the REST API.</summary>
    public bool RssWithoutGuid { get; set; }
    /// <summary>Runs before a page of the REST API is answered (its number): a slow or hanging server.</summary>
    public Func<int, HttpContext, Task>? BeforePage { get; set; }
    private int _imageBodies;
    /// <summary>Images sent whole (a 304 is not counted).</summary>
    public int ImageBodies => Volatile.Read(ref _imageBodies);

    private WordPressLikeSite(LoopbackSite site) => Site = site;

    public static async Task<WordPressLikeSite> StartAsync()
    {
        var wp = new WordPressLikeSite(await LoopbackSite.StartAsync());
        var o = wp.Site.Origin;
        wp.Site.Routes["/"] = async http =>
        {
            http.Response.Headers.Link = $"<{o}/wp-json/>; rel=\"https://api.w.org/\"";
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync($"<!doctype html><html><head><title>Dinas Uji Sindikasi</title><link rel=\"alternate\" type=\"application/rss+xml\" title=\"Umpan\" href=\"{o}/feed/\"></head><body>Beranda</body></html>");
        };
        wp.Site.Routes["/wp-json/wp/v2/posts"] = wp.PostsAsync;
        wp.Site.Routes["/feed/"] = wp.RssAsync;
        var png = Png();
        wp.Site.Routes["/img.png"] = async http =>
        {
            // Like a real server: an ETag per picture (the query names it), 304 when it is asked for again.
            var etag = $"\"img-{http.Request.Query["v"]}\"";
            http.Response.Headers.ETag = etag;
            if (http.Request.Headers.IfNoneMatch == etag)
            {
                http.Response.StatusCode = 304;
                return;
            }
            Interlocked.Increment(ref wp._imageBodies);
            http.Response.ContentType = "image/png";
            await http.Response.Body.WriteAsync(png);
        };
        return wp;
    }

    public string ImageHtml => $"<p>Foto kegiatan:</p><p><img src=\"{Site.Origin}/img.png\" alt=\"kegiatan\"></p><p><img src=\"{Site.Origin}/hilang.png\"></p>";

    private async Task PostsAsync(HttpContext http)
    {
        if (Down)
        {
            http.Response.StatusCode = 503;
            return;
        }
        var page = int.TryParse(http.Request.Query["page"], out var p) ? p : 1;
        if (BeforePage is { } before)
        {
            await before(page, http);
        }
        var perPage = 2;
        var ordered = http.Request.Query["orderby"] == "modified" ? Posts.OrderByDescending(x => x.Modified).ToList() : Posts.OrderByDescending(x => x.Date).ToList();
        http.Response.Headers["X-WP-Total"] = Posts.Count.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["X-WP-TotalPages"] = Math.Max(1, (Posts.Count + perPage - 1) / perPage).ToString(CultureInfo.InvariantCulture);
        var slice = ordered.Skip((page - 1) * perPage).Take(perPage).Select(x => new Dictionary<string, object>
        {
            ["id"] = x.Id,
            ["date_gmt"] = x.Date.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            ["modified_gmt"] = x.Modified.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            ["guid"] = new { rendered = $"{Site.Origin}/?p={x.Id}" },
            ["link"] = $"{Site.Origin}/berita-{x.Id}/",
            ["title"] = new { rendered = x.Title },
            ["content"] = new { rendered = x.Html },
            ["excerpt"] = new { rendered = "<p>Ringkasan " + x.Id + "</p>" },
            ["_embedded"] = new Dictionary<string, object>
            {
                ["author"] = new[] { new { name = "Humas" } },
                ["wp:term"] = new[] { x.Categories.Select(c => new { taxonomy = "category", name = c }).ToArray() },
            },
        });
        http.Response.ContentType = "application/json; charset=UTF-8";
        await http.Response.WriteAsync(JsonSerializer.Serialize(slice));
    }

    private async Task RssAsync(HttpContext http)
    {
        const string etag = "\"v1\"";
        http.Response.Headers.ETag = etag;
        if (http.Request.Headers.IfNoneMatch == etag)
        {
            http.Response.StatusCode = 304;
            return;
        }
        http.Response.ContentType = "application/rss+xml; charset=UTF-8";
        var items = string.Concat(Posts.Select(x => $"<item><title>{System.Security.SecurityElement.Escape(x.Title)}</title><link>{Site.Origin}/berita-{x.Id}/</link>" +
            (RssWithoutGuid ? "" : $"<guid isPermaLink=\"false\">{Site.Origin}/?p={x.Id}</guid>") + $"<pubDate>{x.Date.ToString("R", CultureInfo.InvariantCulture)}</pubDate>" +
            $"<description><![CDATA[{x.Html}]]></description></item>"));
        await http.Response.WriteAsync($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>Dinas Uji Sindikasi</title><link>{Site.Origin}/</link>{items}</channel></rss>");
    }

    private static byte[] Png()
    {
        using var bitmap = new SKBitmap(64, 48);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SeaGreen);
        }
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 90).ToArray();
    }
}
