using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Directory;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Directory;

/// <summary>
/// /api/v1/opds writes: the same rules as /admin/opd (admins create, rename, archive, restore; an OPD's own
/// editors and reviewers edit its profile), problem details per field, the portal and the audit trail follow.
/// </summary>
[Collection(Hosts.SqliteContent)]
public sealed class OpdsApiTests(SqliteApp app) : WithPersonas(app)
{
    private static string Fresh(string prefix) => prefix + " " + Guid.NewGuid().ToString("N")[..6];

    private Task<Opd> OpdAsync(string slug) => app.WithDbAsync(db => db.Opds.AsNoTracking().SingleAsync(o => o.Slug == slug));

    private Task<List<SatuPintu.Audit.AuditEntry>> AuditAsync(int opdId) =>
        app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Opd) && a.EntityId == opdId.ToString(CultureInfo.InvariantCulture)).OrderBy(a => a.Id).ToListAsync());

    private static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    /// <summary>Gives the new OPD a contact and shows it to the public.</summary>
    private static async Task ShowAsync(HttpClient admin, string slug, string name)
    {
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/opds/{slug}", new { name, phone = "(0732) 391 000" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync(new Uri($"/api/v1/opds/{slug}/show", UriKind.Relative), null)).StatusCode);
    }

    [Fact]
    public async Task Admin_creates_an_opd_that_the_portal_and_the_api_list_and_the_trail_records()
    {
        var admin = Personas.Api(app, People.Admin);
        var name = Fresh("Badan Riset dan Inovasi Daerah");
        var shortName = "RISET" + Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();
        var created = await admin.PostAsJsonAsync("/api/v1/opds", new { name, shortName, kind = "badan" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var json = await created.Content.ReadFromJsonAsync<JsonElement>();
        var slug = json.GetProperty("slug").GetString()!;
        Assert.Equal(shortName.ToLowerInvariant(), slug);
        Assert.Equal($"/api/v1/opds/{slug}", created.Headers.Location?.ToString());
        Assert.Equal("badan", json.GetProperty("kind").GetString());
        Assert.Equal(name, json.GetProperty("name").GetString());

        Assert.Equal(name, (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/opds/{slug}")).GetProperty("name").GetString());
        var opd = await OpdAsync(slug);
        var entry = Assert.Single(await AuditAsync(opd.Id));
        Assert.Equal(("create", People.Admin.Email), (entry.Action, entry.Actor));
        // A new OPD is hidden until an admin shows it (OpdVisibilityTests has the details).
        Assert.DoesNotContain(name, await app.Browser().GetOkAsync("/opd"), StringComparison.Ordinal);
        await ShowAsync(admin, slug, name);
        Assert.Contains(name, await app.Browser().GetOkAsync("/opd"), StringComparison.Ordinal);

        var explicitSlug = "uji-" + Guid.NewGuid().ToString("N")[..6];
        var second = await admin.PostAsJsonAsync("/api/v1/opds", new { name = Fresh("Kecamatan Uji"), slug = explicitSlug, kind = "Kecamatan" });
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal("kecamatan", (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("kind").GetString());
        Assert.Equal($"/api/v1/opds/{explicitSlug}", second.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Editor_replaces_the_profile_the_portal_shows_it_at_once_and_the_name_stays()
    {
        var portal = app.Browser();
        await portal.GetOkAsync($"/opd/{Personas.OpdA}"); // warm the output cache
        var editor = Personas.Api(app, People.EditorA);
        var current = await editor.GetFromJsonAsync<JsonElement>($"/api/v1/opds/{Personas.OpdA}");
        var before = await OpdAsync(Personas.OpdA);
        Assert.Equal(before.Vision, current.GetProperty("vision").GetString());

        var vision = Fresh("Kepahiang sehat");
        var response = await editor.PutAsJsonAsync($"/api/v1/opds/{Personas.OpdA}", new
        {
            name = "Dinas Nama Baru", shortName = "DNB", summary = "  Ringkasan uji.\r\nBaris kedua.  ", headName = "dr. Uji Coba", headTitle = "Kepala Dinas",
            address = "Jl. Uji No. 1", email = "dinkes@kepahiangkab.go.id", website = "https://dinkes.kepahiangkab.go.id", vision,
            mission = "Misi uji", duties = "Tupoksi uji", structure = "Kepala\nSekretaris",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(vision, json.GetProperty("vision").GetString());
        Assert.Equal("Ringkasan uji.\nBaris kedua.", json.GetProperty("summary").GetString());
        Assert.Equal("dr. Uji Coba", json.GetProperty("headName").GetString());
        Assert.Equal("Kepala Dinas", json.GetProperty("headTitle").GetString());
        // Only admins rename; a field left out is cleared (PUT replaces the profile).
        Assert.Equal(before.Name, json.GetProperty("name").GetString());
        Assert.Equal(before.ShortName, json.GetProperty("shortName").GetString());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("phone").ValueKind);

        var page = await portal.GetOkAsync($"/opd/{Personas.OpdA}");
        Assert.Contains(vision, page, StringComparison.Ordinal);
        Assert.Contains("dr. Uji Coba", page, StringComparison.Ordinal);
        Assert.Contains($"<h1>{before.Name}</h1>", page, StringComparison.Ordinal);

        var after = await OpdAsync(Personas.OpdA);
        Assert.Equal((before.Name, before.ShortName, vision, (string?)null), (after.Name, after.ShortName, after.Vision, after.Phone));
        var update = (await AuditAsync(before.Id)).Last();
        Assert.Equal(("update", People.EditorA.Email, (int?)before.Id), (update.Action, update.Actor, update.OpdId));
        Assert.Contains(vision, update.After, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Name\"", update.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_renames_and_a_read_modify_write_keeps_everything_else()
    {
        var admin = Personas.Api(app, People.Admin);
        var created = await (await admin.PostAsJsonAsync("/api/v1/opds", new { name = Fresh("Dinas Lama"), kind = "dinas" })).Content.ReadFromJsonAsync<JsonElement>();
        var slug = created.GetProperty("slug").GetString()!;
        var first = await admin.PutAsJsonAsync($"/api/v1/opds/{slug}", new { name = created.GetProperty("name").GetString(), phone = "(0732) 391 000", vision = "Visi awal" });
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync(new Uri($"/api/v1/opds/{slug}/show", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        // The GET body sent back with one change: the other fields stay as they were.
        var dto = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(await admin.GetStringAsync(new Uri($"/api/v1/opds/{slug}", UriKind.Relative)))!;
        var newName = Fresh("Dinas Baru");
        dto["name"] = JsonSerializer.SerializeToElement(newName);
        dto["shortName"] = JsonSerializer.SerializeToElement("DB");
        var renamed = await admin.PutAsJsonAsync($"/api/v1/opds/{slug}", dto);
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var json = await renamed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((newName, "DB", "(0732) 391 000", "Visi awal"),
            (json.GetProperty("name").GetString(), json.GetProperty("shortName").GetString(), json.GetProperty("phone").GetString(), json.GetProperty("vision").GetString()));
        Assert.Contains($"<h1>{newName}</h1>", await app.Browser().GetOkAsync($"/opd/{slug}"), StringComparison.Ordinal);

        // An admin's PUT without a name is refused like the form without one.
        var nameless = await admin.PutAsJsonAsync($"/api/v1/opds/{slug}", new { vision = "tanpa nama" });
        Assert.True((await ErrorsAsync(nameless)).TryGetProperty("name", out _));
        Assert.Equal(newName, (await OpdAsync(slug)).Name);
    }

    [Fact]
    public async Task Bad_profile_fields_are_refused_per_field_and_nothing_changes()
    {
        var before = await OpdAsync(Personas.OpdA);
        var reviewer = Personas.Api(app, People.ReviewerA);
        var response = await reviewer.PutAsJsonAsync($"/api/v1/opds/{Personas.OpdA}", new
        {
            website = "javascript:alert(1)", email = "bukan surel", summary = new string('x', 1001), phone = new string('1', 41), vision = "Tidak tersimpan",
        });
        var errors = await ErrorsAsync(response);
        foreach (var field in new[] { "website", "email", "summary", "phone" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
        Assert.Contains("Surel tidak valid.", errors.GetProperty("email").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Situs harus alamat http(s) lengkap.", errors.GetProperty("website")[0].GetString());
        Assert.False(errors.TryGetProperty("vision", out _));
        var after = await OpdAsync(Personas.OpdA);
        Assert.Equal((before.Website, before.Email, before.Vision, before.UpdatedAt), (after.Website, after.Email, after.Vision, after.UpdatedAt));
    }

    [Fact]
    public async Task Bad_new_opds_are_refused_per_field_and_nothing_is_created()
    {
        var admin = Personas.Api(app, People.Admin);
        var count = await app.WithDbAsync(db => db.Opds.CountAsync());
        var errors = await ErrorsAsync(await admin.PostAsJsonAsync("/api/v1/opds", new { name = " ", shortName = new string('S', 41), slug = "Bukan Slug!", kind = "gosip" }));
        foreach (var field in new[] { "name", "shortName", "slug", "kind" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }
        Assert.True((await ErrorsAsync(await admin.PostAsJsonAsync("/api/v1/opds", new { name = "Tanpa jenis" }))).TryGetProperty("kind", out _));
        var taken = await ErrorsAsync(await admin.PostAsJsonAsync("/api/v1/opds", new { name = "Dinas Kesehatan Lagi", slug = Personas.OpdA, kind = "dinas" }));
        Assert.Contains("sudah dipakai", taken.GetProperty("slug")[0].GetString(), StringComparison.Ordinal);
        // The word that names the regency in page filters is not an OPD's slug.
        var reserved = await ErrorsAsync(await admin.PostAsJsonAsync("/api/v1/opds", new { name = "Kabupaten", slug = "kabupaten", kind = "dinas" }));
        Assert.Contains("kabupaten", reserved.GetProperty("slug")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(count, await app.WithDbAsync(db => db.Opds.CountAsync()));
    }

    [Fact]
    public async Task Refusals_are_403_or_404_and_change_nothing()
    {
        var editor = Personas.Api(app, People.EditorA);
        var reviewer = Personas.Api(app, People.ReviewerA);
        var admin = Personas.Api(app, People.Admin);
        var otherBefore = await OpdAsync(Personas.OpdB);
        var mineBefore = await OpdAsync(Personas.OpdA);
        var count = await app.WithDbAsync(db => db.Opds.CountAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PutAsJsonAsync($"/api/v1/opds/{Personas.OpdB}", new { vision = "Bukan urusan saya" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.PutAsJsonAsync($"/api/v1/opds/{Personas.OpdB}", new { website = "bukan situs" })).StatusCode);
        var create = await editor.PostAsJsonAsync("/api/v1/opds", new { name = "Badan Liar", kind = "badan" });
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal("application/problem+json", create.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Forbidden, (await reviewer.DeleteAsync(new Uri($"/api/v1/opds/{Personas.OpdA}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsync(new Uri($"/api/v1/opds/{Personas.OpdA}/restore", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Personas.Api(app, null).PutAsJsonAsync($"/api/v1/opds/{Personas.OpdA}", new { vision = "anonim" })).StatusCode);

        foreach (var slug in new[] { "tidak-ada", "BUKAN_SLUG" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync($"/api/v1/opds/{slug}", new { name = "X" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync(new Uri($"/api/v1/opds/{slug}", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync(new Uri($"/api/v1/opds/{slug}/restore", UriKind.Relative), null)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await editor.PutAsJsonAsync($"/api/v1/opds/{slug}", new { vision = "X" })).StatusCode);
        }

        var otherAfter = await OpdAsync(Personas.OpdB);
        var mineAfter = await OpdAsync(Personas.OpdA);
        Assert.Equal((otherBefore.Vision, otherBefore.Website, otherBefore.UpdatedAt), (otherAfter.Vision, otherAfter.Website, otherAfter.UpdatedAt));
        Assert.Equal((mineBefore.ArchivedAt, mineBefore.UpdatedAt), (mineAfter.ArchivedAt, mineAfter.UpdatedAt));
        Assert.Equal(count, await app.WithDbAsync(db => db.Opds.CountAsync()));
    }

    [Fact]
    public async Task Admin_archives_an_opd_off_the_portal_and_restores_it()
    {
        var admin = Personas.Api(app, People.Admin);
        var name = Fresh("Satuan Uji Arsip");
        var created = await (await admin.PostAsJsonAsync("/api/v1/opds", new { name, kind = "satuan" })).Content.ReadFromJsonAsync<JsonElement>();
        var slug = created.GetProperty("slug").GetString()!;
        await ShowAsync(admin, slug, name);
        var portal = app.Browser();
        await portal.GetOkAsync($"/opd/{slug}");

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(new Uri($"/api/v1/opds/{slug}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri($"/api/v1/opds/{slug}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.FetchAsync($"/opd/{slug}")).Status);
        Assert.DoesNotContain(name, await portal.GetOkAsync("/opd"), StringComparison.Ordinal);
        var archivedAt = (await OpdAsync(slug)).ArchivedAt;
        Assert.NotNull(archivedAt);
        // Archiving again changes nothing.
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(new Uri($"/api/v1/opds/{slug}", UriKind.Relative))).StatusCode);
        Assert.Equal(archivedAt, (await OpdAsync(slug)).ArchivedAt);

        var restored = await admin.PostAsync(new Uri($"/api/v1/opds/{slug}/restore", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal(slug, (await restored.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("slug").GetString());
        Assert.Null((await OpdAsync(slug)).ArchivedAt);
        Assert.Contains(name, await portal.GetOkAsync($"/opd/{slug}"), StringComparison.Ordinal);

        var trail = await AuditAsync((await OpdAsync(slug)).Id);
        // Created, given a contact and shown, archived, restored.
        Assert.Equal(["create", "update", "update", "update", "update"], trail.Select(e => e.Action));
        Assert.All(trail, e => Assert.Equal(People.Admin.Email, e.Actor));
        Assert.Contains("ArchivedAt", trail[3].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Openapi_document_lists_the_opd_writes()
    {
        var paths = (await app.Browser().GetFromJsonAsync<JsonElement>("/api/v1/openapi.json")).GetProperty("paths");
        Assert.True(paths.GetProperty("/api/v1/opds").TryGetProperty("post", out _));
        Assert.True(paths.GetProperty("/api/v1/opds/{slug}").TryGetProperty("put", out _));
        Assert.True(paths.GetProperty("/api/v1/opds/{slug}").TryGetProperty("delete", out _));
        Assert.True(paths.GetProperty("/api/v1/opds/{slug}/restore").TryGetProperty("post", out _));
    }
}
