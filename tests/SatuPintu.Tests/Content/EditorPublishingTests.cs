using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SatuPintu.Content;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Content;

/// <summary>
/// Editors publish without losing work: a lead image (alt text required) and an attached document in one
/// save, both going out with the article; a correction waits for a reviewer while the published version
/// stays; a renamed address redirects; delete asks first and goes to the bin, from which it comes back.
/// </summary>
public abstract class EditorPublishingTests(SatuPintuApp app) : WithPersonas(app)
{
    private static string Unique(string prefix) => prefix + " " + Guid.NewGuid().ToString("N")[..6];

    internal static byte[] Png(int width, int height)
    {
        using var bitmap = new SkiaSharp.SKBitmap(width, height);
        bitmap.Erase(new SkiaSharp.SKColor(30, 90, 160));
        using var png = SkiaSharp.SKImage.FromBitmap(bitmap).Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string formPage, Dictionary<string, string> fields, bool image = true, bool pdf = true)
    {
        var page = await client.GetOkAsync(formPage);
        using var form = new MultipartFormDataContent { { new StringContent(Personas.AntiforgeryToken(page)), "__RequestVerificationToken" } };
        foreach (var (k, v) in fields)
        {
            form.Add(new StringContent(v), k);
        }
        if (image)
        {
            form.Add(new ByteArrayContent(Png(1200, 800)), "LeadImageFile", "panen.png");
        }
        if (pdf)
        {
            form.Add(new ByteArrayContent(SatuPintu.Data.Demo.DemoDocuments.MinimalPdf("Jadwal", "panen raya")), "Attachment", "jadwal-panen.pdf");
        }
        return await client.PostAsync(new Uri(url, UriKind.Relative), form);
    }

    private static Dictionary<string, string> ArticleFields(string title, string alt = "") => new()
    {
        ["Input.Opd"] = Personas.OpdA, ["Input.Kind"] = "berita", ["Input.Title"] = title, ["Input.Body"] = "Petani memanen padi bersama.",
        ["Input.LeadImageAlt"] = alt, ["Input.LeadImageCaption"] = "Panen raya di sawah", ["Input.LeadImageCredit"] = "Diskominfo", ["Input.AttachmentTitle"] = "Jadwal panen",
    };

