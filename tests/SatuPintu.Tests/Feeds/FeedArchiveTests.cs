using System.Net;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Content;
using SatuPintu.Tests.Content;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Feeds;

/// <summary>Small feed pages and child sitemaps, a configured base URL and summaries only: the settings these tests vary.</summary>
public sealed class FeedsApp : SatuPintuApp
{
    public const string BaseUrl = "http://portal.test";

    public FeedsApp() : base(postgres: false, new()
    {
        ["SatuPintu:Feeds:PageSize"] = "7",
        ["SatuPintu:Feeds:SitemapPageSize"] = "50",
        ["SatuPintu:Feeds:Content"] = "summary",
        ["SatuPintu:Site:BaseUrl"] = BaseUrl,
    }) { }
}

/// <summary>
/// Walking a whole archive through the paging links, the sitemap split, the configured base URL, and hostile
/// titles. Own host: these tests need their own settings and write articles with hostile titles.
/// </summary>
public sealed class FeedArchiveTests(FeedsApp app) : IClassFixture<FeedsApp>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private readonly HttpClient _client = app.Browser();

    private Task<HashSet<string>> VisibleSlugsAsync(ArticleKind? kind = null, string? opd = null) =>
        app.WithDbAsync(async db => (await db.Articles.Visible(TimeProvider.System.GetUtcNow().UtcDateTime)
            .Where(a => (kind == null || a.Kind == kind) && (opd == null || a.Opd!.Slug == opd)).Select(a => a.Slug).ToListAsync()).ToHashSet());

    private static string Local(string absolute)
    {
        Assert.StartsWith(FeedsApp.BaseUrl + "/", absolute, StringComparison.Ordinal);
        return absolute[FeedsApp.BaseUrl.Length..];
    }

    [Fact]
    public async Task Atom_next_links_walk_the_whole_archive_once_even_while_new_articles_appear()
    {
        var expected = await VisibleSlugsAsync();
        var seen = new List<string>();
        string? next = "/feed.xml";
        var pages = 0;
        while (next is not null)
        {
            var feed = XDocument.Parse(await _client.GetOkAsync(next)).Root!;
            var entries = feed.Elements(Atom + "entry").ToList();
            Assert.InRange(entries.Count, 1, 7);
            Assert.All(entries, e => Assert.Null(e.Element(Atom + "content")));
            seen.AddRange(entries.Select(e => e.Elements(Atom + "link").Single().Attribute("href")!.Value.Split('/')[^1]));
            if (++pages == 3)
            {
                // Published mid-walk: it belongs to the first page, not to the pages still ahead.
                await TestArticles.CreateAsync(app, "dinkes", PublicationStatus.Published, "Terbit di tengah jalan");
            }
            next = feed.Elements(Atom + "link").SingleOrDefault(l => (string?)l.Attribute("rel") == "next")?.Attribute("href")?.Value is { } n ? Local(n) : null;
        }
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(expected.Order(), seen.Order());
    }

    [Fact]
    public async Task Json_feed_next_url_and_rss_next_links_walk_one_kind_and_one_opd()
    {
        var kind = await VisibleSlugsAsync(ArticleKind.Berita);
        var seen = new List<string>();
        for (string? next = "/berita/feed.json"; next is not null;)
        {
            var json = JsonDocument.Parse(await _client.GetOkAsync(next)).RootElement;
            foreach (var item in json.GetProperty("items").EnumerateArray())
            {
                Assert.False(item.TryGetProperty("content_html", out _));
                seen.Add(item.GetProperty("url").GetString()!.Split('/')[^1]);
            }
            next = json.TryGetProperty("next_url", out var n) ? Local(n.GetString()!) : null;
        }
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(kind.Order(), seen.Order());

        var opd = await VisibleSlugsAsync(opd: "dinkes");
        seen.Clear();
        for (string? next = "/opd/dinkes/rss.xml"; next is not null;)
        {
            var channel = XDocument.Parse(await _client.GetOkAsync(next)).Root!.Element("channel")!;
            seen.AddRange(channel.Elements("item").Select(i => i.Element("link")!.Value.Split('/')[^1]));
            next = channel.Elements(Atom + "link").SingleOrDefault(l => (string?)l.Attribute("rel") == "next")?.Attribute("href")?.Value is { } n ? Local(n) : null;
        }
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(opd.Order(), seen.Order());
    }

    [Fact]
    public async Task Sitemap_index_splits_into_children_of_the_configured_size_covering_every_public_url()
    {
        var index = XDocument.Parse(await _client.GetOkAsync("/sitemap.xml")).Root!;
        var children = index.Elements().Select(e => e.Elements().First(x => x.Name.LocalName == "loc").Value).ToList();
        var urls = new List<string>();
        foreach (var child in children)
        {
            var body = await FeedsTests.GetBytesAsync(_client, Local(child));
            Assert.Null(await FeedConsumers.XmllintAsync(body));
            var locs = XDocument.Parse(System.Text.Encoding.UTF8.GetString(body)).Descendants().Where(e => e.Name.LocalName == "loc").Select(e => e.Value).ToList();
            Assert.InRange(locs.Count, 1, 50);
            urls.AddRange(locs.Select(Local));
        }
        Assert.Equal(urls.Count, urls.Distinct().Count());
        var berita = await VisibleSlugsAsync(ArticleKind.Berita);
        Assert.Equal((berita.Count + 49) / 50, children.Count(c => c.Contains("/sitemap/berita/", StringComparison.Ordinal)));
        Assert.Equal(berita.Select(s => "/berita/" + s).Order(), urls.Where(u => u.StartsWith("/berita/", StringComparison.Ordinal)).Order());
        var articles = await VisibleSlugsAsync();
        Assert.Equal(articles.Count, urls.Count(u => u.StartsWith("/berita/", StringComparison.Ordinal) || u.StartsWith("/pengumuman/", StringComparison.Ordinal) || u.StartsWith("/agenda/", StringComparison.Ordinal)));
        Assert.Contains("/opd/dinkes", urls);
        Assert.Contains("/dokumen", urls);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.FetchAsync($"/sitemap/berita/{children.Count + 1}.xml")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.FetchAsync("/sitemap/rahasia/1.xml")).Status);
    }

    [Fact]
    public async Task The_configured_base_url_makes_every_link_and_id_independent_of_the_request_host()
    {
        var robots = await _client.GetOkAsync("/robots.txt");
        Assert.Contains($"Sitemap: {FeedsApp.BaseUrl}/sitemap.xml", robots, StringComparison.Ordinal);
        var feed = XDocument.Parse(await _client.GetOkAsync("/feed.xml")).Root!;
        Assert.Equal("tag:portal.test,2026:feed", feed.Element(Atom + "id")!.Value);
        Assert.All(feed.Elements(Atom + "entry"), e => Assert.Matches(@"^tag:portal\.test,2026:artikel/\d+$", e.Element(Atom + "id")!.Value));
        Assert.All(feed.Descendants(Atom + "link"), l => Assert.StartsWith(FeedsApp.BaseUrl + "/", l.Attribute("href")!.Value, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_forged_host_header_changes_no_canonical_link_feed_sitemap_or_structured_data()
    {
        var slug = (await VisibleSlugsAsync(ArticleKind.Berita)).First();
        foreach (var path in new[] { "/", "/opd/dinkes", $"/berita/{slug}", "/layanan", "/feed.xml", "/rss.xml", "/feed.json", "/sitemap.xml", "/sitemap/umum/1.xml", "/robots.txt" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
            request.Headers.Host = "evil.example:8443";
            using var response = await _client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("evil.example", body, StringComparison.OrdinalIgnoreCase);
            if (response.Content.Headers.ContentType?.MediaType == "text/html")
            {
                Assert.Contains($"<link rel=\"canonical\" href=\"{FeedsApp.BaseUrl}{path}\">", body, StringComparison.Ordinal);
            }
        }
        Assert.Equal($"{FeedsApp.BaseUrl}/berita/{slug}", FeedsTests.JsonLd(await _client.GetOkAsync($"/berita/{slug}")).GetProperty("url").GetString());
    }

    [Fact]
    public async Task Each_child_sitemap_carries_the_newest_change_of_its_own_urls()
    {
        var index = XDocument.Parse(await _client.GetOkAsync("/sitemap.xml")).Root!;
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var stamps = await app.WithDbAsync(db => db.Articles.Visible(now).Where(a => a.Kind == ArticleKind.Berita).OrderBy(a => a.Id).Select(a => a.UpdatedAt).ToListAsync());
        var children = index.Elements().Where(e => e.Elements().First(x => x.Name.LocalName == "loc").Value.Contains("/sitemap/berita/", StringComparison.Ordinal)).ToList();
        Assert.Equal((stamps.Count + 49) / 50, children.Count);
        for (var n = 0; n < children.Count; n++)
        {
            var expected = SatuPintu.Hosting.RegionalClock.IsoDate(stamps.Skip(n * 50).Take(50).Max());
            Assert.Equal(expected, children[n].Elements().First(x => x.Name.LocalName == "lastmod").Value);
        }
    }

    [Fact]
    public async Task Hostile_titles_stay_well_formed_and_come_back_as_the_same_text()
    {
        var titles = XssTests.Vectors.Take(60).Select(v => v.Length > 200 ? v[..200] : v)
            .Append("</script><script>alert(1)</script>").Append("]]><x>&amp;&lt;").Append("Bel\u0007\u0000\u001b[31m \uFFFE \uD800 judul")
            .Select((t, i) => $"{i:000} {t}").ToList();
        var stored = new List<(string Slug, string Title)>();
        foreach (var title in titles)
        {
            var id = await TestArticles.CreateAsync(app, "bkd", PublicationStatus.Published, title);
            // As stored: the database driver turns a lone surrogate into U+FFFD.
            stored.Add(await app.WithDbAsync(async db => (await db.Articles.Where(a => a.Id == id).Select(a => new { a.Slug, a.Title }).SingleAsync()) is var a ? (a.Slug, a.Title) : default));
        }
        var wanted = stored.Select(s => Clean(s.Title)).ToHashSet();
        var atomTitles = new List<string>();
        for (string? next = "/opd/bkd/feed.xml"; next is not null;)
        {
            var body = await FeedsTests.GetBytesAsync(_client, next);
            Assert.Null(await FeedConsumers.XmllintAsync(body));
            var parsed = await FeedConsumers.FeedparserAsync(body);
            Assert.False(parsed.GetProperty("bozo").GetBoolean(), parsed.GetProperty("error").GetString());
            var feed = XDocument.Parse(System.Text.Encoding.UTF8.GetString(body)).Root!;
            atomTitles.AddRange(feed.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value));
            next = feed.Elements(Atom + "link").SingleOrDefault(l => (string?)l.Attribute("rel") == "next")?.Attribute("href")?.Value is { } n ? Local(n) : null;
        }
        var missing = wanted.Except(atomTitles).ToList();
        Assert.True(missing.Count == 0, "not in the feed as written: " + string.Join(" | ", missing) + "\nfeed titles: " + string.Join(" | ", atomTitles.Where(t => !wanted.Contains(t))));

        var rss = await FeedsTests.GetBytesAsync(_client, "/opd/bkd/rss.xml");
        Assert.Null(await FeedConsumers.XmllintAsync(rss));
        var json = JsonDocument.Parse(await _client.GetOkAsync("/opd/bkd/feed.json")).RootElement;
        Assert.All(json.GetProperty("items").EnumerateArray(), i => Assert.False(string.IsNullOrEmpty(i.GetProperty("title").GetString())));

        // The page's JSON-LD: parses, holds the title as text, and never a raw "</script>".
        var script = stored.Single(s => s.Title.EndsWith("</script><script>alert(1)</script>", StringComparison.Ordinal));
        var ld = FeedsTests.JsonLd(await _client.GetOkAsync($"/berita/{script.Slug}"));
        Assert.Equal(script.Title, ld.GetProperty("headline").GetString());
    }

    private static string Clean(string text)
    {
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(text, i++, 2);
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                sb.Append(text[i]);
            }
        }
        return sb.ToString();
    }
}
