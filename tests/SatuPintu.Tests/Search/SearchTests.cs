using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Content;
using SatuPintu.Tests.Content;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Search;

/// <summary>/cari and /api/v1/search on the seeded demo instance, on both providers.</summary>
public abstract class SearchTests(SatuPintuApp app)
{
    private readonly HttpClient _client = app.Browser();

    [Theory]
    [InlineData("KTP", "Layanan: <a href=\"/layanan/disdukcapil/perekaman-ktp-elektronik\">")]
    [InlineData("kartu tanda penduduk elektronik", "Layanan: <a href=\"/layanan/disdukcapil/perekaman-ktp-elektronik\">")]
    [InlineData("KTP-el", "Layanan: <a href=\"/layanan/disdukcapil/perekaman-ktp-elektronik\">")]
    [InlineData("e-KTP", "Layanan: <a href=\"/layanan/disdukcapil/perekaman-ktp-elektronik\">")]
    [InlineData("\"ktp elektronik\"", "Layanan: <a href=\"/layanan/disdukcapil/perekaman-ktp-elektronik\">")]
    [InlineData("kartu keluarga", "Layanan: <a href=\"/layanan/disdukcapil/penerbitan-kartu-keluarga\">")]
    [InlineData("KK", "Layanan: <a href=\"/layanan/disdukcapil/penerbitan-kartu-keluarga\">")]
    [InlineData("akta", "Layanan: <a href=\"/layanan/disdukcapil/penerbitan-akta-kelahiran\">")]
    [InlineData("dinas kesehatan", "OPD: <a href=\"/opd/dinkes\">")]
    [InlineData("Dinkes", "OPD: <a href=\"/opd/dinkes\">")]
    [InlineData("UPBJ", "OPD: <a href=\"/opd/setda#unit\">")]
    public async Task A_service_or_opd_that_matches_well_is_the_direct_answer(string query, string answer)
    {
        var html = await _client.GetOkAsync("/cari?q=" + Uri.EscapeDataString(query));
        Assert.Contains("id=\"jawaban\"", html, StringComparison.Ordinal);
        Assert.Contains(answer, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("puskesmas")]
    [InlineData("Disdukcapil")]
    [InlineData("dukcapil")]
    [InlineData("e-KTP")]
    [InlineData("\"kartu tanda penduduk\"")]
    [InlineData("kependudukan dan pencatatan sipil")]
    [InlineData("pelayanan kesehatan")]
    public async Task Words_the_old_title_search_missed_are_found(string query)
    {
        var json = await ApiAsync(query);
        Assert.True(json.GetProperty("total").GetInt32() > 0, query);
    }

    [Fact]
    public async Task A_typo_is_forgiven_and_the_correction_offered()
    {
        var html = await _client.GetOkAsync("/cari?q=kesehatn");
        Assert.Contains("Mungkin maksud Anda: <a href=\"/cari?q=kesehatan\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Tidak ada yang cocok", html, StringComparison.Ordinal);
        Assert.Contains("<mark>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_are_labelled_faceted_highlighted_and_keep_the_query()
    {
        var html = await _client.GetOkAsync("/cari?q=kesehatan");
        Assert.Contains("value=\"kesehatan\"", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"kind\">", html, StringComparison.Ordinal);
        Assert.Matches("<mark>[Kk]esehatan</mark>", html);
        Assert.Contains("href=\"/cari?q=kesehatan&amp;jenis=", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/cari?q=kesehatan&amp;opd=", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/cari?q=kesehatan&amp;urut=tanggal\"", html, StringComparison.Ordinal);
        var news = await ApiAsync("kesehatan", "&jenis=berita&urut=tanggal");
        var items = news.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal("berita", i.GetProperty("kind").GetString()));
        var dates = items.Select(i => i.GetProperty("date").GetDateTime()).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
    }

    [Fact]
    public async Task A_quoted_phrase_is_matched_as_a_phrase()
    {
        var phrase = await ApiAsync("\"kartu keluarga\"");
        var words = await ApiAsync("kartu keluarga");
        Assert.True(phrase.GetProperty("total").GetInt32() > 0);
        Assert.True(phrase.GetProperty("total").GetInt32() <= words.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Nothing_found_helps_instead_of_an_empty_list()
    {
        var html = await _client.GetOkAsync("/cari?q=zzqxv");
        Assert.Contains("Tidak ada yang cocok dengan \"zzqxv\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/opd\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Belum ada yang diterbitkan di sini", html, StringComparison.Ordinal);
    }

    public static TheoryData<string> HostileQueries() => new()
    {
        "\"unbalanced", "((((", "))))", "title:[*", "*:*", "a AND OR NOT", "\\", "~~~~", "?*?*", "+-!^",
        new string('x', 10 * 1024), string.Concat(Enumerable.Repeat("ktp kk ", 1500)), "\u0000\u0001\u001f\u007f", "\ud800", "%%%", "_",
        "<script>alert(1)</script>", "\"\"\"\"", "opd:dinkes AND", "😀 kesehatan", "\u202e\u200b", "[1 TO 5]", "{!lucene}", "/regex/",
    };

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task Any_input_gives_a_page_never_a_500(string query)
    {
        var (status, html) = await _client.FetchAsync("/cari?q=" + Uri.EscapeDataString(query) + "&jenis=" + Uri.EscapeDataString(query) + "&tahun=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        var (apiStatus, _) = await _client.FetchAsync("/api/v1/search?q=" + Uri.EscapeDataString(query));
        Assert.True(apiStatus is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{apiStatus}");
    }

    [Fact]
    public async Task The_xss_corpus_as_a_query_gives_safe_pages()
    {
        foreach (var vector in XssTests.Vectors.Take(400))
        {
            var (status, html) = await _client.FetchAsync("/cari?q=" + Uri.EscapeDataString(vector));
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.DoesNotContain(XssTests.Problems(html, wholePage: true), p => !p.StartsWith("<svg", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_api_gives_the_same_results_as_json()
    {
        var json = await ApiAsync("kartu keluarga");
        var first = json.GetProperty("items").EnumerateArray().First();
        foreach (var field in new[] { "kind", "title", "url", "opd", "snippet", "date", "score" })
        {
            Assert.True(first.TryGetProperty(field, out _), field);
        }
        Assert.DoesNotContain("<mark>", first.GetProperty("snippet").GetString(), StringComparison.Ordinal);
        Assert.Equal("layanan", json.GetProperty("answer").GetProperty("kind").GetString());
        var html = await _client.GetOkAsync("/cari?q=kartu+keluarga");
        Assert.Contains($"href=\"{first.GetProperty("url").GetString()}\"", html, StringComparison.Ordinal);
        var (status, _) = await _client.FetchAsync("/api/v1/search?q=");
        Assert.Equal(HttpStatusCode.BadRequest, status);
    }

    [Fact]
    public async Task Publish_edit_unpublish_and_delete_show_in_search()
    {
        var word = "Zebrakuda" + Guid.NewGuid().ToString("N")[..6];
        var id = await TestArticles.CreateAsync(app, Personas.OpdA, PublicationStatus.Published, $"Lomba {word} tingkat kabupaten");
        await IndexWait.UntilAsync(async () => (await ApiAsync(word)).GetProperty("total").GetInt32() == 1);

        var renamed = "Gajahrusa" + Guid.NewGuid().ToString("N")[..6];
        await app.WithDbAsync(async db =>
        {
            var a = await db.Articles.SingleAsync(x => x.Id == id);
            a.Title = $"Lomba {renamed} tingkat kabupaten";
            return await db.SaveChangesAsync();
        });
        await IndexWait.UntilAsync(async () => (await ApiAsync(renamed)).GetProperty("total").GetInt32() == 1 && (await ApiAsync(word)).GetProperty("total").GetInt32() == 0);

        await app.WithDbAsync(async db =>
        {
            (await db.Articles.SingleAsync(x => x.Id == id)).Status = PublicationStatus.Draft;
            return await db.SaveChangesAsync();
        });
        await IndexWait.UntilAsync(async () => (await ApiAsync(renamed)).GetProperty("total").GetInt32() == 0);

        await app.WithDbAsync(async db =>
        {
            var a = await db.Articles.SingleAsync(x => x.Id == id);
            a.Status = PublicationStatus.Published;
            return await db.SaveChangesAsync();
        });
        await IndexWait.UntilAsync(async () => (await ApiAsync(renamed)).GetProperty("total").GetInt32() == 1);
        await app.WithDbAsync(async db =>
        {
            db.ArticleRevisions.RemoveRange(db.ArticleRevisions.Where(r => r.ArticleId == id));
            db.Articles.Remove(await db.Articles.SingleAsync(x => x.Id == id));
            return await db.SaveChangesAsync();
        });
        await IndexWait.UntilAsync(async () => (await ApiAsync(renamed)).GetProperty("total").GetInt32() == 0);
    }

    private async Task<JsonElement> ApiAsync(string q, string extra = "")
    {
        var (status, body) = await _client.FetchAsync("/api/v1/search?q=" + Uri.EscapeDataString(q) + extra);
        Assert.Equal(HttpStatusCode.OK, status);
        return JsonDocument.Parse(body).RootElement;
    }
}

[Collection(Hosts.SqlitePortal)]
public sealed class SqliteSearchTests(SqliteApp app) : SearchTests(app);

[Collection(Hosts.PostgresPortal)]
public sealed class PostgresSearchTests(PostgresApp app) : SearchTests(app);
