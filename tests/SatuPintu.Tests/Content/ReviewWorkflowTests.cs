using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Content;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Content;

/// <summary>
/// What a reviewer publishes is exactly what they opened: a change while in review sends the item back to
/// draft, and a publish (or save) carrying an older version is refused with 409. Whatever has ever been
/// public needs a reviewer to delete, and an article's revisions outlive such a delete.
/// </summary>
public abstract class ReviewWorkflowTests(SatuPintuApp app) : WithPersonas(app)
{
    private static string Unique(string prefix) => prefix + " " + Guid.NewGuid().ToString("N")[..6];

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    private async Task<(int Id, int Version)> SubmittedArticleAsync()
    {
        var editor = Personas.Api(app, People.EditorA);
        var created = await JsonAsync(await editor.PostAsJsonAsync("/api/v1/articles", new { opd = Personas.OpdA, kind = "berita", title = Unique("Ditinjau"), body = "Versi yang ditinjau." }));
        var id = created.GetProperty("id").GetInt32();
        var submitted = await editor.PostAsync(new Uri($"/api/v1/articles/{id}/submit", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        return (id, (await JsonAsync(submitted)).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task An_article_changed_in_review_goes_back_to_draft_and_the_reviewed_version_cannot_be_published_over_it()
    {
        var (id, reviewed) = await SubmittedArticleAsync();
        var editor = Personas.Api(app, People.EditorA);
        var reviewer = Personas.Api(app, People.ReviewerA);

        var changed = await editor.PutAsJsonAsync($"/api/v1/articles/{id}", new { opd = Personas.OpdA, kind = "berita", title = "Diubah diam-diam", body = "Versi lain.", version = reviewed });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var json = await JsonAsync(changed);
        Assert.Equal("draft", json.GetProperty("status").GetString());
        Assert.Equal(reviewed + 1, json.GetProperty("version").GetInt32());

        var publish = await reviewer.PostAsJsonAsync($"/api/v1/articles/{id}/publish", new { version = reviewed });
        Assert.Equal(HttpStatusCode.Conflict, publish.StatusCode);
        Assert.Equal("application/problem+json", publish.Content.Headers.ContentType?.MediaType);
        Assert.Contains("sudah diubah", (await JsonAsync(publish)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(PublicationStatus.Draft, await TestArticles.StatusAsync(app, id));

        // A save based on the old version is refused too: nobody overwrites what they have not seen.
        var stale = await editor.PutAsJsonAsync($"/api/v1/articles/{id}", new { opd = Personas.OpdA, kind = "berita", title = "Basi", body = "x", version = reviewed });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var current = await reviewer.PostAsJsonAsync($"/api/v1/articles/{id}/publish", new { version = reviewed + 1 });
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal("Diubah diam-diam", await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Title).SingleAsync()));
    }

    [Fact]
    public async Task A_page_changed_in_review_goes_back_to_draft_and_the_reviewed_version_cannot_be_published()
    {
        var editor = Personas.Api(app, People.EditorA);
        var reviewer = Personas.Api(app, People.ReviewerA);
        var id = (await JsonAsync(await editor.PostAsJsonAsync("/api/v1/pages", new { opd = Personas.OpdA, title = Unique("Halaman ditinjau"), body = "Ditinjau." }))).GetProperty("id").GetInt32();
        var reviewed = (await JsonAsync(await editor.PostAsync(new Uri($"/api/v1/pages/{id}/submit", UriKind.Relative), null))).GetProperty("version").GetInt32();

        var changed = await editor.PutAsJsonAsync($"/api/v1/pages/{id}", new { title = "Halaman diubah", body = "Lain." });
        Assert.Equal("draft", (await JsonAsync(changed)).GetProperty("status").GetString());
        var publish = await reviewer.PostAsJsonAsync($"/api/v1/pages/{id}/publish", new { version = reviewed });
        Assert.Equal(HttpStatusCode.Conflict, publish.StatusCode);
        Assert.Equal(PublicationStatus.Draft, await TestArticles.PageStatusAsync(app, id));
    }

    [Fact]
    public async Task The_admin_publish_button_publishes_the_version_the_reviewer_saw_or_answers_409()
    {
        var (id, _) = await SubmittedArticleAsync();
        var reviewer = await Personas.SignInAsync(app, People.ReviewerA.Email);
        var url = $"/admin/artikel/{id}";
        var seen = await reviewer.GetOkAsync(url);
        var version = System.Text.RegularExpressions.Regex.Match(seen, "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value;
        Assert.NotEmpty(version);

        var editor = Personas.Api(app, People.EditorA);
        Assert.Equal(HttpStatusCode.OK, (await editor.PutAsJsonAsync($"/api/v1/articles/{id}", new { opd = Personas.OpdA, kind = "berita", title = "Sesudah dibuka", body = "Belum dilihat peninjau." })).StatusCode);

        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Personas.AntiforgeryToken(seen), ["Input.Version"] = version });
        var publish = await reviewer.PostAsync(new Uri(url + "/Publish", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.Conflict, publish.StatusCode);
        Assert.Contains("sudah diubah orang lain", await publish.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotEqual(PublicationStatus.Published, await TestArticles.StatusAsync(app, id));
    }

    [Fact]
    public async Task An_article_that_was_ever_public_needs_a_reviewer_to_delete_and_its_revisions_stay()
    {
        var (id, version) = await SubmittedArticleAsync();
        var editor = Personas.Api(app, People.EditorA);
        var reviewer = Personas.Api(app, People.ReviewerA);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/v1/articles/{id}/publish", new { version })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsync(new Uri($"/api/v1/articles/{id}/unpublish", UriKind.Relative), null)).StatusCode);
        Assert.Equal(PublicationStatus.Draft, await TestArticles.StatusAsync(app, id));

        Assert.Equal(HttpStatusCode.Forbidden, (await editor.DeleteAsync(new Uri($"/api/v1/articles/{id}", UriKind.Relative))).StatusCode);
        var revisions = await app.WithDbAsync(db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id));
        Assert.True(revisions >= 1);
        var ids = await app.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == id).Select(r => r.Id).ToListAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await reviewer.DeleteAsync(new Uri($"/api/v1/articles/{id}", UriKind.Relative))).StatusCode);
        Assert.Null(await TestArticles.StatusAsync(app, id));
        await TestArticles.PurgeAsync(app, id);
        Assert.Equal(ids.Count, await app.WithDbAsync(db => db.ArticleRevisions.CountAsync(r => ids.Contains(r.Id) && r.ArticleId == null)));

        // Work that was never public is the editor's to throw away, drafts and all.
        var draft = (await JsonAsync(await editor.PostAsJsonAsync("/api/v1/articles", new { opd = Personas.OpdA, kind = "berita", title = Unique("Draf"), body = "x" }))).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.NoContent, (await editor.DeleteAsync(new Uri($"/api/v1/articles/{draft}", UriKind.Relative))).StatusCode);
        await TestArticles.PurgeAsync(app, draft);
        Assert.Equal(0, await app.WithDbAsync(db => db.ArticleRevisions.CountAsync(r => r.ArticleId == draft)));
    }

