using System.Xml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SatuPintu.Directory;
using SatuPintu.Content;
using SatuPintu.Data;
using SatuPintu.Hosting;

namespace SatuPintu.Feeds;

/// <summary>
/// /sitemap.xml is a sitemap index; its children are /sitemap/{part}/{n}.xml, one part per kind of page
/// ("umum" for the lists, OPD and static pages, then berita, pengumuman, agenda, dokumen), each cut into
/// files of at most <see cref="FeedOptions.SitemapPageSize"/> URLs (the protocol allows 50,000). Items are in
/// id order, so a new one lands in the last file and the others keep their content.
/// </summary>
internal static class Sitemap
{
    private const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly string[] Lists = ["/", "/opd", "/berita", "/pengumuman", "/agenda", "/dokumen", "/halaman"];
    public static readonly string[] Parts = ["umum", "berita", "pengumuman", "agenda", "dokumen"];

    public static void Map(WebApplication app)
    {
        app.MapGet("/sitemap.xml", IndexAsync).CacheOutput(HostingFeature.PublicPolicy);
        app.MapGet("/sitemap/{part}/{n:int}.xml", ChildAsync).CacheOutput(HostingFeature.PublicPolicy);
        // robots.txt names the sitemap with an absolute URL, so it is written from the base URL rather than served as a file.
        app.MapGet("/robots.txt", (HttpRequest r, PublicUrls urls) => Results.Text(
            $"User-agent: *\nDisallow: /admin\nDisallow: /api/\nSitemap: {urls.Absolute(r, "/sitemap.xml")}\n", "text/plain; charset=utf-8"));
    }

    private static async Task<IResult> IndexAsync(HttpContext http, SatuPintuDb db, RegionalClock clock, PublicUrls urls, IOptions<FeedOptions> options, CancellationToken ct)
    {
        var size = options.Value.SitemapPageSize;
        var now = clock.UtcNow;
        using var body = new MemoryStream();
        var newest = DateTime.UnixEpoch;
        using (var x = XmlWriter.Create(body, FeedText.Xml))
        {
            x.WriteStartDocument();
            x.WriteStartElement("sitemapindex", Ns);
            foreach (var part in Parts)
            {
                foreach (var (n, lastmod) in await ChildStampsAsync(db, part, now, size, ct))
                {
                    newest = lastmod > newest ? lastmod : newest;
                    x.WriteStartElement("sitemap", Ns);
                    x.WriteElementString("loc", Ns, urls.Absolute(http.Request, $"/sitemap/{part}/{n}.xml"));
                    if (lastmod > DateTime.UnixEpoch)
                    {
                        x.WriteElementString("lastmod", Ns, RegionalClock.IsoDate(lastmod));
                    }
                    x.WriteEndElement();
                }
            }
            x.WriteEndElement();
            x.WriteEndDocument();
        }
        return Conditional.Answer(http, body.ToArray(), "application/xml; charset=utf-8", newest);
    }

    private static async Task<IResult> ChildAsync(HttpContext http, string part, int n, SatuPintuDb db, RegionalClock clock, PublicUrls urls, IOptions<FeedOptions> options, CancellationToken ct)
    {
        var size = options.Value.SitemapPageSize;
        if (!Parts.Contains(part) || n < 1 || n > int.MaxValue / size)
        {
            return Results.NotFound();
        }
        var items = part == "umum"
            ? (await GeneralAsync(db, ct)).Skip((n - 1) * size).Take(size).ToList()
            : await ChunkAsync(db, part, clock.UtcNow, (n - 1) * size, size, ct);
        if (items.Count == 0 && !(part == "umum" && n == 1))
        {
            return Results.NotFound();
        }
        using var body = new MemoryStream();
        using (var x = XmlWriter.Create(body, FeedText.Xml))
        {
            x.WriteStartDocument();
            x.WriteStartElement("urlset", Ns);
            foreach (var u in items)
            {
                x.WriteStartElement("url", Ns);
                x.WriteElementString("loc", Ns, urls.Absolute(http.Request, u.Path));
                if (u.Modified is { } m)
                {
                    x.WriteElementString("lastmod", Ns, RegionalClock.IsoDate(m));
                }
                x.WriteEndElement();
            }
            x.WriteEndElement();
            x.WriteEndDocument();
        }
        return Conditional.Answer(http, body.ToArray(), "application/xml; charset=utf-8", items.Max(u => u.Modified) ?? DateTime.UnixEpoch);
    }

    private sealed record Url(string Path, DateTime? Modified);

