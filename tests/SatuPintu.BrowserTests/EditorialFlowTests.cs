using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SatuPintu.BrowserTests.Infrastructure;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.BrowserTests;

/// <summary>
/// The newsroom in real Chromium: an editor writes and submits, a reviewer publishes, the public sees it.
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
        Assert.Empty(await PageChecks.AccessibilityFailuresAsync(editor));
        await editor.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDir, "admin-penyunting.png"), FullPage = true });
        await editor.GetByRole(AriaRole.Button, new() { Name = "Ajukan untuk ditinjau" }).ClickAsync();
        await Assertions.Expect(editor.Locator(".status")).ToHaveTextAsync("Ditinjau");
        Assert.Equal(0, await editor.GetByRole(AriaRole.Button, new() { Name = "Terbitkan" }).CountAsync());
        Assert.True(checks.Problems.Count == 0, string.Join("\n", checks.Problems));

        var reviewer = await fixture.NewPageAsync();
        await SignInAsync(reviewer, people.ReviewerA.Email);
        await Assertions.Expect(reviewer.GetByRole(AriaRole.Link, new() { Name = "1 artikel" })).ToBeVisibleAsync();
        Assert.Empty(await PageChecks.AccessibilityFailuresAsync(reviewer));
        await reviewer.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ArtifactsDir, "admin-dasbor.png"), FullPage = true });
        await reviewer.GetByRole(AriaRole.Link, new() { Name = "1 artikel" }).ClickAsync();
        await reviewer.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Terbitkan" }).ClickAsync();
        await Assertions.Expect(reviewer.Locator(".status")).ToHaveTextAsync("Terbit");

        var visitor = await fixture.NewPageAsync();
        await visitor.GotoAsync("/opd/dinkes");
        await visitor.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Assertions.Expect(visitor.Locator("h1")).ToHaveTextAsync(title);
        await Assertions.Expect(visitor.GetByRole(AriaRole.Link, new() { Name = "Kesehatan", Exact = true })).ToBeVisibleAsync();
        await visitor.GotoAsync("/");
        await Assertions.Expect(visitor.GetByRole(AriaRole.Link, new() { Name = title })).ToBeVisibleAsync();
        foreach (var p in new[] { editor, reviewer, visitor })
        {
            await p.Context.CloseAsync();
        }
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
            var scripts = await page.EvaluateAsync<int>("document.querySelectorAll('script, iframe, object, embed, [onerror], [onload], [onclick], [onmouseover]').length");
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
