using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SatuPintu.BrowserTests.Infrastructure;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.BrowserTests;

/// <summary>
/// On a 320 px phone in real Chromium: an editor publishes a news item with a lead photo and an attached
/// PDF in one go, then proposes a correction that a reviewer accepts; the public page shows it "Diperbarui".
/// Every page axe-clean and without sideways scrolling.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class LeadImageCorrectionTests(BrowserFixture fixture)
{
    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/admin/masuk");
        await page.GetByLabel("Surel").FillAsync(email);
        await page.GetByLabel("Kata sandi").FillAsync(Personas.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin$"));
    }

    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SkiaSharp.SKBitmap(width, height);
        bitmap.Erase(new SkiaSharp.SKColor(120, 40, 30));
        using var png = SkiaSharp.SKImage.FromBitmap(bitmap).Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>A one-page PDF, enough for the upload inspector and a PDF reader.</summary>
    private static byte[] Pdf()
    {
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        ];
        var sb = new System.Text.StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(sb.Length);
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = sb.Length;
        sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets)
        {
            sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"{o:D10} 00000 n \n");
        }
        sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return System.Text.Encoding.ASCII.GetBytes(sb.ToString());
    }

    private static async Task FitsAsync(IPage page)
    {
        Assert.Empty(await PageChecks.AccessibilityFailuresAsync(page));
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"{page.Url} scrolls sideways by {overflow} px at 320 px");
    }

    [Fact]
    public async Task Editor_publishes_a_news_item_with_a_lead_photo_and_a_pdf_then_a_reviewer_accepts_a_correction()
    {
        var people = await Personas.CreateAsync(fixture.App);
        var title = "Panen raya kopi Kepahiang " + Guid.NewGuid().ToString("N")[..5];
        const string alt = "Petani memetik buah kopi merah di kebun";

        var editor = await fixture.NewPageAsync(320, 800);
        var checks = new PageChecks(editor);
        await SignInAsync(editor, people.EditorA.Email);
        await editor.GotoAsync("/admin/artikel/baru");
        await editor.GetByLabel("Judul").FillAsync(title);
        await editor.GetByLabel("Isi").FillAsync("Panen dimulai hari Senin di tiga kecamatan.");
        await editor.GetByLabel("Berkas gambar utama").SetInputFilesAsync(new FilePayload
        {
            Name = "kopi.png", MimeType = "image/png", Buffer = Png(1600, 900),
        });
        await editor.GetByLabel("Teks alternatif gambar utama").FillAsync(alt);
        await editor.GetByLabel("Keterangan", new() { Exact = true }).FillAsync("Panen kopi di Kecamatan Kabawetan");
        await editor.GetByLabel("Sumber foto").FillAsync("Diskominfo");
        await editor.GetByLabel("Berkas (PDF, DOCX, XLSX)").SetInputFilesAsync(new FilePayload
        {
            Name = "jadwal-panen.pdf", MimeType = "application/pdf", Buffer = Pdf(),
        });
        await editor.GetByLabel("Nama lampiran").FillAsync("Jadwal panen kopi");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Status)).ToContainTextAsync("disimpan");
        await Assertions.Expect(editor.GetByText("Jadwal panen kopi")).ToBeVisibleAsync();
        await FitsAsync(editor);
        var articleUrl = new Uri(editor.Url).AbsolutePath;
        await editor.GetByRole(AriaRole.Button, new() { Name = "Ajukan untuk ditinjau" }).ClickAsync();
        await Assertions.Expect(editor.Locator(".status").First).ToHaveTextAsync("Menunggu tinjauan");

        var reviewer = await fixture.NewPageAsync(320, 800);
        var reviewerChecks = new PageChecks(reviewer);
        await SignInAsync(reviewer, people.ReviewerA.Email);
        await FitsAsync(reviewer);
        await reviewer.GotoAsync(articleUrl);
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Terbitkan" }).ClickAsync();
        await Assertions.Expect(reviewer.Locator(".status").First).ToHaveTextAsync("Terbit");
        var publicUrl = new Uri(new Uri(reviewer.Url), await reviewer.GetByRole(AriaRole.Link, new() { Name = "Lihat di portal" }).GetAttributeAsync("href")).AbsolutePath;

        var visitor = await fixture.NewPageAsync(320, 800);
        var visitorChecks = new PageChecks(visitor);
        await visitor.GotoAsync(publicUrl);
        await Assertions.Expect(visitor.GetByRole(AriaRole.Img, new() { Name = alt })).ToBeVisibleAsync();
        Assert.True(await visitor.GetByRole(AriaRole.Img, new() { Name = alt }).EvaluateAsync<bool>("i => i.complete && i.naturalWidth > 0"));
        await Assertions.Expect(visitor.GetByText("Foto: Diskominfo")).ToBeVisibleAsync();
        await Assertions.Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "Jadwal panen kopi" })).ToBeVisibleAsync();
        Assert.StartsWith("http", await visitor.Locator("meta[property='og:image']").GetAttributeAsync("content"), StringComparison.Ordinal);
        await FitsAsync(visitor);
        await visitor.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDir, "berita-gambar-utama-320.png"), FullPage = true });

        await editor.GotoAsync(articleUrl);
        await editor.GetByLabel("Isi").FillAsync("Panen dimulai hari Selasa di tiga kecamatan.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Usulkan koreksi" }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Status)).ToContainTextAsync("Koreksi diusulkan");
        await FitsAsync(editor);
        await visitor.ReloadAsync();
        await Assertions.Expect(visitor.GetByText("hari Senin")).ToBeVisibleAsync();

        await reviewer.GotoAsync(articleUrl);
        await Assertions.Expect(reviewer.GetByRole(AriaRole.Heading, new() { Name = "Koreksi menunggu tinjauan" })).ToBeVisibleAsync();
        await FitsAsync(reviewer);
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Terima koreksi" }).ClickAsync();
        await Assertions.Expect(reviewer.GetByRole(AriaRole.Status)).ToContainTextAsync("Koreksi diterima");

        await visitor.ReloadAsync();
        await Assertions.Expect(visitor.GetByText("hari Selasa")).ToBeVisibleAsync();
        await Assertions.Expect(visitor.GetByText("Diperbarui")).ToBeVisibleAsync();
        await FitsAsync(visitor);
        foreach (var c in new[] { checks, reviewerChecks, visitorChecks })
        {
            Assert.True(c.Problems.Count == 0, string.Join("\n", c.Problems));
        }
        foreach (var p in new[] { editor, reviewer, visitor })
        {
            await p.Context.CloseAsync();
        }
    }
}
