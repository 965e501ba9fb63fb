using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Content;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Content;

/// <summary>
/// Input built to break the server answers 400 with a clear message and changes nothing: nesting past
/// Markdig's limit, bodies whose rendering cost explodes, racing creates with one title, malformed JSON,
/// page numbers that overflow.
/// </summary>
public abstract class HostileInputTests(SatuPintuApp app) : WithPersonas(app)
{
    private static string Repeat(string s, int n) => string.Concat(Enumerable.Repeat(s, n));

    public static TheoryData<string, string> HostileBodies() => new()
    {
        { Repeat(">", 500) + " kutipan", "terlalu dalam bersarang" },
        { string.Concat(Enumerable.Range(0, 200).Select(i => new string(' ', i * 2) + "- butir\n")), "terlalu dalam bersarang" },
        { Repeat("[a](b", 40000), "tautan yang tidak ditutup" },
        { Repeat("<i>", 66666), "tag HTML yang tidak ditutup" },
        { Repeat("<div>", 10000), "tag HTML yang tidak ditutup" },
        { Repeat("[", 10000), "tanda \"[\" yang tidak ditutup" },
    };

    [Theory]
    [MemberData(nameof(HostileBodies))]
    public async Task Hostile_bodies_are_a_field_error_in_the_api_and_change_nothing(string body, string message)
    {
        var before = await app.WithDbAsync(db => db.Articles.CountAsync());
        var response = await Personas.Api(app, People.EditorA).PostAsJsonAsync("/api/v1/articles",
            new { opd = Personas.OpdA, kind = "berita", title = "Isi jahat", body });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains(message, errors.GetProperty("body")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.Articles.CountAsync()));
    }

    [Fact]
    public async Task A_hostile_page_body_is_refused_through_the_pages_api()
    {
        var response = await Personas.Api(app, People.Admin).PostAsJsonAsync("/api/v1/pages",
            new { opd = Personas.OpdA, title = "Profil jahat", body = Repeat("[a](b", 40000) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("tautan yang tidak ditutup", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deep_nesting_in_the_admin_form_is_a_validation_message_and_keeps_what_was_typed()
    {
        var client = await Personas.SignInAsync(app, People.EditorA.Email);
        var response = await Personas.PostFormAsync(client, "/admin/artikel/baru/Save", new()
        {
            ["Input.Opd"] = Personas.OpdA, ["Input.Kind"] = "berita", ["Input.Title"] = "Kutipan bertingkat", ["Input.Body"] = Repeat(">", 500) + " kutipan",
        }, "/admin/artikel/baru");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("terlalu dalam bersarang", html, StringComparison.Ordinal);
        Assert.Contains("Kutipan bertingkat", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ordinary_rich_bodies_still_render()
    {
        var body = Repeat("Warga **diimbau** hadir di [kantor](https://kepahiangkab.go.id). <i>Bawa</i> KTP.\n\n- satu\n- dua\n\n> kutipan\n\n", 1500);
        var response = await Personas.Api(app, People.EditorA).PostAsJsonAsync("/api/v1/articles",
            new { opd = Personas.OpdA, kind = "berita", title = "Panjang tapi wajar", body });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var html = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("bodyHtml").GetString()!;
        Assert.Equal(1500, Html.Count(html, "<strong>diimbau</strong>"));
        Assert.Equal(1500, Html.Count(html, "<i>Bawa</i>"));
    }

    [Fact]
    public async Task Twenty_parallel_creates_with_one_title_all_succeed_with_distinct_slugs()
    {
        var title = "Rapat koordinasi serentak " + Guid.NewGuid().ToString("N")[..6];
        var api = Personas.Api(app, People.EditorA);
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            api.PostAsJsonAsync("/api/v1/articles", new { opd = Personas.OpdA, kind = "berita", title, body = "Isi." })));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var slugs = await app.WithDbAsync(db => db.Articles.Where(a => a.Title == title).Select(a => a.Slug).ToListAsync());
        Assert.Equal(20, slugs.Count);
        Assert.Equal(20, slugs.Distinct().Count());
    }

    [Theory]
    [InlineData("/api/v1/articles", "{not json")]
    [InlineData("/api/v1/articles", "[1,2,3]")]
    [InlineData("/api/v1/articles", "{\"opd\": 12, \"title\": []}")]
    [InlineData("/api/v1/pages", "{\"title\": ")]
    [InlineData("/api/v1/opds", "\u0000")]
    public async Task Malformed_json_answers_400_problem_details(string url, string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await Personas.Api(app, People.Admin).PostAsync(new Uri(url, UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Contains("JSON", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_content_type_answers_415_problem_details()
    {
        using var content = new StringContent("title=x", Encoding.UTF8, "text/plain");
        var response = await Personas.Api(app, People.Admin).PostAsync(new Uri("/api/v1/articles", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/v1/articles?halaman=21474838&per=100")]
    [InlineData("/api/v1/documents?halaman=2147483647&per=100")]
    [InlineData("/api/v1/pages?halaman=21474838&per=100")]
    public async Task A_page_number_past_any_list_is_an_empty_page_not_page_one(string url)
    {
        var page = await Personas.Api(app, People.Admin).GetFromJsonAsync<JsonElement>(url);
        Assert.Empty(page.GetProperty("items").EnumerateArray());
    }
}

public sealed class SqliteHostileInputTests(SqliteApp app) : HostileInputTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresHostileInputTests(PostgresApp app) : HostileInputTests(app), IClassFixture<PostgresApp>;