    private async Task<string> PublishAsync(int id)
    {
        var editor = Personas.Api(app, People.EditorA);
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync(new Uri($"/api/v1/articles/{id}/submit", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Personas.Api(app, People.ReviewerA).PostAsJsonAsync($"/api/v1/articles/{id}/publish", new { })).StatusCode);
        return await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync());
    }

    [Fact]
    public async Task A_lead_photo_and_a_pdf_go_out_with_the_article_and_alt_text_is_required_without_losing_the_form()
    {
        var editor = await Personas.SignInAsync(app, People.EditorA.Email);
        var title = Unique("Panen raya");
        var mediaBefore = await app.WithDbAsync(db => db.MediaFiles.CountAsync());

        var refused = await PostFormAsync(editor, "/admin/artikel/baru/Save", "/admin/artikel/baru", ArticleFields(title));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Tulis teks alternatif gambar utama", html, StringComparison.Ordinal);
        Assert.Contains(title, html, StringComparison.Ordinal);
        Assert.Contains("Panen raya di sawah", html, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Articles.AnyAsync(a => a.Title == title)));
        Assert.Equal(mediaBefore, await app.WithDbAsync(db => db.MediaFiles.CountAsync()));

        var saved = await PostFormAsync(editor, "/admin/artikel/baru/Save", "/admin/artikel/baru", ArticleFields(title, "Petani memanen padi di sawah"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var article = await app.WithDbAsync(db => db.Articles.Include(a => a.LeadImage).SingleAsync(a => a.Title == title));
        Assert.Equal("Petani memanen padi di sawah", article.LeadImage!.AltText);
        Assert.Equal("Diskominfo", article.LeadImageCredit);
        var doc = await app.WithDbAsync(db => db.Documents.SingleAsync(d => d.ArticleId == article.Id));
        Assert.Equal(PublicationStatus.Review, doc.Status);
        Assert.Equal("Jadwal panen", doc.Title);
        var reviewer = await Personas.SignInAsync(app, People.ReviewerA.Email);
        Assert.Contains("dokumen", await reviewer.GetOkAsync("/admin"), StringComparison.Ordinal);

        var slug = await PublishAsync(article.Id);
        Assert.Equal(PublicationStatus.Published, await TestArticles.DocumentStatusAsync(app, doc.Id));
        var visitor = app.Browser();
        var page = await visitor.GetOkAsync($"/berita/{slug}");
        var stored = article.LeadImage.StoredName;
        // Link previews get a JPEG (WhatsApp does not reliably show WebP); the page itself keeps the WebP sizes.
        var share = SatuPintu.Content.Uploads.MediaFile.ShareName(stored);
        Assert.EndsWith("-bagikan.jpg", share, StringComparison.Ordinal);
        Assert.Contains($"<meta property=\"og:image\" content=\"http://localhost/media/{share}\">", page, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:image:type\" content=\"image/jpeg\">", page, StringComparison.Ordinal);
        Assert.Contains("<meta property=\"og:image:width\" content=\"1200\">", page, StringComparison.Ordinal);
        Assert.Contains($"<meta name=\"twitter:image\" content=\"http://localhost/media/{share}\">", page, StringComparison.Ordinal);
        await AssertJpegAsync(visitor, share);
        // An image stored before previews had a JPEG gets one on first request, from its WebP.
        File.Delete(Path.Combine(app.Services.GetRequiredService<SatuPintu.Data.DataOptions>().UploadsDir, "media", share));
        await AssertJpegAsync(visitor, share);
        Assert.Contains("name=\"twitter:card\" content=\"summary_large_image\"", page, StringComparison.Ordinal);
        Assert.Contains($"/media/{SatuPintu.Content.Uploads.MediaFile.ThumbnailName(stored)} 400w, /media/{SatuPintu.Content.Uploads.MediaFile.MediumName(stored)} 800w, /media/{stored} 1200w", page, StringComparison.Ordinal);
        Assert.Contains("alt=\"Petani memanen padi di sawah\"", page, StringComparison.Ordinal);
        Assert.Contains("Foto: Diskominfo", page, StringComparison.Ordinal);
        Assert.Contains($"/dokumen/{doc.Slug}", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await visitor.FetchAsync($"/media/{SatuPintu.Content.Uploads.MediaFile.MediumName(stored)}")).Status);
        Assert.Contains(SatuPintu.Content.Uploads.MediaFile.ThumbnailName(stored), await visitor.GetOkAsync("/berita"), StringComparison.Ordinal);
    }

    private static async Task AssertJpegAsync(HttpClient visitor, string name)
    {
        var response = await visitor.GetAsync(new Uri($"/media/{name}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.Length > 100 && bytes[0] == 0xFF && bytes[1] == 0xD8, "not a JPEG");
    }

    [Fact]
    public async Task A_correction_waits_for_a_reviewer_while_the_published_version_stays_then_shows_Diperbarui()
    {
        var editorApi = Personas.Api(app, People.EditorA);
        var title = Unique("Jadwal vaksinasi");
        var id = (await (await editorApi.PostAsJsonAsync("/api/v1/articles", new { opd = Personas.OpdA, kind = "berita", title, body = "Hari Senin." })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var slug = await PublishAsync(id);
        var editor = await Personas.SignInAsync(app, People.EditorA.Email);
        var form = await editor.GetOkAsync($"/admin/artikel/{id}");
        Assert.Contains("Usulkan koreksi", form, StringComparison.Ordinal);

        var fields = new Dictionary<string, string> { ["Input.Title"] = title + " (diralat)", ["Input.Summary"] = "", ["Input.Body"] = "Hari Selasa, bukan Senin." };
        Assert.Equal(HttpStatusCode.Redirect, (await PostFormAsync(editor, $"/admin/artikel/{id}/Propose", $"/admin/artikel/{id}", fields, image: false, pdf: false)).StatusCode);
        var visitor = app.Browser();
        var live = await visitor.GetOkAsync($"/berita/{slug}");
        Assert.Contains("Hari Senin.", live, StringComparison.Ordinal);
        Assert.DoesNotContain("Diperbarui", live, StringComparison.Ordinal);

        var reviewer = await Personas.SignInAsync(app, People.ReviewerA.Email);
        Assert.Contains(title, await reviewer.GetOkAsync("/admin"), StringComparison.Ordinal);
        var seen = await reviewer.GetOkAsync($"/admin/artikel/{id}");
        Assert.Contains("Koreksi menunggu tinjauan", seen, StringComparison.Ordinal);
        var version = System.Text.RegularExpressions.Regex.Match(seen, "AcceptCorrection[^>]*>\\s*<input type=\"hidden\" name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value;
        using var accept = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Personas.AntiforgeryToken(seen), ["Input.Version"] = version });
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostAsync(new Uri($"/admin/artikel/{id}/AcceptCorrection", UriKind.Relative), accept)).StatusCode);

        var corrected = await visitor.GetOkAsync($"/berita/{slug}");
        Assert.Contains("Hari Selasa, bukan Senin.", corrected, StringComparison.Ordinal);
        Assert.Contains("Diperbarui", corrected, StringComparison.Ordinal);
        Assert.Null(await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.ProposedRevision).SingleAsync()));
    }

    [Fact]
    public async Task A_new_address_keeps_the_old_one_as_a_301_and_a_title_change_keeps_the_address()
    {
        var editorApi = Personas.Api(app, People.EditorA);
        var title = Unique("Pasar murah");
        var id = (await (await editorApi.PostAsJsonAsync("/api/v1/articles", new { opd = Personas.OpdA, kind = "berita", title, body = "Di alun-alun." })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var slug = await PublishAsync(id);
        var reviewer = Personas.Api(app, People.ReviewerA);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PutAsJsonAsync($"/api/v1/articles/{id}", new { opd = Personas.OpdA, kind = "berita", title = "Judul lain sama sekali", body = "Di alun-alun." })).StatusCode);
        Assert.Equal(slug, await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync()));

        var bad = await reviewer.PutAsJsonAsync($"/api/v1/articles/{id}", new { opd = Personas.OpdA, kind = "berita", title = "x", body = "x", slug = "Bukan Alamat!" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Alamat halaman", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var renamed = slug + "-baru";
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PutAsJsonAsync($"/api/v1/articles/{id}", new { opd = Personas.OpdA, kind = "berita", title = "Judul lain sama sekali", body = "Di alun-alun.", slug = renamed })).StatusCode);
        using var old = await app.Browser().GetAsync(new Uri($"/berita/{slug}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal($"/berita/{renamed}", old.Headers.Location?.ToString());
        await app.Browser().GetOkAsync($"/berita/{renamed}");
    }

    [Fact]
    public async Task Delete_asks_first_then_goes_to_the_bin_off_the_portal_and_comes_back_as_a_draft()
    {
        var editorApi = Personas.Api(app, People.EditorA);
        var title = Unique("Lomba desa");
        var id = (await (await editorApi.PostAsJsonAsync("/api/v1/articles", new { opd = Personas.OpdA, kind = "berita", title, body = "Juara satu." })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var slug = await PublishAsync(id);
        var reviewer = await Personas.SignInAsync(app, People.ReviewerA.Email);
        var seen = await reviewer.GetOkAsync($"/admin/artikel/{id}");
        using var ask = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Personas.AntiforgeryToken(seen) });
        var question = await reviewer.PostAsync(new Uri($"/admin/artikel/{id}/Delete", UriKind.Relative), ask);
        Assert.Equal(HttpStatusCode.OK, question.StatusCode);
        Assert.Contains("Hapus artikel ini?", await question.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(PublicationStatus.Published, await TestArticles.StatusAsync(app, id));

        using var yes = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Personas.AntiforgeryToken(seen), ["confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostAsync(new Uri($"/admin/artikel/{id}/Delete", UriKind.Relative), yes)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().FetchAsync($"/berita/{slug}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await editorApi.GetAsync(new Uri($"/api/v1/articles/{id}", UriKind.Relative))).StatusCode);
        var bin = await reviewer.GetOkAsync("/admin/artikel/sampah");
        Assert.Contains(title, bin, StringComparison.Ordinal);
        var audit = await (await Personas.SignInAsync(app, People.Admin.Email)).GetOkAsync($"/admin/audit?actor={Uri.EscapeDataString(People.ReviewerA.Email)}");
        Assert.Contains("Artikel dipindahkan ke Tempat sampah", audit, StringComparison.Ordinal);
        foreach (var developerWord in new[] { ">update<", ">create<", "Article #", "slug" })
        {
            Assert.DoesNotContain(developerWord, audit, StringComparison.Ordinal);
        }

        // The editor may not restore what was public; the reviewer may.
        var editor = await Personas.SignInAsync(app, People.EditorA.Email);
        var editorBin = await editor.GetOkAsync("/admin/artikel/sampah");
        using var editorRestore = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Personas.AntiforgeryToken(editorBin) });
        using var refused = await editor.PostAsync(new Uri($"/admin/artikel/sampah/Restore?id={id}", UriKind.Relative), editorRestore);
        Assert.Contains("/admin/ditolak", refused.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Null(await TestArticles.StatusAsync(app, id));
        using var restore = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Personas.AntiforgeryToken(bin) });
        Assert.Equal(HttpStatusCode.Redirect, (await reviewer.PostAsync(new Uri($"/admin/artikel/sampah/Restore?id={id}", UriKind.Relative), restore)).StatusCode);
        Assert.Equal(PublicationStatus.Draft, await TestArticles.StatusAsync(app, id));
    }
}

