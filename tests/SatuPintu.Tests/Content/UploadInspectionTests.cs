using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Content;
using SatuPintu.Tests.Infrastructure;
using SkiaSharp;

namespace SatuPintu.Tests.Content;

/// <summary>
/// Every upload — article image, document on the admin page, document through the API — passes the same
/// inspection (pixel limit from the header, markup check, re-encoding that drops EXIF and trailing bytes) and
/// the same size limit, enforced before an oversize body is read.
/// </summary>
public sealed class UploadInspectionTests(UploadTests.App app) : WithPersonas(app), IClassFixture<UploadTests.App>
{
    private const string GpsMarker = "GPS-LOKASI-RUMAH-3.6S-102.5E";

    private static byte[] Encoded(SKEncodedImageFormat format, int width = 64, int height = 48)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SeaGreen);
        }
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(format, 90).ToArray();
    }

    /// <summary>A real JPEG with an EXIF block (APP1) carrying a description and a GPS sub-IFD, as phones write it.</summary>
    private static byte[] JpegWithGps()
    {
        var jpeg = Encoded(SKEncodedImageFormat.Jpeg);
        var text = Encoding.ASCII.GetBytes(GpsMarker + "\0");
        // TIFF little endian: header (8) · IFD0 with 2 entries (2 + 24 + 4) · GPS IFD with 1 entry (2 + 12 + 4) · text
        var tiff = new byte[8 + 30 + 18 + text.Length];
        "II*\0"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt32LittleEndian(tiff.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(8), 2);
        Entry(tiff, 10, 0x010E, 2, (uint)text.Length, 8 + 30 + 18); // ImageDescription → text
        Entry(tiff, 22, 0x8825, 4, 1, 8 + 30);                     // GPSInfo → GPS IFD
        BinaryPrimitives.WriteUInt16LittleEndian(tiff.AsSpan(38), 1);
        Entry(tiff, 40, 0x0001, 2, 2, BinaryPrimitives.ReadUInt16LittleEndian("S\0"u8)); // GPSLatitudeRef "S"
        text.CopyTo(tiff, 56);
        byte[] app1 = [0xFF, 0xE1, 0, 0, .. "Exif\0\0"u8.ToArray(), .. tiff];
        BinaryPrimitives.WriteUInt16BigEndian(app1.AsSpan(2), (ushort)(app1.Length - 2));
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }

    private static void Entry(byte[] b, int at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(at), tag);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(at + 2), type);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(at + 4), count);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(at + 8), value);
    }

    private static byte[] PngWithHtmlTail() =>
        [.. Encoded(SKEncodedImageFormat.Png), .. "<html><body><script>alert(document.cookie)</script></body></html>"u8.ToArray()];

    /// <summary>A valid PNG whose header announces 50,000 × 50,000 pixels (10 GB decoded).</summary>
    private static byte[] PngBomb()
    {
        var png = Encoded(SKEncodedImageFormat.Png, 8, 8);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), 50_000);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), 50_000);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32(png.AsSpan(12, 17)));
        return png;
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
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

    private async Task<HttpResponseMessage> ApiUploadAsync(byte[] bytes, string fileName, string title)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Personas.OpdA), "opd" }, { new StringContent(title), "title" },
            { new ByteArrayContent(bytes), "file", fileName },
        };
        return await Personas.Api(app, People.ReviewerA).PostAsync(new Uri("/api/v1/documents", UriKind.Relative), form);
    }

    private static bool HasExif(byte[] b) => b.AsSpan().IndexOf("Exif\0\0"u8) >= 0;

    public static TheoryData<string, byte[], string> BadDocumentImages() => new()
    {
        { "poster.png", PngWithHtmlTail(), "memuat HTML atau skrip" },
        { "bom.png", PngBomb(), "terlalu besar (50000×50000 piksel)" },
    };

    [Theory]
    [MemberData(nameof(BadDocumentImages))]
    public async Task Images_offered_as_documents_get_the_image_checks(string fileName, byte[] bytes, string message)
    {
        var title = "Gambar " + Guid.NewGuid().ToString("N")[..6];
        var response = await ApiUploadAsync(bytes, fileName, title);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Documents.CountAsync(d => d.Title == title)));
    }

    [Fact]
    public async Task A_png_with_an_html_tail_is_refused_as_an_article_image_too()
    {
        var id = await TestArticles.CreateAsync(app, Personas.OpdA, PublicationStatus.Draft);
        var editor = await Personas.SignInAsync(app, People.EditorA.Email);
        var (status, html) = await UploadImageAsync(editor, id, PngWithHtmlTail(), "foto.png");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("memuat HTML atau skrip", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_jpeg_document_reaches_visitors_without_its_exif_gps()
    {
        var original = JpegWithGps();
        Assert.True(HasExif(original));
        using (var codec = SKCodec.Create(new SKMemoryStream(original)))
        {
            Assert.NotNull(codec); // the test file is a JPEG Skia reads
        }
        var title = "Foto lokasi " + Guid.NewGuid().ToString("N")[..6];
        var created = await ApiUploadAsync(original, "lokasi.jpg", title);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var download = new Uri((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("downloadUrl").GetString()!).PathAndQuery;
        var served = await app.Browser().GetByteArrayAsync(new Uri(download, UriKind.Relative));
        Assert.False(HasExif(served));
        Assert.Equal(-1, served.AsSpan().IndexOf(Encoding.ASCII.GetBytes(GpsMarker)));
        using var decoded = SKBitmap.Decode(served);
        Assert.Equal((64, 48), (decoded.Width, decoded.Height));
    }

    [Fact]
    public async Task A_jpeg_article_image_reaches_visitors_without_its_exif_gps()
    {
        var id = await TestArticles.CreateAsync(app, Personas.OpdA, PublicationStatus.Draft);
        var editor = await Personas.SignInAsync(app, People.EditorA.Email);
        var (status, _) = await UploadImageAsync(editor, id, JpegWithGps(), "lokasi.jpg");
        Assert.Equal(HttpStatusCode.OK, status);
        var media = await app.WithDbAsync(db => db.MediaFiles.OrderByDescending(m => m.Id).FirstAsync());
        var served = await app.Browser().GetByteArrayAsync(new Uri(media.Url, UriKind.Relative));
        Assert.False(HasExif(served));
        Assert.Equal(-1, served.AsSpan().IndexOf(Encoding.ASCII.GetBytes(GpsMarker)));
    }

    [Fact]
    public async Task An_api_upload_over_the_limit_is_a_413_problem_before_its_body_is_read()
    {
        var title = "Besar " + Guid.NewGuid().ToString("N")[..6];
        var response = await ApiUploadAsync([.. "%PDF-1.4\n"u8.ToArray(), .. new byte[3 * UploadTests.App.MaxBytes]], "besar.pdf", title);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("paling besar 512 KB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Documents.CountAsync(d => d.Title == title)));
    }

    [Fact]
    public async Task An_article_image_over_the_limit_gets_an_indonesian_413_page_and_nothing_is_stored()
    {
        var id = await TestArticles.CreateAsync(app, Personas.OpdA, PublicationStatus.Draft);
        var editor = await Personas.SignInAsync(app, People.EditorA.Email);
        var before = await app.WithDbAsync(db => db.MediaFiles.CountAsync());
        var (status, html) = await UploadImageAsync(editor, id, [.. Encoded(SKEncodedImageFormat.Png), .. new byte[3 * UploadTests.App.MaxBytes]], "besar.png");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("Berkas terlalu besar", html, StringComparison.Ordinal);
        Assert.Contains("paling besar 512 KB", html, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.MediaFiles.CountAsync()));
    }

    [Fact]
    public async Task An_article_image_just_over_the_limit_is_refused_on_the_editor_page()
    {
        var id = await TestArticles.CreateAsync(app, Personas.OpdA, PublicationStatus.Draft);
        var editor = await Personas.SignInAsync(app, People.EditorA.Email);
        var (status, html) = await UploadImageAsync(editor, id, [.. Encoded(SKEncodedImageFormat.Png), .. new byte[UploadTests.App.MaxBytes]], "agak-besar.png");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("terlalu besar", html, StringComparison.Ordinal);
        Assert.Contains("name=\"Input.Body\"", html, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, string Html)> UploadImageAsync(HttpClient client, int articleId, byte[] bytes, string fileName)
    {
        var page = await client.GetStringAsync(new Uri($"/admin/artikel/{articleId}", UriKind.Relative));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(Personas.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent("Kegiatan"), "ImageAlt" },
            { new ByteArrayContent(bytes), "Image", fileName },
        };
        var response = await client.PostAsync(new Uri($"/admin/artikel/{articleId}/Image", UriKind.Relative), form);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
