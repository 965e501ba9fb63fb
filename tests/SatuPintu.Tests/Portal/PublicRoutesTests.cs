using System.Net;
using SatuPintu.Content;
using SatuPintu.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace SatuPintu.Tests.Portal;

/// <summary>
/// Every public route and its bad inputs, on the seeded demo instance. The same tests run on
/// SQLite and on PostgreSQL (the two subclasses at the end), so both providers behave alike.
/// </summary>
public abstract class PublicRoutesTests(SatuPintuApp app)
{
    private readonly HttpClient _client = app.Browser();

    private static IQueryable<Article> Public(SatuPintu.Data.SatuPintuDb db) =>
        db.Articles.Visible(TimeProvider.System.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task Migrations_cover_the_whole_model()
    {
        Assert.False(await app.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges())));
    }

    [Fact]
    public async Task Health_answers_200_when_ready()
    {
        var (status, _) = await _client.FetchAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Home_shows_latest_news_directory_kinds_and_a_search_box()
    {
        var html = await _client.GetOkAsync("/");
        Assert.Contains("<html lang=\"id\">", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#isi\"", html, StringComparison.Ordinal);
        Assert.Contains("Berita terbaru dari semua OPD", html, StringComparison.Ordinal);
        Assert.Contains("action=\"/cari\"", html, StringComparison.Ordinal);
        Assert.Contains("Data demo.", html, StringComparison.Ordinal);
        foreach (var path in new[] { "/opd", "/berita", "/pengumuman", "/agenda", "/dokumen" })
        {
            Assert.Contains(path, Html.Links(html));
        }
        var newest = await app.WithDbAsync(db => Public(db).Where(a => a.Kind == ArticleKind.Berita)
            .OrderByDescending(a => a.PublishAt).ThenByDescending(a => a.Id).Select(a => a.Slug).FirstAsync());
        Assert.Contains($"/berita/{newest}", Html.Links(html));
    }

    [Fact]
    public async Task Directory_lists_all_34_opds_grouped_by_kind_with_units()
    {
        var html = await _client.GetOkAsync("/opd");
        var opdLinks = Html.Links(html, "/opd/").Distinct().ToList();
        Assert.Equal(34, opdLinks.Count);
        foreach (var heading in new[] { "Sekretariat", "Inspektorat", "Dinas", "Badan", "Kecamatan" })
        {
            Assert.Contains($">{heading} <span class=\"meta\">", html, StringComparison.Ordinal);
        }
        Assert.Contains(">Kecamatan <span class=\"meta\">(8)</span>", html, StringComparison.Ordinal);
        Assert.Contains("Unit Pengadaan Barang dan Jasa (UPBJ)", html, StringComparison.Ordinal);
        Assert.Contains("Bagian Pembangunan", html, StringComparison.Ordinal);
        // Groups follow the kind order: sekretariat before dinas before kecamatan.
        Assert.True(html.IndexOf("kind-Sekretariat", StringComparison.Ordinal) < html.IndexOf("kind-Dinas", StringComparison.Ordinal));
        Assert.True(html.IndexOf("kind-Dinas", StringComparison.Ordinal) < html.IndexOf("kind-Kecamatan", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("kesehatan", "/opd/dinkes", "/opd/dinsos")]
    [InlineData("bkd", "/opd/bkd", "/opd/bappeda")]
    [InlineData("UPBJ", "/opd/setda", "/opd/dinkes")]
    [InlineData("merigi", "/opd/kec-merigi", "/opd/kec-kepahiang")]
    public async Task Directory_filter_by_name(string q, string expected, string notExpected)
    {
        var html = await _client.GetOkAsync($"/opd?q={Uri.EscapeDataString(q)}");
        Assert.Contains(expected, Html.Links(html, "/opd/"));
        Assert.DoesNotContain(notExpected, Html.Links(html, "/opd/"));
    }

    [Fact]
    public async Task Directory_filter_without_match_says_so()
    {
        var html = await _client.GetOkAsync("/opd?q=tidak-ada-yang-cocok");
        Assert.Contains("Tidak ada perangkat daerah yang cocok", html, StringComparison.Ordinal);
        Assert.Empty(Html.Links(html, "/opd/"));
    }

    [Fact]
    public async Task Opd_page_shows_profile_services_contacts_map_and_latest_content()
    {
        var html = await _client.GetOkAsync("/opd/setda");
        Assert.Contains("<h1>Sekretariat Daerah</h1>", html, StringComparison.Ordinal);
        foreach (var text in new[] { "Visi", "Misi", "Tugas pokok dan fungsi", "Struktur organisasi", "Layanan publik", "Kontak", "Sekretaris Daerah", "lokasi perkiraan", "Unit kerja", "UPBJ" })
        {
            Assert.Contains(text, html, StringComparison.Ordinal);
        }
        Assert.Contains(Html.Links(html, "https://www.openstreetmap.org/"), l => l.Contains("mlat=-3.", StringComparison.Ordinal));
        foreach (var list in new[] { "berita", "pengumuman", "agenda", "dokumen" })
        {
            Assert.Contains($"/opd/setda/{list}", Html.Links(html));
        }
        var latest = await app.WithDbAsync(db => Public(db).Where(a => a.Opd!.Slug == "setda" && a.Kind == ArticleKind.Berita)
            .OrderByDescending(a => a.PublishAt).ThenByDescending(a => a.Id).Select(a => a.Slug).FirstAsync());
        Assert.Contains($"/berita/{latest}", Html.Links(html));
    }

    [Fact]
    public async Task Disdukcapil_lists_its_public_services()
    {
        var html = await _client.GetOkAsync("/opd/disdukcapil");
        Assert.Contains("Perekaman KTP Elektronik", html, StringComparison.Ordinal);
        Assert.Contains("Tidak dipungut biaya", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("berita")]
    [InlineData("pengumuman")]
    // The agenda is ordered by event date, coming events first (Content/ListFilterTests).
    public async Task Lists_are_paged_newest_first(string kind)
    {
        var page1 = Html.ListItemLinks(await _client.GetOkAsync($"/{kind}?per=5"));
        var page2 = Html.ListItemLinks(await _client.GetOkAsync($"/{kind}?per=5&halaman=2"));
        Assert.Equal(5, page1.Count);
        Assert.Equal(5, page2.Count);
        Assert.Empty(page1.Intersect(page2));
        Assert.All(page1.Concat(page2), l => Assert.StartsWith($"/{kind}/", l, StringComparison.Ordinal));

        var expected = await app.WithDbAsync(db => Public(db).Where(a => a.Kind == ArticleKinds.FromUrlWord(kind))
            .OrderByDescending(a => a.PublishAt).ThenByDescending(a => a.Id).Select(a => a.Slug).Take(10).ToListAsync());
        Assert.Equal(expected.Select(s => $"/{kind}/{s}"), page1.Concat(page2));
    }

    [Fact]
    public async Task Pager_links_keep_the_page_size()
    {
        var html = await _client.GetOkAsync("/berita?per=5&halaman=2");
        Assert.Contains("/berita?per=5&halaman=3", Html.Links(html));
        Assert.Contains("/berita?per=5", Html.Links(html));
        Assert.Contains("aria-current=\"page\">2<", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/berita?halaman=abc", HttpStatusCode.BadRequest, "Nomor halaman")]
    [InlineData("/berita?halaman=0", HttpStatusCode.BadRequest, "Nomor halaman")]
    [InlineData("/berita?halaman=-3", HttpStatusCode.BadRequest, "Nomor halaman")]
    [InlineData("/berita?halaman=1.5", HttpStatusCode.BadRequest, "Nomor halaman")]
    [InlineData("/berita?halaman=99999999999999", HttpStatusCode.BadRequest, "Nomor halaman")]
    [InlineData("/berita?halaman=1&halaman=2", HttpStatusCode.BadRequest, "Nomor halaman")]
    [InlineData("/berita?per=0", HttpStatusCode.BadRequest, "Jumlah per halaman")]
    [InlineData("/berita?per=101", HttpStatusCode.BadRequest, "Jumlah per halaman")]
    [InlineData("/dokumen?per=x", HttpStatusCode.BadRequest, "Jumlah per halaman")]
    [InlineData("/berita?halaman=5000", HttpStatusCode.NotFound, "Halaman 5000 tidak ada")]
    [InlineData("/berita?halaman=21474838&per=100", HttpStatusCode.NotFound, "Halaman 21474838 tidak ada")]
    [InlineData("/berita?halaman=2147483647&per=100", HttpStatusCode.NotFound, "Halaman 2147483647 tidak ada")]
    [InlineData("/dokumen?halaman=21474838&per=100", HttpStatusCode.NotFound, "Halaman 21474838 tidak ada")]
    [InlineData("/cari?q=kepahiang&halaman=21474838&per=100", HttpStatusCode.NotFound, "tidak ada")]
    [InlineData("/opd/setda/agenda?halaman=999", HttpStatusCode.NotFound, "tidak ada")]
    [InlineData("/dokumen?halaman=999", HttpStatusCode.NotFound, "tidak ada")]
    [InlineData("/opd/tidak-ada", HttpStatusCode.NotFound, "Perangkat daerah yang Anda cari tidak ada")]
    [InlineData("/opd/tidak-ada/berita", HttpStatusCode.NotFound, "Perangkat daerah")]
    [InlineData("/opd/tidak-ada/dokumen", HttpStatusCode.NotFound, "Perangkat daerah")]
    [InlineData("/berita/tidak-ada", HttpStatusCode.NotFound, "Artikel yang Anda cari")]
    [InlineData("/berita?tag=tidak-ada", HttpStatusCode.NotFound, "Tidak ada topik")]
    [InlineData("/dokumen/tidak-ada", HttpStatusCode.NotFound, "Dokumen yang Anda cari")]
    [InlineData("/dokumen/tidak-ada/unduh", HttpStatusCode.NotFound, "Berkas dokumen tidak ditemukan")]
    [InlineData("/halaman-yang-tidak-ada", HttpStatusCode.NotFound, "Halaman tidak ditemukan")]
    public async Task Bad_input_gets_a_clear_indonesian_answer(string url, HttpStatusCode expected, string message)
    {
        var (status, html) = await _client.FetchAsync(url);
        Assert.Equal(expected, status);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("Kembali ke beranda", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"id\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/opd/%3Cscript%3E")]
    [InlineData("/opd/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/berita/%E2%80%8B")]
    [InlineData("/berita/a'--")]
    [InlineData("/dokumen/..%2F..%2Fsatupintu.db/unduh")]
    [InlineData("/opd?q=%27%20OR%201%3D1--")]
    [InlineData("/opd?q=%00%01%02")]
    [InlineData("/cari?q=%25%25%25")]
    [InlineData("/cari?q=_")]
    [InlineData("/cari?q=%F0%9F%98%80")]
    [InlineData("/berita?tag=%3Cb%3E")]
    [InlineData("/berita?halaman=%EF%BC%91")]
    [InlineData("/galat/999")]
    [InlineData("/galat/abc")]
    [InlineData("/opd/setda/berita?halaman=&per=")]
    public async Task Hostile_input_never_breaks_the_server(string url)
    {
        var (status, html) = await _client.FetchAsync(url);
        Assert.True((int)status < 500, $"{url} answered {(int)status}");
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Per_opd_lists_show_only_that_opd()
    {
        var html = await _client.GetOkAsync("/opd/dinkes/berita?per=50");
        var slugs = Html.ListItemLinks(html).Select(l => l["/berita/".Length..]).ToList();
        Assert.NotEmpty(slugs);
        var owners = await app.WithDbAsync(db => db.Articles.Where(a => slugs.Contains(a.Slug)).Select(a => a.Opd!.Slug).Distinct().ToListAsync());
        Assert.Equal(["dinkes"], owners);
        Assert.Contains("Berita Dinkes", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tag_filter_shows_only_tagged_articles()
    {
        var html = await _client.GetOkAsync("/berita?tag=kesehatan&per=50");
        var slugs = Html.ListItemLinks(html).Select(l => l["/berita/".Length..]).ToList();
        Assert.NotEmpty(slugs);
        var tagged = await app.WithDbAsync(db => db.Articles.CountAsync(a => slugs.Contains(a.Slug) && a.Tags.Any(t => t.Slug == "kesehatan")));
        Assert.Equal(slugs.Count, tagged);
    }

    [Fact]
    public async Task Article_page_has_opd_indonesian_date_tags_meta_and_prev_next()
    {
        var articles = await app.WithDbAsync(db => Public(db).Where(a => a.Kind == ArticleKind.Berita)
            .OrderByDescending(a => a.PublishAt).ThenByDescending(a => a.Id).Include(a => a.Opd).Include(a => a.Tags).Take(3).ToListAsync());
        var (newer, article, older) = (articles[0], articles[1], articles[2]);
        var html = await _client.GetOkAsync($"/berita/{article.Slug}");

        Assert.Contains($"<h1>{article.Title}</h1>", html, StringComparison.Ordinal);
        Assert.Contains(article.Opd!.Name, html, StringComparison.Ordinal);
        var local = article.PublishAt!.Value.AddHours(7);
        string[] days = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];
        string[] months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];
        Assert.Contains($"{days[(int)local.DayOfWeek]}, {local.Day} {months[local.Month - 1]} {local.Year}", html, StringComparison.Ordinal);
        foreach (var tag in article.Tags)
        {
            Assert.Contains($"/berita?tag={tag.Slug}", Html.Links(html));
        }
        Assert.Equal("article", Html.Meta(html, "og:type"));
        Assert.Equal(article.Title, Html.Meta(html, "og:title"));
        Assert.EndsWith($"/berita/{article.Slug}", Html.Canonical(html), StringComparison.Ordinal);
        Assert.Contains($"href=\"/berita/{older.Slug}\" rel=\"prev\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"/berita/{newer.Slug}\" rel=\"next\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Article_under_the_wrong_kind_redirects_to_its_own_url()
    {
        var slug = await app.WithDbAsync(db => Public(db).Where(a => a.Kind == ArticleKind.Pengumuman).Select(a => a.Slug).FirstAsync());
        using var response = await _client.GetAsync(new Uri($"/berita/{slug}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"/pengumuman/{slug}", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Agenda_page_shows_when_and_where()
    {
        var agenda = await app.WithDbAsync(db => Public(db).Where(a => a.Kind == ArticleKind.Agenda).FirstAsync());
        var html = await _client.GetOkAsync($"/agenda/{agenda.Slug}");
        Assert.Contains("<dt>Mulai</dt>", html, StringComparison.Ordinal);
        Assert.Contains(agenda.EventPlace!, html, StringComparison.Ordinal);
        Assert.Contains(" WIB", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Drafts_and_future_articles_are_not_public()
    {
        var (draft, future) = await app.WithDbAsync(async db =>
        {
            var opd = await db.Opds.FirstAsync();
            var d = new Article { OpdId = opd.Id, Slug = "draf-rahasia-" + Guid.NewGuid().ToString("N")[..6], Title = "Draf rahasia", Status = PublicationStatus.Draft, PublishAt = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc) };
            var f = new Article { OpdId = opd.Id, Slug = "terbit-nanti-" + Guid.NewGuid().ToString("N")[..6], Title = "Terbit nanti", Status = PublicationStatus.Published, PublishAt = new DateTime(2099, 1, 1, 0, 0, 0, DateTimeKind.Utc) };
            db.Articles.AddRange(d, f);
            await db.SaveChangesAsync();
            return (d.Slug, f.Slug);
        });
        Assert.Equal(HttpStatusCode.NotFound, (await _client.FetchAsync($"/berita/{draft}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.FetchAsync($"/berita/{future}")).Status);
        var list = await _client.GetOkAsync("/berita?per=100");
        Assert.DoesNotContain(draft, list, StringComparison.Ordinal);
        Assert.DoesNotContain(future, list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Documents_list_detail_and_download_with_type_and_size()
    {
        var doc = await app.WithDbAsync(db => db.Documents.Include(d => d.Opd).OrderByDescending(d => d.PublishAt).ThenByDescending(d => d.Id).FirstAsync());
        var list = await _client.GetOkAsync("/dokumen");
        Assert.Contains($"/dokumen/{doc.Slug}", Html.ListItemLinks(list));

        var detail = await _client.GetOkAsync($"/dokumen/{doc.Slug}");
        Assert.Contains(doc.Title, detail, StringComparison.Ordinal);
        Assert.Contains("PDF", detail, StringComparison.Ordinal);
        Assert.Contains(SatuPintu.Shared.Formats.FileSize(doc.SizeBytes), detail, StringComparison.Ordinal);

        using var response = await _client.GetAsync(new Uri($"/dokumen/{doc.Slug}/unduh", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(doc.FileName, response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(doc.SizeBytes, bytes.Length);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
    }

    [Fact]
    public async Task Search_finds_articles_and_documents_by_title()
    {
        var html = await _client.GetOkAsync("/cari?q=Rencana+Strategis");
        Assert.Contains("/dokumen/rencana-strategis-", html, StringComparison.Ordinal);
        var kopi = await _client.GetOkAsync("/cari?q=KOPI");
        var links = Html.ListItemLinks(kopi);
        Assert.NotEmpty(links);
        var empty = await _client.GetOkAsync("/cari");
        Assert.Contains("Tulis kata kunci", empty, StringComparison.Ordinal);
        // A long query is cut to its first 200 characters, not refused: search gives a page for any input.
        var (status, _) = await _client.FetchAsync("/cari?q=" + new string('a', 201));
        Assert.Equal(HttpStatusCode.OK, status);
    }

    [Fact]
    public async Task Robots_txt_points_at_the_sitemap_with_an_absolute_url()
    {
        var robots = await _client.GetOkAsync("/robots.txt");
        Assert.Contains("Disallow: /admin", robots, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^Sitemap: https?://[^/\s]+/sitemap\.xml$", robots);
    }

    [Fact]
    public async Task Sitemap_lists_opds_and_articles()
    {
        // A sitemap index: the URLs are in its child sitemaps.
        var index = System.Xml.Linq.XDocument.Parse(await _client.GetOkAsync("/sitemap.xml"));
        var locs = new List<string>();
        foreach (var child in index.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => new Uri(e.Value).AbsolutePath).ToList())
        {
            var xml = System.Xml.Linq.XDocument.Parse(await _client.GetOkAsync(child));
            locs.AddRange(xml.Descendants().Where(e => e.Name.LocalName == "loc").Select(e => new Uri(e.Value).AbsolutePath));
        }
        Assert.Contains("/opd/setda", locs);
        Assert.Contains("/berita", locs);
        var articleCount = await app.WithDbAsync(db => Public(db).CountAsync());
        Assert.Equal(articleCount, locs.Count(l => l.StartsWith("/berita/", StringComparison.Ordinal) || l.StartsWith("/pengumuman/", StringComparison.Ordinal) || l.StartsWith("/agenda/", StringComparison.Ordinal)));
    }
}

[Collection(Hosts.SqlitePortal)]
public sealed class SqlitePublicRoutesTests(SqliteApp app) : PublicRoutesTests(app);

[Collection(Hosts.PostgresPortal)]
public sealed class PostgresPublicRoutesTests(PostgresApp app) : PublicRoutesTests(app);
