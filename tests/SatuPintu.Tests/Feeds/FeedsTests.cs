using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Content;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Feeds;

/// <summary>
/// The feeds, sitemap, alternate links and JSON-LD on the seeded demo instance, read by real consumers
/// (feedparser, xmllint), on SQLite and PostgreSQL.
/// </summary>
public abstract partial class FeedsTests(SatuPintuApp app)
{
    private readonly HttpClient _client = app.Browser();
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static TheoryData<string> Feeds => new()
    {
        "/feed.xml", "/rss.xml", "/berita/feed.xml", "/pengumuman/rss.xml", "/agenda/feed.xml",
        "/opd/dinkes/feed.xml", "/opd/dinkes/rss.xml", "/opd/dinkes/berita/feed.xml",
    };

    [Theory]
    [InlineData("/feed.json")]
    [InlineData("/agenda/feed.json")]
    [InlineData("/opd/dinkes/feed.json")]
    public async Task Json_feeds_hold_what_json_feed_1_1_requires(string url)
    {
        // Debian's feedparser (6.0.10) reads no JSON Feed, so the spec's own rules are checked here.
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal("application/feed+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("https://jsonfeed.org/version/1.1", json.GetProperty("version").GetString());
        Assert.False(string.IsNullOrWhiteSpace(json.GetProperty("title").GetString()));
        Assert.EndsWith(url, json.GetProperty("feed_url").GetString(), StringComparison.Ordinal);
        var items = json.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        foreach (var item in items)
        {
            Assert.StartsWith("tag:", item.GetProperty("id").GetString(), StringComparison.Ordinal);
            Assert.True(Uri.IsWellFormedUriString(item.GetProperty("url").GetString(), UriKind.Absolute));
            Assert.False(string.IsNullOrWhiteSpace(item.GetProperty("title").GetString()));
            Assert.True(item.TryGetProperty("content_html", out _) || item.TryGetProperty("content_text", out _));
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", item.GetProperty("date_published").GetString());
        }
        Assert.Equal(items.Count, items.Select(i => i.GetProperty("id").GetString()).Distinct().Count());
    }

    internal static async Task<byte[]> GetBytesAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Theory]
    [MemberData(nameof(Feeds))]
    public async Task Feedparser_reads_every_feed_without_complaint_and_every_entry_has_title_link_id_and_date(string url)
    {
        var parsed = await FeedConsumers.FeedparserAsync(await GetBytesAsync(_client, url));
        Assert.False(parsed.GetProperty("bozo").GetBoolean(), $"{url}: {parsed.GetProperty("error").GetString()}");
        var expected = url.Contains("rss", StringComparison.Ordinal) ? "rss20" : "atom10";
        Assert.StartsWith(expected, parsed.GetProperty("version").GetString(), StringComparison.Ordinal);
        var entries = parsed.GetProperty("entries").EnumerateArray().ToList();
        Assert.NotEmpty(entries);
        foreach (var e in entries)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("title").GetString()));
            Assert.StartsWith("http", e.GetProperty("link").GetString(), StringComparison.Ordinal);
            Assert.StartsWith("tag:", e.GetProperty("id").GetString(), StringComparison.Ordinal);
            Assert.True(e.GetProperty("dated").GetBoolean(), $"{url}: an entry without a date");
        }
        Assert.Equal(entries.Count, entries.Select(e => e.GetProperty("id").GetString()).Distinct().Count());
    }

    [Theory]
    [InlineData("/feed.xml")]
    [InlineData("/rss.xml")]
    [InlineData("/opd/dinkes/berita/feed.xml")]
    [InlineData("/sitemap.xml")]
    [InlineData("/sitemap/umum/1.xml")]
    [InlineData("/sitemap/berita/1.xml")]
    public async Task Xmllint_finds_our_xml_well_formed(string url)
    {
        Assert.Null(await FeedConsumers.XmllintAsync(await GetBytesAsync(_client, url)));
    }

    [Theory]
    [InlineData("/feed.xml")]
    [InlineData("/opd/dinkes/feed.json")]
    [InlineData("/sitemap.xml")]
    public async Task A_repeated_conditional_request_gets_304(string url)
    {
        using var first = await _client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag;
        var modified = first.Content.Headers.LastModified;
        Assert.NotNull(etag);
        Assert.NotNull(modified);

        // Once from the output cache, once from the endpoint itself (a query it ignores is not cached yet).
        foreach (var target in new[] { url, $"{url}?uji={Guid.NewGuid():N}" })
        {
            using var byTag = new HttpRequestMessage(HttpMethod.Get, new Uri(target, UriKind.Relative));
            byTag.Headers.IfNoneMatch.Add(etag!);
            using var notModified = await _client.SendAsync(byTag);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

            using var byDate = new HttpRequestMessage(HttpMethod.Get, new Uri(target, UriKind.Relative));
            byDate.Headers.IfModifiedSince = modified;
            using var alsoNotModified = await _client.SendAsync(byDate);
            Assert.Equal(HttpStatusCode.NotModified, alsoNotModified.StatusCode);
        }

        using var stale = new HttpRequestMessage(HttpMethod.Get, new Uri($"{url}?uji={Guid.NewGuid():N}", UriKind.Relative));
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"lama\""));
        using var changed = await _client.SendAsync(stale);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
    }

    [Fact]
    public async Task An_opd_feed_holds_only_that_opds_articles_newest_first()
    {
        var xml = XDocument.Parse(await _client.GetOkAsync("/opd/dinkes/feed.xml"));
        var entries = xml.Root!.Elements(Atom + "entry").ToList();
        Assert.NotEmpty(entries);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var (name, slugs) = await app.WithDbAsync(async db => (
            await db.Opds.Where(o => o.Slug == "dinkes").Select(o => o.Name).SingleAsync(),
            (await db.Articles.Visible(now).Where(a => a.Opd!.Slug == "dinkes").Select(a => a.Slug).ToListAsync()).ToHashSet()));
        foreach (var e in entries)
        {
            Assert.Equal(name, e.Element(Atom + "author")!.Element(Atom + "name")!.Value);
            var link = new Uri(e.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate").Attribute("href")!.Value);
            Assert.Contains(link.AbsolutePath.Split('/')[2], slugs);
        }
    }

    [Fact]
    public async Task A_kind_feed_holds_only_that_kind()
    {
        var json = JsonDocument.Parse(await _client.GetOkAsync("/pengumuman/feed.json")).RootElement;
        Assert.Equal("https://jsonfeed.org/version/1.1", json.GetProperty("version").GetString());
        foreach (var item in json.GetProperty("items").EnumerateArray())
        {
            Assert.Contains("/pengumuman/", item.GetProperty("url").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Drafts_and_articles_in_review_never_appear_while_a_published_one_does()
    {
        var marker = Guid.NewGuid().ToString("N")[..8];
        await TestArticles.CreateAsync(app, "dinkes", PublicationStatus.Draft, $"Draf rahasia {marker}");
        await TestArticles.CreateAsync(app, "dinkes", PublicationStatus.Review, $"Tinjauan rahasia {marker}");
        var published = await TestArticles.CreateAsync(app, "dinkes", PublicationStatus.Published, $"Terbit {marker}");
        var feeds = new[] { "/feed.xml", "/opd/dinkes/rss.xml", "/berita/feed.json" };
        foreach (var url in feeds)
        {
            var body = await Eventually.TextAsync(_client, url, b => b.Contains($"Terbit {marker}", StringComparison.Ordinal));
            Assert.DoesNotContain("rahasia " + marker, body, StringComparison.Ordinal);
        }

        // Unpublished: it leaves every feed (the cached copies are evicted through the change feed).
        await app.WithDbAsync(async db =>
        {
            var a = await db.Articles.SingleAsync(x => x.Id == published);
            a.Status = PublicationStatus.Draft;
            return await db.SaveChangesAsync();
        });
        foreach (var url in feeds)
        {
            await Eventually.TextAsync(_client, url, b => !b.Contains($"Terbit {marker}", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Head_answers_like_get_without_a_body()
    {
        using var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri("/opd/dinkes/rss.xml", UriKind.Relative)));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.NotNull(head.Headers.ETag);
        Assert.Equal("application/rss+xml", head.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Bad_cursor_is_400_and_unknown_opd_404()
    {
        foreach (var bad in new[] { "abc", "1-", "-1", "99999999999999999999-1", "1-2-3", "1-%00" })
        {
            var (status, body) = await _client.FetchAsync($"/feed.xml?sebelum={bad}");
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains("sebelum", body, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await _client.FetchAsync("/opd/tidak-ada/feed.xml")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.FetchAsync("/opd/Bad%20Slug/rss.xml")).Status);
    }

    [Theory]
    [InlineData("/", "/feed.xml")]
    [InlineData("/berita", "/berita/feed.xml")]
    [InlineData("/agenda", "/agenda/feed.xml")]
    [InlineData("/opd/dinkes", "/opd/dinkes/feed.xml")]
    [InlineData("/opd/dinkes/pengumuman", "/opd/dinkes/pengumuman/feed.xml")]
    public async Task Pages_with_a_feed_announce_it_in_all_three_formats(string page, string atom)
    {
        var html = await _client.GetOkAsync(page);
        var alternates = AlternateRegex().Matches(html).Select(m => (Type: m.Groups[1].Value, Href: new Uri(m.Groups[2].Value))).ToList();
        Assert.Equal(["application/atom+xml", "application/rss+xml", "application/feed+json"], alternates.Select(a => a.Type));
        Assert.Equal(atom, alternates[0].Href.AbsolutePath);
        foreach (var (_, href) in alternates)
        {
            Assert.Equal(HttpStatusCode.OK, (await _client.FetchAsync(href.PathAndQuery)).Status);
        }
    }

    [Fact]
    public async Task Article_pages_carry_news_article_json_ld()
    {
        var slug = await app.WithDbAsync(db => db.Articles.Visible(TimeProvider.System.GetUtcNow().UtcDateTime)
            .Where(a => a.Kind == ArticleKind.Berita).OrderByDescending(a => a.PublishAt).Select(a => a.Slug).FirstAsync());
        var ld = JsonLd(await _client.GetOkAsync($"/berita/{slug}"));
        Assert.Equal("NewsArticle", ld.GetProperty("@type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(ld.GetProperty("headline").GetString()));
        Assert.EndsWith($"/berita/{slug}", ld.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.True(DateTimeOffset.TryParse(ld.GetProperty("datePublished").GetString(), System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.Equal("GovernmentOrganization", ld.GetProperty("author").GetProperty("@type").GetString());
        Assert.StartsWith("Pemerintah ", ld.GetProperty("publisher").GetProperty("name").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agenda_pages_carry_event_json_ld_with_start_end_and_place()
    {
        var item = await app.WithDbAsync(db => db.Articles.Visible(TimeProvider.System.GetUtcNow().UtcDateTime)
            .Where(a => a.Kind == ArticleKind.Agenda && a.EventStart != null && a.EventPlace != null).Select(a => new { a.Slug, a.EventStart, a.EventEnd, a.EventPlace }).FirstAsync());
        var ld = JsonLd(await _client.GetOkAsync($"/agenda/{item.Slug}"));
        Assert.Equal("Event", ld.GetProperty("@type").GetString());
        Assert.Equal(item.EventStart!.Value, DateTime.Parse(ld.GetProperty("startDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal), TimeSpan.FromSeconds(1));
        Assert.Equal(item.EventEnd is not null, ld.TryGetProperty("endDate", out _));
        Assert.Equal(item.EventPlace, ld.GetProperty("location").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Opd_pages_carry_government_organization_json_ld_under_the_regency()
    {
        var opd = await app.WithDbAsync(db => db.Opds.Where(o => o.Slug == "dinkes").Select(o => new { o.Name, o.Address, o.Phone }).SingleAsync());
        var ld = JsonLd(await _client.GetOkAsync("/opd/dinkes"));
        Assert.Equal("GovernmentOrganization", ld.GetProperty("@type").GetString());
        Assert.Equal(opd.Name, ld.GetProperty("name").GetString());
        Assert.EndsWith("/opd/dinkes", ld.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal(opd.Address is not null, ld.TryGetProperty("address", out _));
        Assert.Equal(opd.Phone is not null, ld.TryGetProperty("telephone", out _));
        Assert.Equal("Pemerintah Kabupaten Kepahiang", ld.GetProperty("parentOrganization").GetProperty("name").GetString());
    }

    [Fact]
    public async Task Robots_and_sitemap_index_use_absolute_urls_and_keep_admin_out()
    {
        var robots = await _client.GetOkAsync("/robots.txt");
        Assert.Contains("Disallow: /admin", robots, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^Sitemap: https?://[^/\s]+/sitemap\.xml$", robots);
        var index = XDocument.Parse(await _client.GetOkAsync("/sitemap.xml"));
        Assert.Equal("sitemapindex", index.Root!.Name.LocalName);
        var children = index.Root.Elements().Select(e => e.Elements().First(x => x.Name.LocalName == "loc").Value).ToList();
        Assert.Contains(children, c => c.EndsWith("/sitemap/berita/1.xml", StringComparison.Ordinal));
        Assert.All(children, c => Assert.True(Uri.IsWellFormedUriString(c, UriKind.Absolute), c));
    }

    /// <summary>The page's one JSON-LD block, parsed; its raw text must not be able to end the script element.</summary>
    internal static JsonElement JsonLd(string html)
    {
        var blocks = JsonLdRegex().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.True(blocks.Count == 1, $"{blocks.Count} JSON-LD blocks in: {html[..Math.Min(html.Length, 3000)]}");
        var block = blocks[0];
        Assert.DoesNotContain("</", block, StringComparison.Ordinal);
        Assert.DoesNotContain("<", block, StringComparison.Ordinal);
        return JsonDocument.Parse(block).RootElement.Clone();
    }

    [GeneratedRegex("<script type=\"application/ld\\+json\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex JsonLdRegex();

    [GeneratedRegex("<link rel=\"alternate\" type=\"([^\"]+)\" title=\"[^\"]*\" href=\"([^\"]+)\">")]
    private static partial Regex AlternateRegex();
}

[Collection(Hosts.SqlitePortal)]
public sealed class SqliteFeedsTests(SqliteApp app) : FeedsTests(app);

[Collection(Hosts.PostgresPortal)]
public sealed class PostgresFeedsTests(PostgresApp app) : FeedsTests(app);
