using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Content;
using SatuPintu.Data;
using SatuPintu.Hosting;

namespace SatuPintu.Portal;

/// <summary>/sitemap.xml: every public page, newest content first, within the protocol's 50,000-URL limit.</summary>
internal static class Sitemap
{
    private const int MaxUrls = 50_000;

    public static async Task<IResult> HandleAsync(SatuPintuDb db, RegionalClock clock, HttpRequest request, CancellationToken ct)
    {
        var origin = $"{request.Scheme}://{request.Host}";
        var now = clock.UtcNow;
        var opds = await db.Opds.AsNoTracking().Where(o => o.ArchivedAt == null).OrderBy(o => o.SortOrder)
            .Select(o => new { o.Slug, o.UpdatedAt }).ToListAsync(ct);
        var documents = await db.Documents.AsNoTracking().Visible(now).OrderByDescending(d => d.PublishAt)
            .Select(d => new { d.Slug, d.UpdatedAt }).Take(MaxUrls / 4).ToListAsync(ct);
        var pages = await db.Pages.AsNoTracking().Where(p => p.Status == PublicationStatus.Published && (p.OpdId == null || p.Opd!.ArchivedAt == null))
            .Select(p => new { OpdSlug = p.Opd == null ? null : p.Opd.Slug, p.Slug, p.UpdatedAt }).Take(MaxUrls / 4).ToListAsync(ct);
        var budget = MaxUrls - 7 - opds.Count - documents.Count - pages.Count;
        var articles = await db.Articles.AsNoTracking().Visible(now).Newest()
            .Select(a => new { a.Kind, a.Slug, a.UpdatedAt }).Take(budget).ToListAsync(ct);

        var sb = new StringBuilder();
        using (var xml = XmlWriter.Create(sb, new XmlWriterSettings { Indent = false, Encoding = Encoding.UTF8 }))
        {
            xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            void Url(string path, DateTime? modified = null)
            {
                xml.WriteStartElement("url");
                xml.WriteElementString("loc", origin + path);
                if (modified is { } m)
                {
                    xml.WriteElementString("lastmod", RegionalClock.IsoDate(m));
                }
                xml.WriteEndElement();
            }
            foreach (var path in new[] { "/", "/opd", "/berita", "/pengumuman", "/agenda", "/dokumen", "/halaman" })
            {
                Url(path);
            }
            foreach (var o in opds)
            {
                Url($"/opd/{o.Slug}", o.UpdatedAt);
            }
            foreach (var p in pages)
            {
                Url(p.OpdSlug is null ? $"/halaman/{p.Slug}" : $"/opd/{p.OpdSlug}/halaman/{p.Slug}", p.UpdatedAt);
            }
            foreach (var a in articles)
            {
                Url(ArticleKinds.DetailUrl(a.Kind, a.Slug), a.UpdatedAt);
            }
            foreach (var d in documents)
            {
                Url($"/dokumen/{d.Slug}", d.UpdatedAt);
            }
            xml.WriteEndElement();
        }
        return Results.Text(sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal), "application/xml; charset=utf-8");
    }
}
