using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;
using SatuPintu.BrowserTests.Infrastructure;
using SatuPintu.Content.Uploads;
using SatuPintu.Tests.Infrastructure;
using SkiaSharp;

namespace SatuPintu.BrowserTests;

/// <summary>
/// The newsroom in real Chromium: an editor writes, adds a photo and submits, a reviewer publishes, the public sees it.
/// And every XSS vector of the shared corpora, published, runs no script even with the CSP bypassed.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EditorialFlowTests(BrowserFixture fixture)
{
    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/admin/masuk");
        await page.GetByLabel("Surel").FillAsync(email);
        await page.GetByLabel("Kata sandi").FillAsync(Personas.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin$"));
    }

    private const int PhotoWidth = 2400;
    private const int PhotoHeight = 1350;

    /// <summary>
    /// A camera-like JPEG (sky, sun, terraced hills), wider than the portal keeps so the resize shows,
    /// and with enough detail to weigh what a phone photo weighs after a messenger app is done with it.
    /// </summary>
    private static byte[] Photo()
    {
        using var bitmap = new SKBitmap(PhotoWidth, PhotoHeight);
        using (var canvas = new SKCanvas(bitmap))
        {
            using var sky = new SKPaint
            {
                Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, PhotoHeight),
                    [new SKColor(0x3B, 0x7D, 0xC4), new SKColor(0xF4, 0xC9, 0x6B)], SKShaderTileMode.Clamp),
            };
            canvas.DrawRect(0, 0, PhotoWidth, PhotoHeight, sky);
            using var sun = new SKPaint { Color = new SKColor(0xFF, 0xE8, 0x9A), IsAntialias = true };
            canvas.DrawCircle(PhotoWidth * 0.72f, PhotoHeight * 0.28f, 150, sun);
            SKColor[] greens = [new(0x5E, 0x8C, 0x3A), new(0x3F, 0x6E, 0x2A), new(0x2C, 0x52, 0x1E)];
            for (var layer = 0; layer < greens.Length; layer++)
            {
                var top = PhotoHeight * (0.45f + (0.15f * layer));
                using var hill = new SKPath();
                hill.MoveTo(0, PhotoHeight);
                for (var x = 0; x <= PhotoWidth; x += 40)
                {
                    hill.LineTo(x, top + (60 * MathF.Sin((x / 300f) + layer)) + (25 * MathF.Sin(x / 47f)));
                }
                hill.LineTo(PhotoWidth, PhotoHeight);
                hill.Close();
                using var fill = new SKPaint { Color = greens[layer], IsAntialias = true };
                canvas.DrawPath(hill, fill);
                // Terrace rows: fine detail, as in a real landscape.
                using var row = new SKPaint { Color = greens[layer].WithAlpha(0x90), StrokeWidth = 2, IsAntialias = true, Style = SKPaintStyle.Stroke };
                for (var y = top + 30; y < PhotoHeight; y += 9)
                {
                    canvas.DrawLine(0, y + (8 * MathF.Sin(y)), PhotoWidth, y + (8 * MathF.Cos(y)), row);
                }
            }
        }
        // Sensor grain (a fixed pseudo-random sequence): what makes a real photo's JPEG weigh what it does.
        var pixels = bitmap.GetPixelSpan();
        var state = 2463534242u;
        for (var i = 0; i < pixels.Length; i += 4)
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            var grain = (int)(state % 9) - 4;
            for (var c = 0; c < 3; c++)
            {
                pixels[i + c] = (byte)Math.Clamp(pixels[i + c] + grain, 0, 255);
            }
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return jpeg.ToArray();
    }

    [Fact]
    public async Task Admin_writes_a_regency_page_publishes_it_and_ends_another_session()
    {
        var people = await Personas.CreateAsync(fixture.App);
        var title = "Maklumat Pelayanan " + Guid.NewGuid().ToString("N")[..5];

        // The same admin is also signed in elsewhere (a second browser context).
        var elsewhere = await fixture.NewPageAsync();
        await SignInAsync(elsewhere, people.Admin.Email);

        var admin = await fixture.NewPageAsync();
        var checks = new PageChecks(admin);
        await SignInAsync(admin, people.Admin.Email);
        await admin.GetByRole(AriaRole.Link, new() { Name = "Halaman", Exact = true }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = "Halaman", Exact = true })).ToBeVisibleAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "Buat halaman" }).First.ClickAsync();
        await admin.GetByLabel("Pemilik").SelectOptionAsync(new SelectOptionValue { Label = "Kabupaten (halaman portal)" });
        await admin.GetByLabel("Judul").FillAsync(title);
        await admin.GetByLabel("Isi").FillAsync("Kami **sanggup** memberikan pelayanan sesuai standar.\n\n- cepat\n- tanpa pungutan");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("disimpan");
        Assert.Empty(await PageChecks.AccessibilityFailuresAsync(admin));
        await admin.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDir, "admin-halaman.png"), FullPage = true });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Terbitkan" }).ClickAsync();
        await Assertions.Expect(admin.Locator(".status")).ToHaveTextAsync("Terbit");
        await admin.GetByRole(AriaRole.Link, new() { Name = "Lihat di portal" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator(".prose strong")).ToHaveTextAsync("sanggup");
        Assert.Empty(await PageChecks.AccessibilityFailuresAsync(admin));

        // Sessions: two listed, this one marked; ending the other signs that browser out at once.
        await admin.GotoAsync("/admin/akun/token");
        await Assertions.Expect(admin.GetByText("(sesi ini)")).ToHaveCountAsync(1);
        await Assertions.Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Akhiri" })).ToHaveCountAsync(1);
        Assert.Empty(await PageChecks.AccessibilityFailuresAsync(admin));
        await admin.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDir, "admin-sesi.png"), FullPage = true });
        await admin.GetByRole(AriaRole.Button, new() { Name = "Akhiri" }).ClickAsync();
        await Assertions.Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("Sesi diakhiri");
        await elsewhere.GotoAsync("/admin/halaman");
        await Assertions.Expect(elsewhere).ToHaveURLAsync(new Regex("/admin/masuk"));
        Assert.True(checks.Problems.Count == 0, string.Join("\n", checks.Problems));
    }

    [Fact]
    public async Task Editor_writes_and_submits_reviewer_publishes_and_it_appears_on_the_portal()
    {
        var people = await Personas.CreateAsync(fixture.App);
        var title = "Posyandu keliling di Desa Tebat Monok " + Guid.NewGuid().ToString("N")[..5];

        var editor = await fixture.NewPageAsync();
        var checks = new PageChecks(editor);
        await SignInAsync(editor, people.EditorA.Email);
        await Assertions.Expect(editor.GetByRole(AriaRole.Heading, new() { Name = "Dasbor" })).ToBeVisibleAsync();
        await editor.GetByRole(AriaRole.Link, new() { Name = "Tulis artikel" }).First.ClickAsync();
        await editor.GetByLabel("Judul").FillAsync(title);
        await editor.GetByLabel("Ringkasan").FillAsync("Pelayanan kesehatan ibu dan anak langsung di desa.");
        await editor.GetByLabel("Isi").FillAsync("Posyandu keliling **Dinas Kesehatan** hadir setiap Selasa.\n\n- timbang bayi\n- imunisasi\n\n<p style=\"color:red\" onclick=\"alert(1)\">Tempelan dari Word</p>");
        await editor.GetByLabel("Kesehatan").CheckAsync();
        await editor.GetByRole(AriaRole.Button, new() { Name = "Simpan" }).ClickAsync();
        await Assertions.Expect(editor.GetByRole(AriaRole.Status)).ToContainTextAsync("disimpan");
        await Assertions.Expect(editor.Locator(".prose strong")).ToHaveTextAsync("Dinas Kesehatan");
        Assert.Equal(0, await editor.Locator(".prose [onclick], .prose [style]").CountAsync());

        // The photo: picked through the file input, uploaded with the form's button, re-encoded to WebP
        // at the configured width and shown in the preview.
        var keptWidth = fixture.App.Services.GetRequiredService<IOptions<UploadOptions>>().Value.ImageWidth;
        Assert.True(keptWidth < PhotoWidth, "the test photo must be wider than the portal keeps, so the resize is seen");
        var keptHeight = (int)Math.Round(PhotoHeight * (keptWidth / (double)PhotoWidth));
        var photo = Photo();
        Assert.True(photo.Length > 100_000, $"the test photo weighs only {photo.Length} bytes");
        const string alt = "Petugas posyandu menimbang bayi di balai desa";
        await editor.GetByLabel("Berkas gambar", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "posyandu.jpg", MimeType = "image/jpeg", Buffer = photo });
        await editor.GetByLabel("Teks alternatif", new() { Exact = true }).FillAsync(alt);
        var editorMedia = await editor.RunAndWaitForResponseAsync(
            () => editor.GetByRole(AriaRole.Button, new() { Name = "Unggah gambar" }).ClickAsync(),
            r => new Uri(r.Url).AbsolutePath.StartsWith("/media/", StringComparison.Ordinal));
        await Assertions.Expect(editor.GetByRole(AriaRole.Status)).ToContainTextAsync("Gambar diunggah");
        var mediaPath = await AssertImageLoadedAsync(editor, alt, editorMedia, keptWidth, keptHeight);
        await Assertions.Expect(editor.GetByLabel("Isi")).ToHaveValueAsync(new Regex(Regex.Escape($"![{alt}]({mediaPath})") + "$"));
        Assert.Empty(await PageChecks.AccessibilityFailuresAsync(editor));
        await editor.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDir, "admin-penyunting.png"), FullPage = true });
        await editor.GetByRole(AriaRole.Button, new() { Name = "Ajukan untuk ditinjau" }).ClickAsync();
        await Assertions.Expect(editor.Locator(".status")).ToHaveTextAsync("Menunggu tinjauan");
        Assert.Equal(0, await editor.GetByRole(AriaRole.Button, new() { Name = "Terbitkan" }).CountAsync());
        Assert.True(checks.Problems.Count == 0, string.Join("\n", checks.Problems));

        var reviewer = await fixture.NewPageAsync();
        var reviewerChecks = new PageChecks(reviewer);
        await SignInAsync(reviewer, people.ReviewerA.Email);
        await Assertions.Expect(reviewer.GetByRole(AriaRole.Link, new() { Name = "1 artikel" })).ToBeVisibleAsync();
        Assert.Empty(await PageChecks.AccessibilityFailuresAsync(reviewer));
        await reviewer.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDir, "admin-dasbor.png"), FullPage = true });
        await reviewer.GetByRole(AriaRole.Link, new() { Name = "1 artikel" }).ClickAsync();
        await reviewer.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Terbitkan" }).ClickAsync();
        await Assertions.Expect(reviewer.Locator(".status")).ToHaveTextAsync("Terbit");
        Assert.True(reviewerChecks.Problems.Count == 0, string.Join("\n", reviewerChecks.Problems));

        // The public sees the photo, from a browser that has none of it cached.
        var visitor = await fixture.NewPageAsync();
        var visitorChecks = new PageChecks(visitor);
        await visitor.GotoAsync("/opd/dinkes");
        var publicMedia = await visitor.RunAndWaitForResponseAsync(
            () => visitor.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync(),
            r => new Uri(r.Url).AbsolutePath == mediaPath);
        await Assertions.Expect(visitor.Locator("h1")).ToHaveTextAsync(title);
        Assert.Equal(mediaPath, await AssertImageLoadedAsync(visitor, alt, publicMedia, keptWidth, keptHeight));
        await Assertions.Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "Kesehatan", Exact = true })).ToBeVisibleAsync();
        await visitor.GotoAsync("/");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
        Assert.True(visitorChecks.Problems.Count == 0, string.Join("\n", visitorChecks.Problems));
        foreach (var p in new[] { editor, reviewer, visitor })
        {
            await p.Context.CloseAsync();
        }
    }

    /// <summary>
    /// The article's one image in <c>.prose</c>: served from /media/ as WebP, decoded by the browser at the
    /// size the portal keeps. Returns its path.
    /// </summary>
    private static async Task<string> AssertImageLoadedAsync(IPage page, string alt, IResponse served, int width, int height)
    {
        var img = page.Locator(".prose img");
        await Assertions.Expect(img).ToHaveCountAsync(1);
        await Assertions.Expect(img).ToHaveAttributeAsync("alt", alt);
        await Assertions.Expect(img).ToHaveAttributeAsync("src", new Regex("^/media/[a-f0-9]{24}\\.webp$"));
        var src = (await img.GetAttributeAsync("src"))!;
        Assert.Equal(src, new Uri(served.Url).AbsolutePath);
        Assert.Equal(200, served.Status);
        Assert.Equal("image/webp", await served.HeaderValueAsync("content-type"));
        // Expect retries until the browser has decoded the image; a broken image stays at 0.
        await Assertions.Expect(img).ToHaveJSPropertyAsync("complete", true);
        await Assertions.Expect(img).ToHaveJSPropertyAsync("naturalWidth", width);
        await Assertions.Expect(img).ToHaveJSPropertyAsync("naturalHeight", height);
        await Assertions.Expect(img).ToBeVisibleAsync();
        return src;
    }

    [Fact]
    public async Task Published_xss_vectors_run_no_script_even_without_the_csp()
    {
        var people = await Personas.CreateAsync(fixture.App);
        var api = fixture.App.CreateClient();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", people.ReviewerA.Token);
        var vectors = XssVectors.Load();
        var urls = new List<string>();
        // Forty vectors to an article, each also as a title, keeps the browser part short.
        foreach (var chunk in vectors.Chunk(40))
        {
            var body = string.Join("\n\n", chunk);
            var title = chunk.First(v => !string.IsNullOrWhiteSpace(v));
            var created = await api.PostAsJsonAsync("/api/v1/articles", new { opd = Personas.OpdA, kind = "berita", title = title.Length > 300 ? title[..300] : title, body });
            created.EnsureSuccessStatusCode();
            var json = await created.Content.ReadFromJsonAsync<JsonElement>();
            (await api.PostAsync(new Uri($"/api/v1/articles/{json.GetProperty("id").GetInt32()}/publish", UriKind.Relative), null)).EnsureSuccessStatusCode();
            urls.Add(new Uri(json.GetProperty("url").GetString()!).PathAndQuery);
        }

        // The CSP would block inline script anyway; bypass it so this proves the sanitizer on its own.
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.BaseUrl.ToString(), BypassCSP = true });
        await context.AddInitScriptAsync("""
            window.__fired = [];
            for (const name of ['alert', 'prompt', 'confirm', 'print', 'open', 'fetch', 'setTimeout', 'setInterval']) {
              const original = window[name];
              window[name] = function (...args) {
                if ((name === 'setTimeout' || name === 'setInterval') && typeof args[0] === 'function') return original.apply(this, args);
                window.__fired.push(name + ':' + String(args[0]).slice(0, 60));
                return name === 'fetch' ? Promise.reject(new Error('blocked')) : undefined;
              };
            }
            const xhrOpen = XMLHttpRequest.prototype.open;
            XMLHttpRequest.prototype.open = function (...args) { window.__fired.push('xhr:' + args[1]); return xhrOpen.apply(this, args); };
            """);
        var page = await context.NewPageAsync();
        var fired = new List<string>();
        foreach (var url in urls.Append("/berita").Append("/opd/dinkes").Append("/"))
        {
            await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Load });
            await page.WaitForTimeoutAsync(100);
            var calls = await page.EvaluateAsync<string>("() => JSON.stringify(window.__fired === undefined ? ['hook missing'] : window.__fired)");
            fired.AddRange(JsonSerializer.Deserialize<string[]>(calls)!.Select(c => $"{url}: {c}"));
            // The JSON-LD data block is a script element the browser never runs.
            var scripts = await page.EvaluateAsync<int>("document.querySelectorAll('script:not([type=\"application/ld+json\"]), iframe, object, embed, [onerror], [onload], [onclick], [onmouseover]').length");
            Assert.True(scripts == 0, $"{url} has {scripts} script-capable elements");
        }
        Assert.True(fired.Count == 0, "injected script ran:\n" + string.Join("\n", fired));
        // Control: the hook does see a call when one happens.
        await page.EvaluateAsync("() => alert('kontrol')");
        Assert.Contains("alert:kontrol", await page.EvaluateAsync<string>("() => JSON.stringify(window.__fired)"), StringComparison.Ordinal);
        await context.CloseAsync();
    }
}

/// <summary>The vectors of ../shared/corpora/xss, as in the integration tests.</summary>
internal static class XssVectors
{
    public static IReadOnlyList<string> Load()
    {
        var dir = Corpus.Path("xss");
        var vectors = new List<string>();
        foreach (var c in JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "htmlsanitizer", "cases.json"))).RootElement.EnumerateArray())
        {
            vectors.Add(c.GetProperty("input").GetString()!);
        }
        foreach (var c in JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "dompurify", "expect.json"))).RootElement.EnumerateArray())
        {
            vectors.Add(c.GetProperty("payload").GetString()!);
        }
        return vectors;
    }
}
