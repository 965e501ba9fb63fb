using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Content;
using SatuPintu.Tests.Infrastructure;
using SkiaSharp;

namespace SatuPintu.Tests.Content;

/// <summary>
/// Uploads are judged by their bytes: good images are re-encoded and served safely; SVG with script,
/// HTML named .pdf, polyglots, oversize files, image bombs and truncated images are refused with a clear
/// message, and nothing of them is stored.
/// </summary>
public sealed class UploadTests(UploadTests.App app) : WithPersonas(app), IClassFixture<UploadTests.App>
{
    public sealed class App : SatuPintuApp
    {
        public const long MaxBytes = 512 * 1024;

        public App() : base(postgres: false, new()
        {
            ["SatuPintu:Uploads:MaxBytes"] = MaxBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SatuPintu:Accounts:LoginAttemptsPerMinute"] = "1000",
        }) { }
    }

    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 3f, new SKPaint { Color = SKColors.Gold });
        }
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }

    /// <summary>A valid PNG header announcing 50,000 × 50,000 pixels (10 GB decoded) followed by a tiny body.</summary>
    private static byte[] PngBomb()
    {
        var small = Png(8, 8);
        var ihdr = small.AsSpan(12, 17).ToArray(); // "IHDR" + 13 data bytes
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), 50_000);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(8), 50_000);
        var bomb = small.ToArray();
        ihdr.CopyTo(bomb, 12);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bomb.AsSpan(29), Crc32(ihdr));
        return bomb;
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }
        return ~crc;
    }

    private static byte[] Docx()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in new[] { ("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>") })
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open());
                w.Write(text);
            }
        }
        return ms.ToArray();
    }

    private static async Task<(HttpStatusCode Status, string Html)> UploadDocumentAsync(HttpClient client, string fileName, byte[] bytes, string title)
    {
        var page = await client.GetStringAsync(new Uri("/admin/dokumen", UriKind.Relative));
        var token = Personas.AntiforgeryToken(page);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(Personas.OpdA), "Input.Opd" },
            { new StringContent(title), "Input.Title" },
            { new StringContent("Laporan"), "Input.Category" },
        };
        var file = new ByteArrayContent(bytes);
        // The browser's claim is whatever the attacker says; the app must not care.
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(fileName.EndsWith(".pdf", StringComparison.Ordinal) ? "application/pdf" : "image/png");
        form.Add(file, "Input.File", fileName);
        var response = await client.PostAsync(new Uri("/admin/dokumen/Upload", UriKind.Relative), form);
        return await FollowAsync(client, response);
    }

    /// <summary>The POST's status, and the page a browser then shows (after the redirect of a change that went through).</summary>
    private static async Task<(HttpStatusCode Status, string Html)> FollowAsync(HttpClient client, HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect
            ? (response.StatusCode, await client.GetStringAsync(response.Headers.Location))
            : (response.StatusCode, await response.Content.ReadAsStringAsync());

    public static TheoryData<string, byte[], string> Refused() => new()
    {
        { "gambar.svg", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"), "HTML atau SVG tidak diterima" },
        { "laporan.pdf", Encoding.UTF8.GetBytes("<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"), "HTML atau SVG tidak diterima" },
        { "poliglot.pdf", Encoding.ASCII.GetBytes("%PDF-1.4\n%<html><script>alert(1)</script>\n1 0 obj << >> endobj\n%%EOF"), "memuat HTML atau skrip" },
        { "besar.pdf", [.. "%PDF-1.4\n"u8.ToArray(), .. new byte[App.MaxBytes]], "terlalu besar" },
        { "arsip.zip", ZipWith("catatan.txt"), "tidak dikenali" },
        { "kosong.pdf", [], "Pilih berkas" },
        { "program.exe", [0x4D, 0x5A, 0x90, 0x00, 0x03], "tidak dikenali" },
    };

    private static byte[] ZipWith(string entry)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var w = new StreamWriter(zip.CreateEntry(entry).Open());
            w.Write("isi");
        }
        return ms.ToArray();
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Bad_documents_are_refused_with_a_clear_message_and_nothing_is_stored(string fileName, byte[] bytes, string message)
    {
        var client = await Personas.SignInAsync(app, People.ReviewerA.Email);
        var title = "Tolak " + Guid.NewGuid().ToString("N")[..6];
        var filesBefore = System.IO.Directory.GetFiles(Path.Combine(app.DataDir, "uploads"), "*", SearchOption.AllDirectories).Length;
        var (status, html) = await UploadDocumentAsync(client, fileName, bytes, title);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Documents.CountAsync(d => d.Title == title)));
        Assert.Equal(filesBefore, System.IO.Directory.GetFiles(Path.Combine(app.DataDir, "uploads"), "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public async Task A_refused_upload_keeps_what_was_typed_and_asks_for_the_file_again()
    {
        var editor = await Personas.SignInAsync(app, People.EditorA.Email);
        var (status, html) = await UploadDocumentAsync(editor, "Rencana Kerja 2026.pdf", SatuPintu.Data.Demo.DemoDocuments.MinimalPdf("Renja", "uji"), " ");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("Dokumen tidak disimpan", html, StringComparison.Ordinal);
        // The OPD chosen is still chosen; the file cannot be, so the page says so by name.
        Assert.Matches($"<option (value=\"{Personas.OpdA}\" selected=\"selected\"|selected=\"selected\" value=\"{Personas.OpdA}\")", html);
        Assert.Contains("Pilih lagi berkas \"Rencana Kerja 2026.pdf\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editor_uploads_a_pdf_and_a_docx_that_wait_for_review_then_a_reviewer_publishes()
    {
        var editor = await Personas.SignInAsync(app, People.EditorA.Email);
        var title = "Laporan Kinerja " + Guid.NewGuid().ToString("N")[..6];
        var pdf = SatuPintu.Data.Demo.DemoDocuments.MinimalPdf(title, "uji");
        var (status, html) = await UploadDocumentAsync(editor, "Laporan Kinerja 2025.pdf", pdf, title);
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Contains("menunggu tinjauan", html, StringComparison.Ordinal);
        var doc = await app.WithDbAsync(db => db.Documents.SingleAsync(d => d.Title == title));
        Assert.Equal(PublicationStatus.Review, doc.Status);
        Assert.Equal("application/pdf", doc.ContentType);
        Assert.Equal("laporan-kinerja-2025.pdf", doc.FileName);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().FetchAsync($"/dokumen/{doc.Slug}")).Status);

        var word = await UploadDocumentAsync(editor, "formulir.docx", Docx(), "Formulir " + title);
        Assert.Equal(HttpStatusCode.Redirect, word.Status);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            await app.WithDbAsync(db => db.Documents.Where(d => d.Title == "Formulir " + title).Select(d => d.ContentType).SingleAsync()));

        var reviewer = await Personas.SignInAsync(app, People.ReviewerA.Email);
        var published = await Personas.PostFormAsync(reviewer, $"/admin/dokumen/Publish?id={doc.Id}", [], "/admin/dokumen");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        using var download = await app.Browser().GetAsync(new Uri($"/dokumen/{doc.Slug}/unduh", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
    }

    [Fact]
    public async Task Script_uploads_a_document_through_the_api_with_the_same_checks()
    {
        var api = Personas.Api(app, People.ReviewerA);
        var title = "Peraturan Bupati " + Guid.NewGuid().ToString("N")[..6];
        using var good = new MultipartFormDataContent
        {
            { new StringContent(Personas.OpdA), "opd" }, { new StringContent(title), "title" }, { new StringContent("Peraturan"), "category" },
            { new StringContent("3"), "regulationNumber" }, { new StringContent("2025"), "regulationYear" }, { new StringContent("berlaku"), "regulationStatus" },
            { new ByteArrayContent(SatuPintu.Data.Demo.DemoDocuments.MinimalPdf(title, "api")), "file", "perbup.pdf" },
        };
        var created = await api.PostAsync(new Uri("/api/v1/documents", UriKind.Relative), good);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("published", json.GetProperty("status").GetString());
        var download = new Uri(json.GetProperty("downloadUrl").GetString()!).PathAndQuery;
        Assert.Equal(HttpStatusCode.OK, (await app.Browser().GetAsync(new Uri(download, UriKind.Relative))).StatusCode);

        using var bad = new MultipartFormDataContent
        {
            { new StringContent(Personas.OpdA), "opd" }, { new StringContent("SVG"), "title" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("<svg onload=alert(1)>")), "file", "x.pdf" },
        };
        var refused = await api.PostAsync(new Uri("/api/v1/documents", UriKind.Relative), bad);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("HTML atau SVG", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Documents.CountAsync(d => d.Title == "SVG")));
    }

    private static async Task<(HttpStatusCode Status, string Html)> UploadImageAsync(HttpClient client, int articleId, byte[] bytes, string fileName)
    {
        var page = await client.GetStringAsync(new Uri($"/admin/artikel/{articleId}", UriKind.Relative));
        var token = Personas.AntiforgeryToken(page);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Kegiatan posyandu"), "ImageAlt" },
            { new ByteArrayContent(bytes), "Image", fileName },
        };
        var response = await client.PostAsync(new Uri($"/admin/artikel/{articleId}/Image", UriKind.Relative), form);
        return await FollowAsync(client, response);
    }

    [Fact]
    public async Task An_image_is_resized_re_encoded_inserted_and_served_safely()
    {
        var id = await TestArticles.CreateAsync(app, Personas.OpdA, PublicationStatus.Draft);
        var editor = await Personas.SignInAsync(app, People.EditorA.Email);
        var (status, html) = await UploadImageAsync(editor, id, Png(2400, 1200), "foto.png");
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Contains("Gambar diunggah", html, StringComparison.Ordinal);
        var media = await app.WithDbAsync(db => db.MediaFiles.OrderByDescending(m => m.Id).FirstAsync());
        Assert.Equal((1600, 800), (media.Width, media.Height));
        var body = await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.BodyHtml).SingleAsync());
        Assert.Contains($"<img src=\"{media.Url}\" alt=\"Kegiatan posyandu\">", body, StringComparison.Ordinal);

        foreach (var url in new[] { media.Url, media.ThumbnailUrl })
        {
            using var response = await app.Browser().GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("image/webp", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            using var decoded = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
            Assert.Equal(url == media.Url ? 1600 : 400, decoded.Width);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().FetchAsync("/media/..%2F..%2Fsatupintu.db")).Status);
    }

    public static TheoryData<string, byte[], string> BadImages() => new()
    {
        { "bom.png", PngBomb(), "terlalu besar" },
        { "terpotong.png", Png(400, 300)[..600], "rusak" },
        { "gambar.svg", Encoding.UTF8.GetBytes("<svg onload=\"alert(1)\"/>"), "HTML atau SVG" },
        { "dokumen.png", SatuPintu.Data.Demo.DemoDocuments.MinimalPdf("x", "y"), "tidak diterima di sini" },
    };

    [Theory]
    [MemberData(nameof(BadImages))]
    public async Task Bad_images_are_refused_and_nothing_is_stored(string fileName, byte[] bytes, string message)
    {
        var id = await TestArticles.CreateAsync(app, Personas.OpdA, PublicationStatus.Draft);
        var editor = await Personas.SignInAsync(app, People.EditorA.Email);
        var before = await app.WithDbAsync(db => db.MediaFiles.CountAsync());
        var (status, html) = await UploadImageAsync(editor, id, bytes, fileName);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.MediaFiles.CountAsync()));
        Assert.Equal("<p>Isi uji.</p>", await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.BodyHtml).SingleAsync()));
    }

    [Fact]
    public async Task An_editor_of_another_opd_cannot_add_images_to_this_article()
    {
        var id = await TestArticles.CreateAsync(app, Personas.OpdB, PublicationStatus.Draft);
        var editor = await Personas.SignInAsync(app, People.EditorA.Email);
        var before = await app.WithDbAsync(db => db.MediaFiles.CountAsync());
        var page = await editor.GetAsync(new Uri($"/admin/artikel/{id}", UriKind.Relative));
        Assert.Contains("/admin/ditolak", page.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.MediaFiles.CountAsync()));
    }
}
