using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Content;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Content;

/// <summary>
/// Every vector of the shared XSS corpora (HtmlSanitizer's and DOMPurify's test data) as an article
/// body and as a title, through the API and through the admin form: what is stored and what the
/// portal renders has no script, event handler, script URL or dangerous element.
/// </summary>
[Collection(Hosts.ManyLoginsAdmin)]
public sealed partial class XssTests(ManyLoginsApp app) : WithPersonas(app)
{
    public static IReadOnlyList<string> Vectors { get; } = LoadVectors();

    private static List<string> LoadVectors()
    {
        var dir = Corpus.Path("xss");
        var vectors = new List<string>();
        foreach (var c in JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(dir, "htmlsanitizer", "cases.json"))).RootElement.EnumerateArray())
        {
            vectors.Add(c.GetProperty("input").GetString()!);
        }
        foreach (var c in JsonDocument.Parse(File.ReadAllText(System.IO.Path.Combine(dir, "dompurify", "expect.json"))).RootElement.EnumerateArray())
        {
            vectors.Add(c.GetProperty("payload").GetString()!);
        }
        // Paste from Word: the markup must come out as plain structure.
        vectors.Add("<p class=MsoNormal style='margin:0;font-family:Calibri'><span lang=EN-US style='color:red'>Rapat <b>penting</b></span><o:p></o:p></p><!--[if gte mso 9]><xml><o:OfficeDocumentSettings></o:OfficeDocumentSettings></xml><![endif]-->");
        return vectors;
    }

    [System.Text.RegularExpressions.GeneratedRegex("<script type=\"application/ld\\+json\">[^<]*</script>")]
    private static partial System.Text.RegularExpressions.Regex JsonLdBlock();

    private static readonly HashSet<string> Dangerous = ["script", "iframe", "object", "embed", "svg", "math", "style", "link", "meta", "base", "form", "input", "button", "textarea", "select", "frame", "frameset", "applet", "template", "noscript"];

    /// <summary>The checks a stored body or a rendered page must pass.</summary>
    public static IReadOnlyList<string> Problems(string html, bool wholePage = false)
    {
        var doc = new HtmlParser().ParseDocument(html);
        var problems = new List<string>();
        foreach (var e in doc.All)
        {
            var name = e.LocalName;
            // The portal's own page has a search form and an inline SVG logo; inside the article, nothing of the kind.
            var inArticle = !wholePage || e.ParentElement?.Closest(".prose, article h1") is not null;
            if (inArticle && Dangerous.Contains(name))
            {
                problems.Add($"<{name}>");
            }
            foreach (var a in e.Attributes)
            {
                if (a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"{name}[{a.Name}]");
                }
                if (inArticle && a.Name is "style" or "class" or "id" or "srcset" or "formaction" or "action" or "xlink:href")
                {
                    problems.Add($"{name}[{a.Name}]");
                }
                var value = new string(a.Value.Where(ch => !char.IsWhiteSpace(ch) && !char.IsControl(ch)).ToArray());
                if (a.Name is "href" or "src" && (value.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
                    || value.StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase) || value.StartsWith("data:", StringComparison.OrdinalIgnoreCase)))
                {
                    problems.Add($"{name}[{a.Name}={a.Value}]");
                }
            }
        }
        return problems;
    }

    [Fact]
    public void Corpus_is_there()
    {
        Assert.True(Vectors.Count > 390, $"{Vectors.Count} vectors");
    }

    [Fact]
    public async Task Vectors_as_bodies_and_titles_through_the_api_are_stored_and_rendered_harmless()
    {
        var editor = Personas.Api(app, People.EditorA);
        var reviewer = Personas.Api(app, People.ReviewerA);
        var portal = app.Browser();
        var failures = new List<string>();
        for (var i = 0; i < Vectors.Count; i++)
        {
            var v = Vectors[i];
            var title = v.Length > ArticlePublishing.MaxTitle ? v[..ArticlePublishing.MaxTitle] : v;
            var created = await editor.PostAsJsonAsync("/api/v1/articles", new { opd = Personas.OpdA, kind = "berita", title = string.IsNullOrWhiteSpace(title) ? "kosong" : title, body = v });
            if (created.StatusCode == HttpStatusCode.BadRequest)
            {
                continue; // e.g. a vector that is only whitespace once tags are removed from the title: refused, nothing stored
            }
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var json = await created.Content.ReadFromJsonAsync<JsonElement>();
            var id = json.GetProperty("id").GetInt32();
            var stored = json.GetProperty("bodyHtml").GetString()!;
            failures.AddRange(Problems(stored).Select(p => $"#{i} stored {p}"));
            var published = await reviewer.PostAsync(new Uri($"/api/v1/articles/{id}/publish", UriKind.Relative), null);
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
            var page = await portal.GetOkAsync(new Uri(json.GetProperty("url").GetString()!).PathAndQuery);
            failures.AddRange(Problems(page, wholePage: true).Select(p => $"#{i} page {p}"));
            // The one script element allowed is the page's JSON-LD data block, and it holds no markup at all.
            Assert.DoesNotContain("<script", JsonLdBlock().Replace(page, ""), StringComparison.OrdinalIgnoreCase);
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
        var everything = await app.WithDbAsync(db => db.Articles.Where(a => a.Opd!.Slug == Personas.OpdA).Select(a => a.BodyHtml).ToListAsync());
        Assert.All(everything, html => Assert.Empty(Problems(html)));
    }

    [Fact]
    public async Task Vectors_through_the_admin_form_are_stored_harmless()
    {
        var client = await Personas.SignInAsync(app, People.EditorA.Email);
        var failures = new List<string>();
        foreach (var (v, i) in Vectors.Select((v, i) => (v, i)))
        {
            var response = await Personas.PostFormAsync(client, "/admin/artikel/baru/Save", new()
            {
                ["Input.Opd"] = Personas.OpdA, ["Input.Kind"] = "berita", ["Input.Title"] = $"Formulir {i} " + (v.Length > 200 ? v[..200] : v), ["Input.Body"] = v,
            }, "/admin/artikel/baru");
            if (v.Contains('\0', StringComparison.Ordinal))
            {
                // ASP.NET Core refuses a form carrying a NUL byte outright: 400, nothing stored.
                Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
                continue;
            }
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"#{i} answered {(int)response.StatusCode}");
            var edit = await client.GetStringAsync(response.Headers.Location);
            // The editor's own preview renders the stored HTML: it must be as harmless as the public page.
            var preview = new HtmlParser().ParseDocument(edit).QuerySelector(".prose")?.InnerHtml ?? "";
            failures.AddRange(Problems(preview).Select(p => $"#{i} preview {p}"));
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
    }

    [Fact]
    public void Word_paste_comes_out_clean()
    {
        var html = new HtmlCleaner().FromMarkdown(Vectors[^1]);
        Assert.Equal("<p>Rapat <b>penting</b></p>", html);
    }
}
