using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Content;

/// <summary>
/// Static pages end to end: the regency's own (admins only) and each OPD's (its editors and reviewers),
/// through the API and the admin form, the same workflow as articles, and the public routes.
/// </summary>
public abstract class PagesTests(SatuPintuApp app) : WithPersonas(app)
{
    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..6];

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    [Fact]
    public async Task Editor_writes_an_opd_page_reviewer_publishes_it_and_the_opd_page_links_it()
    {
        var editor = Personas.Api(app, People.EditorA);
        var slug = Unique("maklumat-pelayanan");
        var created = await editor.PostAsJsonAsync("/api/v1/pages", new
        {
            opd = Personas.OpdA, slug, title = "Maklumat Pelayanan",
            body = "Kami **sanggup** melayani.\n\n<script>alert(1)</script><p onclick=\"alert(2)\">Tempelan</p>",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await JsonAsync(created);
        var id = json.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/pages/{id}", created.Headers.Location?.ToString());
        Assert.Equal("draft", json.GetProperty("status").GetString());
        var html = json.GetProperty("bodyHtml").GetString()!;
        Assert.Contains("<strong>sanggup</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onclick", html, StringComparison.OrdinalIgnoreCase);
        var url = new Uri(json.GetProperty("url").GetString()!).PathAndQuery;
        Assert.Equal($"/opd/{Personas.OpdA}/halaman/{slug}", url);

        var portal = app.Browser();
        Assert.Equal(HttpStatusCode.NotFound, (await portal.FetchAsync(url)).Status);
        Assert.Equal(HttpStatusCode.OK, (await editor.PostAsync(new Uri($"/api/v1/pages/{id}/submit", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsync(new Uri($"/api/v1/pages/{id}/publish", UriKind.Relative), null)).StatusCode);
        var published = await Personas.Api(app, People.ReviewerA).PostAsync(new Uri($"/api/v1/pages/{id}/publish", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("published", (await JsonAsync(published)).GetProperty("status").GetString());

        var page = await portal.GetOkAsync(url);
        Assert.Contains("Maklumat Pelayanan", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"{url}\"", await portal.GetOkAsync($"/opd/{Personas.OpdA}"), StringComparison.Ordinal);
        // Pages are in the general child sitemap (the index lists the children).
        Assert.Contains(url, await portal.GetOkAsync("/sitemap/umum/1.xml"), StringComparison.Ordinal);
        // The same address under another OPD is not this page.
        Assert.Equal(HttpStatusCode.NotFound, (await portal.FetchAsync($"/opd/{Personas.OpdB}/halaman/{slug}")).Status);

        // Once published, the editor may no longer change it; the reviewer may, and may take it down.
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PutAsJsonAsync($"/api/v1/pages/{id}", new { opd = Personas.OpdA, slug, title = "Diubah", body = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Personas.Api(app, People.ReviewerA).PostAsync(new Uri($"/api/v1/pages/{id}/unpublish", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.FetchAsync(url)).Status);
    }

    [Fact]
    public async Task Only_admins_write_the_regencys_own_pages()
    {
        var slug = Unique("layanan-pengaduan");
        var body = new { opd = "kabupaten", slug, title = "Layanan Pengaduan", body = "Sampaikan pengaduan melalui SP4N-LAPOR!." };
        var before = await app.WithDbAsync(db => db.Pages.CountAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await Personas.Api(app, People.EditorA).PostAsJsonAsync("/api/v1/pages", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Personas.Api(app, People.ReviewerA).PostAsJsonAsync("/api/v1/pages", body)).StatusCode);
        Assert.Equal(before, await app.WithDbAsync(db => db.Pages.CountAsync()));

        var admin = Personas.Api(app, People.Admin);
        var created = await admin.PostAsJsonAsync("/api/v1/pages", body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await JsonAsync(created);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("opd").ValueKind);
        var id = json.GetProperty("id").GetInt32();
        // A reviewer of an OPD cannot publish the regency's page either: an unpublished page they may not see is absent to them.
        Assert.Equal(HttpStatusCode.NotFound, (await Personas.Api(app, People.ReviewerA).PostAsync(new Uri($"/api/v1/pages/{id}/publish", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync(new Uri($"/api/v1/pages/{id}/publish", UriKind.Relative), null)).StatusCode);

        var portal = app.Browser();
        Assert.Contains("SP4N-LAPOR", await portal.GetOkAsync($"/halaman/{slug}"), StringComparison.Ordinal);
        Assert.Contains($"/halaman/{slug}", await portal.GetOkAsync("/halaman"), StringComparison.Ordinal);
        // Drafts of the regency are the admins' alone; published pages are listed for every token holder.
        var listed = await JsonAsync(await Personas.Api(app, People.EditorA).GetAsync(new Uri("/api/v1/pages?opd=kabupaten&per=100", UriKind.Relative)));
        Assert.Contains(listed.GetProperty("items").EnumerateArray(), p => p.GetProperty("slug").GetString() == slug);
    }

    [Fact]
    public async Task The_seeded_about_page_is_on_the_portal_and_linked_from_every_page()
    {
        var portal = app.Browser();
        Assert.Contains("Tentang Portal Satu Pintu", await portal.GetOkAsync("/halaman/tentang"), StringComparison.Ordinal);
        Assert.Contains("href=\"/halaman\"", await portal.GetOkAsync("/"), StringComparison.Ordinal);
        Assert.Contains("/halaman/kebijakan-privasi", await portal.GetOkAsync("/halaman"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.FetchAsync("/halaman/tidak-ada")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.FetchAsync("/halaman/..%2Fadmin")).Status);
    }

    [Fact]
    public async Task Bad_input_is_refused_per_field_and_changes_nothing()
    {
        var admin = Personas.Api(app, People.Admin);
        var before = await app.WithDbAsync(db => db.Pages.CountAsync());
        var response = await admin.PostAsJsonAsync("/api/v1/pages", new { opd = "tidak-ada", slug = "Bukan Slug!", title = "", sortOrder = -1 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await JsonAsync(response)).GetProperty("errors");
        foreach (var field in new[] { "opd", "slug", "title", "sortOrder" })
        {
            Assert.True(errors.TryGetProperty(field, out _), "no error for " + field);
        }

        // One address per owner: taken in OPD A, free in OPD B.
        var slug = Unique("sejarah");
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/pages", new { opd = Personas.OpdA, slug, title = "Sejarah" })).StatusCode);
        var taken = await admin.PostAsJsonAsync("/api/v1/pages", new { opd = Personas.OpdA, slug, title = "Sejarah lagi" });
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Contains("sudah dipakai", (await JsonAsync(taken)).GetProperty("errors").GetProperty("slug")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsJsonAsync("/api/v1/pages", new { opd = Personas.OpdB, slug, title = "Sejarah" })).StatusCode);
        // The regency's own addresses are checked the same way.
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostAsJsonAsync("/api/v1/pages", new { opd = "kabupaten", slug = "tentang", title = "Tentang lagi" })).StatusCode);
        // Creating needs an owner: no silent default.
        var ownerless = await admin.PostAsJsonAsync("/api/v1/pages", new { title = "Tanpa pemilik" });
        Assert.Equal(HttpStatusCode.BadRequest, ownerless.StatusCode);
        Assert.True((await JsonAsync(ownerless)).GetProperty("errors").TryGetProperty("opd", out _));
        Assert.Equal(before + 2, await app.WithDbAsync(db => db.Pages.CountAsync()));

        var id = await TestArticles.CreatePageAsync(app, Personas.OpdA, SatuPintu.Content.PublicationStatus.Draft);
        var conflict = await admin.PostAsync(new Uri($"/api/v1/pages/{id}/reject", UriKind.Relative), JsonContent.Create(new { reason = "belum diajukan" }));
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal(SatuPintu.Content.PublicationStatus.Draft, await TestArticles.PageStatusAsync(app, id));
    }

    [Fact]
    public async Task An_update_without_an_owner_keeps_the_owner()
    {
        var id = await TestArticles.CreatePageAsync(app, Personas.OpdA, SatuPintu.Content.PublicationStatus.Draft);
        var updated = await Personas.Api(app, People.Admin).PutAsJsonAsync($"/api/v1/pages/{id}", new { title = "Judul baru", body = "isi baru" });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal(Personas.OpdA, (await JsonAsync(updated)).GetProperty("opd").GetString());
    }

    [Fact]
    public async Task Moving_a_published_page_needs_the_right_to_publish_where_it_goes()
    {
        // A reviewer of A who is only an editor of B.
        var people = await Personas.CreateAsync(app);
        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Email == people.ReviewerA.Email);
            var b = await db.Opds.SingleAsync(o => o.Slug == Personas.OpdB);
            db.OpdMemberships.Add(new SatuPintu.Accounts.OpdMembership { UserId = user.Id, OpdId = b.Id, Role = SatuPintu.Accounts.OpdRole.Editor });
            return await db.SaveChangesAsync();
        });
        var reviewer = Personas.Api(app, people.ReviewerA);
        var published = await TestArticles.CreatePageAsync(app, Personas.OpdA, SatuPintu.Content.PublicationStatus.Published);
        var move = await reviewer.PutAsJsonAsync($"/api/v1/pages/{published}", new { opd = Personas.OpdB, title = "Pindah", body = "isi" });
        Assert.Equal(HttpStatusCode.Forbidden, move.StatusCode);
        Assert.Equal(Personas.OpdA, await app.WithDbAsync(db => db.Pages.Where(p => p.Id == published).Select(p => p.Opd!.Slug).SingleAsync()));
        // A draft may move: it still has to pass B's review.
        var draft = await TestArticles.CreatePageAsync(app, Personas.OpdA, SatuPintu.Content.PublicationStatus.Draft);
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PutAsJsonAsync($"/api/v1/pages/{draft}", new { opd = Personas.OpdB, title = "Pindah", body = "isi" })).StatusCode);
    }

    [Fact]
    public async Task A_refused_reject_shows_nothing_of_another_opds_draft()
    {
        var secret = "Rahasia draf " + Guid.NewGuid().ToString("N")[..6];
        var pageId = await TestArticles.CreatePageAsync(app, Personas.OpdB, SatuPintu.Content.PublicationStatus.Review);
        await app.WithDbAsync(async db =>
        {
            var p = await db.Pages.FindAsync(pageId);
            p!.BodyHtml = $"<p>{secret}</p>";
            return await db.SaveChangesAsync();
        });
        var articleId = await TestArticles.CreateAsync(app, Personas.OpdB, SatuPintu.Content.PublicationStatus.Review, secret);
        var editor = await Personas.SignInAsync(app, People.EditorA.Email);
        foreach (var url in new[] { $"/admin/halaman/{pageId}/Reject", $"/admin/artikel/{articleId}/Reject" })
        {
            // An empty reason, with the editor's own valid antiforgery token.
            var response = await Personas.PostFormAsync(editor, url, new() { ["Input.Reason"] = "" }, "/admin/akun/token");
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound or HttpStatusCode.Redirect, $"{url}: {(int)response.StatusCode}");
            Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
        }
        Assert.Equal(SatuPintu.Content.PublicationStatus.Review, await TestArticles.PageStatusAsync(app, pageId));
    }

    [Fact]
    public async Task Editor_uses_the_admin_form_and_a_reviewer_publishes_from_it()
    {
        var editor = await Personas.SignInAsync(app, People.EditorA.Email);
        var title = Unique("Sejarah Dinas");
        var saved = await Personas.PostFormAsync(editor, "/admin/halaman/baru/Save",
            new() { ["Input.Opd"] = Personas.OpdA, ["Input.Title"] = title, ["Input.Body"] = "Berdiri tahun **2004**." }, "/admin/halaman/baru");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var edit = saved.Headers.Location!.ToString().Split('?')[0];
        Assert.Contains("<strong>2004</strong>", await editor.GetOkAsync(edit), StringComparison.Ordinal);
        Assert.Contains(title, await editor.GetOkAsync("/admin/halaman"), StringComparison.Ordinal);

        var empty = await Personas.PostFormAsync(editor, edit + "/Save", new() { ["Input.Opd"] = Personas.OpdA, ["Input.Title"] = "" }, edit);
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Judul wajib diisi", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await Personas.PostFormAsync(editor, edit + "/Submit", [], edit)).StatusCode);
        var reviewer = await Personas.SignInAsync(app, People.ReviewerA.Email);
        // The reviewer's dashboard counts the page among those waiting, and the filtered list shows it.
        var waiting = System.Text.RegularExpressions.Regex.Match(await reviewer.GetOkAsync("/admin"), "status=review\">(\\d+) halaman");
        Assert.True(waiting.Success && int.Parse(waiting.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Contains(title, await reviewer.GetOkAsync("/admin/halaman?status=review"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer.FetchAsync("/admin/halaman?status=entah")).Status);
        var published = await Personas.PostFormAsync(reviewer, edit + "/Publish", [], edit);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("Halaman diterbitkan", await reviewer.GetOkAsync(published.Headers.Location!.ToString()), StringComparison.Ordinal);

        var slug = SatuPintu.Shared.Slug.From(title, 80);
        Assert.Contains("Berdiri tahun", await app.Browser().GetOkAsync($"/opd/{Personas.OpdA}/halaman/{slug}"), StringComparison.Ordinal);
        // The editor's list shows only their OPD's pages, never the regency's.
        Assert.DoesNotContain("Tentang Portal Satu Pintu", await editor.GetOkAsync("/admin/halaman"), StringComparison.Ordinal);
    }
}

[Collection(Hosts.SqliteContent)]
public sealed class SqlitePagesTests(SqliteApp app) : PagesTests(app);

[Collection(Hosts.PostgresContent)]
public sealed class PostgresPagesTests(PostgresApp app) : PagesTests(app);
