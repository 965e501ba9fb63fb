using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Content;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Content;

/// <summary>The content API end to end: write, submit, publish, see it on the portal; validation and problem details.</summary>
public abstract class ArticlesApiTests(SatuPintuApp app) : WithPersonas(app)
{
    [Fact]
    public async Task Script_creates_an_article_a_reviewer_publishes_it_and_it_appears_on_the_portal()
    {
        var editor = Personas.Api(app, People.EditorA);
        var title = "Vaksinasi massal di Puskesmas Kepahiang " + Guid.NewGuid().ToString("N")[..6];
        var created = await editor.PostAsJsonAsync("/api/v1/articles", new { opd = Personas.OpdA, kind = "berita", title, body = "Warga **diimbau** hadir.\n\n- bawa KTP" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = json.GetProperty("id").GetInt32();
        var url = new Uri(json.GetProperty("url").GetString()!);
        Assert.Equal("draft", json.GetProperty("status").GetString());
        Assert.Equal($"/api/v1/articles/{id}", created.Headers.Location?.ToString());
        Assert.Contains("<strong>diimbau</strong>", json.GetProperty("bodyHtml").GetString(), StringComparison.Ordinal);

        var portal = app.Browser();
        Assert.Equal(HttpStatusCode.NotFound, (await portal.FetchAsync(url.PathAndQuery)).Status);

        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync(new Uri($"/api/v1/articles/{id}/submit", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsync(new Uri($"/api/v1/articles/{id}/publish", UriKind.Relative), null)).StatusCode);

        var reviewer = Personas.Api(app, People.ReviewerA);
        var published = await reviewer.PostAsync(new Uri($"/api/v1/articles/{id}/publish", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("published", (await published.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        var page = await portal.GetOkAsync(url.PathAndQuery);
        Assert.Contains(title, page, StringComparison.Ordinal);
        Assert.Contains(title, await portal.GetOkAsync($"/opd/{Personas.OpdA}"), StringComparison.Ordinal);
        Assert.Contains(title, await portal.GetOkAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validation_errors_are_problem_details_per_field_and_change_nothing()
    {
        var before = await app.WithDbAsync(db => db.Articles.CountAsync());
        var response = await Personas.Api(app, People.Admin).PostAsJsonAsync("/api/v1/articles",
            new { opd = "tidak-ada", kind = "gosip", title = "", body = new string('x', ArticlePublishing.MaxBody + 1) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "opd", "kind", "title", "body" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
        Assert.Equal(before, await app.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task Agenda_needs_a_start_and_an_end_after_it()
    {
        var api = Personas.Api(app, People.EditorA);
        var missing = await api.PostAsJsonAsync("/api/v1/articles", new { opd = Personas.OpdA, kind = "agenda", title = "Rapat" });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Contains("eventStart", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var backwards = await api.PostAsJsonAsync("/api/v1/articles", new
        {
            opd = Personas.OpdA, kind = "agenda", title = "Rapat", eventStart = "2026-12-01T02:00:00Z", eventEnd = "2026-12-01T01:00:00Z",
        });
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("eventEnd", await backwards.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"opd\": 12, \"title\": []}")]
    public async Task Malformed_json_is_a_400_problem(string body)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        var response = await Personas.Api(app, People.Admin).PostAsync(new Uri("/api/v1/articles", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("<html", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejection_needs_a_reason_and_returns_the_article_to_the_editor()
    {
        var id = await TestArticles.CreateAsync(app, Personas.OpdA, PublicationStatus.Review);
        var reviewer = Personas.Api(app, People.ReviewerA);
        var noReason = await reviewer.PostAsJsonAsync($"/api/v1/articles/{id}/reject", new { reason = " " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var rejected = await reviewer.PostAsJsonAsync($"/api/v1/articles/{id}/reject", new { reason = "Lengkapi foto kegiatan." });
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var json = await rejected.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("rejected", json.GetProperty("status").GetString());
        Assert.Equal("Lengkapi foto kegiatan.", json.GetProperty("rejectionReason").GetString());
        var again = await reviewer.PostAsJsonAsync($"/api/v1/articles/{id}/reject", new { reason = "lagi" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Editors_see_their_own_opds_drafts_and_only_published_articles_elsewhere()
    {
        var mine = await TestArticles.CreateAsync(app, Personas.OpdA, PublicationStatus.Draft);
        var theirs = await TestArticles.CreateAsync(app, Personas.OpdB, PublicationStatus.Draft);
        var editor = Personas.Api(app, People.EditorA);
        var list = await editor.GetFromJsonAsync<JsonElement>("/api/v1/articles?status=draft&per=100");
        var ids = list.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetInt32()).ToList();
        Assert.Contains(mine, ids);
        Assert.DoesNotContain(theirs, ids);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(new Uri($"/api/v1/articles/{theirs}", UriKind.Relative))).StatusCode);
        var all = await Personas.Api(app, People.Admin).GetFromJsonAsync<JsonElement>("/api/v1/articles?status=draft&per=100");
        Assert.Contains(theirs, all.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task Openapi_document_describes_the_api()
    {
        var doc = await app.Browser().GetFromJsonAsync<JsonElement>("/api/v1/openapi.json");
        var paths = doc.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/articles", out _));
        Assert.True(paths.TryGetProperty("/api/v1/articles/{id}/publish", out _));
        Assert.True(paths.TryGetProperty("/api/v1/opds", out _));
    }
}

public sealed class SqliteArticlesApiTests(SqliteApp app) : ArticlesApiTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresArticlesApiTests(PostgresApp app) : ArticlesApiTests(app), IClassFixture<PostgresApp>;