    /// <summary>The lists, the OPD pages and the static pages: a few hundred at most, read whole.</summary>
    private static async Task<List<Url>> GeneralAsync(SatuPintuDb db, CancellationToken ct)
    {
        var opds = (await db.Opds.AsNoTracking().Public().OrderBy(o => o.Id).Select(o => new { o.Slug, o.UpdatedAt }).ToListAsync(ct))
            .Select(o => new Url("/opd/" + o.Slug, o.UpdatedAt));
        var pages = await GeneralPages(db)
            .OrderBy(p => p.Id).Select(p => new { OpdSlug = p.Opd == null ? null : p.Opd.Slug, p.Slug, p.UpdatedAt }).ToListAsync(ct);
        return Lists.Select(l => new Url(l, null)).Concat(opds)
            .Concat(pages.Select(p => new Url(p.OpdSlug is null ? $"/halaman/{p.Slug}" : $"/opd/{p.OpdSlug}/halaman/{p.Slug}", p.UpdatedAt)))
            .ToList();
    }

    /// <summary>
    /// Each child sitemap of a part with its newest change, counted and maximised in SQL (one MAX over
    /// each window of <paramref name="size"/> rows in id order), so 100,000 articles are not read to write the index.
    /// </summary>
    private static async Task<List<(int N, DateTime LastMod)>> ChildStampsAsync(SatuPintuDb db, string part, DateTime now, int size, CancellationToken ct)
    {
        var result = new List<(int, DateTime)>();
        if (part == "umum")
        {
            var opds = db.Opds.AsNoTracking().Public();
            var pages = GeneralPages(db);
            var count = Lists.Length + await opds.CountAsync(ct) + await pages.CountAsync(ct);
            if (count <= size)
            {
                var newest = new[] { await opds.MaxAsync(o => (DateTime?)o.UpdatedAt, ct), await pages.MaxAsync(p => (DateTime?)p.UpdatedAt, ct) }.Max();
                return [(1, newest ?? DateTime.UnixEpoch)];
            }
            // More lists, OPDs and pages than one child holds: a few dates each, read whole.
            var stamps = (await GeneralAsync(db, ct)).Select(u => u.Modified ?? DateTime.UnixEpoch).ToList();
            for (var n = 0; n * size < stamps.Count; n++)
            {
                result.Add((n + 1, stamps.Skip(n * size).Take(size).Max()));
            }
            return result;
        }
        var total = part == "dokumen"
            ? await db.Documents.AsNoTracking().Visible(now).CountAsync(ct)
            : await Articles(db, part, now).CountAsync(ct);
        for (var n = 0; n * size < total; n++)
        {
            var skip = n * size;
            var lastmod = part == "dokumen"
                ? await db.Documents.AsNoTracking().Visible(now).OrderBy(d => d.Id).Skip(skip).Take(size).MaxAsync(d => (DateTime?)d.UpdatedAt, ct)
                : await Articles(db, part, now).OrderBy(a => a.Id).Skip(skip).Take(size).MaxAsync(a => (DateTime?)a.UpdatedAt, ct);
            result.Add((n + 1, lastmod ?? DateTime.UnixEpoch));
        }
        return result;
    }

    private static IQueryable<Article> Articles(SatuPintuDb db, string part, DateTime now)
    {
        var kind = ArticleKinds.FromUrlWord(part)!.Value;
        return db.Articles.AsNoTracking().Visible(now).Where(a => a.Kind == kind);
    }

    private static IQueryable<Page> GeneralPages(SatuPintuDb db) =>
        db.Pages.AsNoTracking().Where(p => p.Status == PublicationStatus.Published && (p.OpdId == null || (p.Opd!.ArchivedAt == null && !p.Opd.Hidden)));

    private static async Task<List<Url>> ChunkAsync(SatuPintuDb db, string part, DateTime now, int skip, int take, CancellationToken ct)
    {
        if (part == "dokumen")
        {
            return (await db.Documents.AsNoTracking().Visible(now).OrderBy(d => d.Id).Skip(skip).Take(take).Select(d => new { d.Slug, d.UpdatedAt }).ToListAsync(ct))
                .Select(d => new Url("/dokumen/" + d.Slug, d.UpdatedAt)).ToList();
        }
        var kind = ArticleKinds.FromUrlWord(part)!.Value;
        return (await Articles(db, part, now).OrderBy(a => a.Id).Skip(skip).Take(take)
                .Select(a => new { a.Slug, a.UpdatedAt }).ToListAsync(ct))
            .Select(a => new Url(ArticleKinds.DetailUrl(kind, a.Slug), a.UpdatedAt)).ToList();
    }
}