    [Fact]
    public async Task A_page_that_was_ever_public_needs_a_reviewer_to_delete()
    {
        var id = await TestArticles.CreatePageAsync(app, Personas.OpdA, PublicationStatus.Published);
        var editor = Personas.Api(app, People.EditorA);
        var reviewer = Personas.Api(app, People.ReviewerA);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsync(new Uri($"/api/v1/pages/{id}/unpublish", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.DeleteAsync(new Uri($"/api/v1/pages/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await reviewer.DeleteAsync(new Uri($"/api/v1/pages/{id}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Another_opds_unpublished_items_answer_404_to_every_method_and_a_same_title_reveals_nothing()
    {
        var article = await TestArticles.CreateAsync(app, Personas.OpdB, PublicationStatus.Review, Unique("Rencana rahasia"));
        var page = await TestArticles.CreatePageAsync(app, Personas.OpdB, PublicationStatus.Review);
        var document = await TestArticles.CreateDocumentAsync(app, Personas.OpdB, PublicationStatus.Review);
        var editor = Personas.Api(app, People.EditorA);
        var requests = new List<(string What, Func<Task<HttpResponseMessage>> Send)>
        {
            ("GET article", () => editor.GetAsync(new Uri($"/api/v1/articles/{article}", UriKind.Relative))),
            ("PUT article", () => editor.PutAsJsonAsync($"/api/v1/articles/{article}", new { opd = Personas.OpdA, kind = "berita", title = "x", body = "x" })),
            ("DELETE article", () => editor.DeleteAsync(new Uri($"/api/v1/articles/{article}", UriKind.Relative))),
            ("submit article", () => editor.PostAsync(new Uri($"/api/v1/articles/{article}/submit", UriKind.Relative), null)),
            ("reject article", () => editor.PostAsJsonAsync($"/api/v1/articles/{article}/reject", new { reason = "x" })),
            ("GET page", () => editor.GetAsync(new Uri($"/api/v1/pages/{page}", UriKind.Relative))),
            ("PUT page", () => editor.PutAsJsonAsync($"/api/v1/pages/{page}", new { title = "x", body = "x" })),
            ("DELETE page", () => editor.DeleteAsync(new Uri($"/api/v1/pages/{page}", UriKind.Relative))),
            ("GET document", () => editor.GetAsync(new Uri($"/api/v1/documents/{document}", UriKind.Relative))),
            ("DELETE document", () => editor.DeleteAsync(new Uri($"/api/v1/documents/{document}", UriKind.Relative))),
            ("publish document", () => editor.PostAsync(new Uri($"/api/v1/documents/{document}/publish", UriKind.Relative), null)),
        };
        foreach (var (what, send) in requests)
        {
            using var response = await send();
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{what}: {(int)response.StatusCode}");
        }

        var title = await app.WithDbAsync(db => db.Articles.Where(a => a.Id == article).Select(a => new { a.Title, a.Slug }).SingleAsync());
        var created = await editor.PostAsJsonAsync("/api/v1/articles", new { opd = Personas.OpdA, kind = "berita", title = title.Title, body = "x" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var text = await created.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Personas.OpdB, text, StringComparison.Ordinal);
        Assert.NotEqual(title.Slug, (await JsonAsync(created)).GetProperty("slug").GetString());
    }

    [Fact]
    public async Task An_articles_uploaded_images_are_gone_from_media_with_the_article()
    {
        var id = await TestArticles.CreateAsync(app, Personas.OpdA, PublicationStatus.Draft);
        var shared = await TestArticles.CreateAsync(app, Personas.OpdA, PublicationStatus.Draft);
        var editor = await Personas.SignInAsync(app, People.EditorA.Email);
        async Task<string> UploadAsync(int articleId)
        {
            var page = await editor.GetStringAsync(new Uri($"/admin/artikel/{articleId}", UriKind.Relative));
            using var bitmap = new SkiaSharp.SKBitmap(30, 20);
            using var png = SkiaSharp.SKImage.FromBitmap(bitmap).Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
            using var form = new MultipartFormDataContent
            {
                { new StringContent(Personas.AntiforgeryToken(page)), "__RequestVerificationToken" },
                { new ByteArrayContent(png.ToArray()), "Image", "foto.png" },
            };
            Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync(new Uri($"/admin/artikel/{articleId}/Image", UriKind.Relative), form)).StatusCode);
            return await app.WithDbAsync(db => db.MediaFiles.OrderByDescending(m => m.Id).Select(m => m.StoredName).FirstAsync());
        }
        var own = await UploadAsync(id);
        var both = await UploadAsync(shared);
        // The second image also appears in the first article: it stays while another article shows it.
        await app.WithDbAsync(async db =>
        {
            var a = await db.Articles.SingleAsync(x => x.Id == id);
            a.BodyMarkdown += $"\n\n![](/media/{both})";
            return await db.SaveChangesAsync();
        });
        var visitor = app.Browser();
        Assert.Equal(HttpStatusCode.OK, (await visitor.FetchAsync($"/media/{own}")).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await Personas.Api(app, People.EditorA).DeleteAsync(new Uri($"/api/v1/articles/{id}", UriKind.Relative))).StatusCode);
        // In the bin the images stay (a restore brings the article back whole); the purge takes them.
        Assert.Equal(HttpStatusCode.OK, (await visitor.FetchAsync($"/media/{own}")).Status);
        await TestArticles.PurgeAsync(app, id);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.FetchAsync($"/media/{own}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.FetchAsync($"/media/{SatuPintu.Content.Uploads.MediaFile.ThumbnailName(own)}")).Status);
        Assert.False(await app.WithDbAsync(db => db.MediaFiles.AnyAsync(m => m.StoredName == own)));
        Assert.Equal(HttpStatusCode.OK, (await visitor.FetchAsync($"/media/{both}")).Status);
    }
}

[Collection(Hosts.ManyLoginsAccounts)]
public sealed class SqliteReviewWorkflowTests(ManyLoginsApp app) : ReviewWorkflowTests(app);

[Collection(Hosts.PostgresContent)]
public sealed class PostgresReviewWorkflowTests(PostgresApp app) : ReviewWorkflowTests(app);