[Collection(Hosts.SqliteContent)]
public sealed class SqliteEditorPublishingTests(SqliteApp app) : EditorPublishingTests(app);

[Collection(Hosts.PostgresContent)]
public sealed class PostgresEditorPublishingTests(PostgresApp app) : EditorPublishingTests(app);

/// <summary>The bin is emptied after 30 days by the background job, on a fake clock.</summary>
public sealed class BinPurgeTests
{
    [Fact]
    public async Task A_binned_article_stays_restorable_for_30_days_and_is_then_purged()
    {
        var clock = new PooledFakeClock(TimeProvider.System.GetUtcNow());
        await using var app = Node.Fresh(postgres: false, null, clock);
        var people = await Personas.CreateAsync(app);
        var editor = Personas.Api(app, people.EditorA);
        var signedIn = await Personas.SignInAsync(app, people.EditorA.Email);
        Assert.Contains("Tempat sampah kosong.", await signedIn.GetOkAsync("/admin/artikel/sampah"), StringComparison.Ordinal);
        async Task<int> BinOneAsync(string title)
        {
            var created = (await (await editor.PostAsJsonAsync("/api/v1/articles", new { opd = Personas.OpdA, kind = "berita", title, body = "x" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
            Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync(new Uri($"/api/v1/articles/{created}", UriKind.Relative))).StatusCode);
            return created;
        }
        var id = await BinOneAsync("Draf dibuang");
        await BinOneAsync("Draf kedua dibuang");
        await BinOneAsync("Draf ketiga dibuang");

        // The bin is paged like every admin list: newest first, the usual pager, a clear answer to a bad page.
        var first = await signedIn.GetOkAsync("/admin/artikel/sampah?per=2");
        Assert.Contains("Draf ketiga dibuang", first, StringComparison.Ordinal);
        Assert.DoesNotContain(">Draf dibuang<", first, StringComparison.Ordinal);
        Assert.Contains("halaman=2", first, StringComparison.Ordinal);
        Assert.Contains(">Draf dibuang<", await signedIn.GetOkAsync("/admin/artikel/sampah?per=2&halaman=2"), StringComparison.Ordinal);
        Assert.Contains("Halaman ini kosong", await signedIn.GetOkAsync("/admin/artikel/sampah?halaman=9"), StringComparison.Ordinal);
        var bad = await signedIn.FetchAsync("/admin/artikel/sampah?halaman=satu");
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("Nomor halaman", bad.Body, StringComparison.Ordinal);
        var purger = app.Services.GetRequiredService<BinPurger>();
        async Task<bool> InBinAsync() => await app.WithDbAsync(db => db.Articles.IgnoreQueryFilters().AnyAsync(a => a.Id == id && a.DeletedAt != null));

        clock.Advance(TimeSpan.FromDays(29));
        await purger.PurgeDueAsync(CancellationToken.None);
        Assert.True(await InBinAsync());

        // The job's own timer may take it first after the clock moves: either way it is gone once this pass returns.
        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await purger.PurgeDueAsync(CancellationToken.None);
        Assert.False(await InBinAsync());
        Assert.False(await app.WithDbAsync(db => db.Articles.IgnoreQueryFilters().AnyAsync(a => a.Id == id)));
        Assert.Equal(0, await app.WithDbAsync(db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id)));
    }
}
