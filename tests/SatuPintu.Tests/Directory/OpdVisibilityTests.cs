using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Directory;

/// <summary>
/// A new OPD stays off every public page, list, search, sitemap and the API until its profile has the
/// minimum and an admin shows it; hiding takes it off again. Demo OPDs are shown.
/// </summary>
public abstract class OpdVisibilityTests(SatuPintuApp app) : WithPersonas(app)
{
    [Fact]
    public async Task A_new_opd_is_hidden_until_an_admin_shows_it_and_showing_needs_the_minimum_profile()
    {
        Assert.False(await app.WithDbAsync(db => db.Opds.Where(o => o.Slug == Personas.OpdA).Select(o => o.Hidden).SingleAsync()));
        var admin = Personas.Api(app, People.Admin);
        var word = "Zyxwuji" + Guid.NewGuid().ToString("N")[..6];
        var name = $"Badan Penelitian {word}";
        var created = await (await admin.PostAsJsonAsync("/api/v1/opds", new { name, kind = "badan" })).Content.ReadFromJsonAsync<JsonElement>();
        var slug = created.GetProperty("slug").GetString()!;
        var portal = app.Browser();
        var pageId = await PublishedPageAsync(admin, slug);

        var editor = Personas.Api(app, People.EditorA);
        await AssertAbsentAsync(portal, editor, slug, name, word);
        await AssertPageListedAsync(admin, slug, pageId, listed: true);
        // Admins still find it through the API, to complete and show it.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(new Uri($"/api/v1/opds/{slug}", UriKind.Relative))).StatusCode);

        // Without an address or a contact it is refused (a validation problem, like the rest of the OPD API), with the reason, and stays hidden.
        var refused = await admin.PostAsync(new Uri($"/api/v1/opds/{slug}/show", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("alamat atau kontak", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var signedIn = await Personas.SignInAsync(app, People.Admin.Email);
        var form = await Personas.PostFormAsync(signedIn, $"/admin/opd/{slug}/Visibility?show=true", [], $"/admin/opd/{slug}");
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);
        Assert.Contains("Belum bisa ditampilkan: profil belum memuat alamat atau kontak", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Opds.Where(o => o.Slug == slug).Select(o => o.Hidden).SingleAsync()));
        // Only admins show OPDs.
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsync(new Uri($"/api/v1/opds/{Personas.OpdA}/hide", UriKind.Relative), null)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/opds/{slug}", new { name, phone = "(0732) 391 555" })).StatusCode);
        var shown = await Personas.PostFormAsync(signedIn, $"/admin/opd/{slug}/Visibility?show=true", [], $"/admin/opd/{slug}");
        Assert.Equal(HttpStatusCode.Redirect, shown.StatusCode);
        Assert.Contains(name, await portal.GetOkAsync($"/opd/{slug}"), StringComparison.Ordinal);
        Assert.Contains(name, await portal.GetOkAsync("/opd"), StringComparison.Ordinal);
        Assert.Contains($"\"slug\":\"{slug}\"", await editor.GetStringAsync(new Uri("/api/v1/opds", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains($"/opd/{slug}<", await portal.GetOkAsync("/sitemap/umum/1.xml"), StringComparison.Ordinal);
        Assert.Contains($"/opd/{slug}", await portal.GetOkAsync("/cari?q=" + word), StringComparison.Ordinal);
        Assert.Contains("tampil", await signedIn.GetOkAsync("/admin/opd"), StringComparison.Ordinal);
        await AssertPageListedAsync(editor, slug, pageId, listed: true);

        var hidden = await admin.PostAsync(new Uri($"/api/v1/opds/{slug}/hide", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, hidden.StatusCode);
        await AssertAbsentAsync(portal, editor, slug, name, word);
        await AssertPageListedAsync(editor, slug, pageId, listed: false);
        await AssertPageListedAsync(admin, slug, pageId, listed: true);
        Assert.Contains("Disembunyikan dari publik", await signedIn.GetOkAsync("/admin/audit?entity=Opd"), StringComparison.Ordinal);
    }

    /// <summary>A published page of the OPD, made by an admin (nobody else may write for an OPD without people yet).</summary>
    private static async Task<int> PublishedPageAsync(HttpClient admin, string slug)
    {
        var created = await admin.PostAsJsonAsync("/api/v1/pages", new { opd = slug, title = "Profil Singkat", body = "Tentang kami." });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync(new Uri($"/api/v1/pages/{id}/submit", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync(new Uri($"/api/v1/pages/{id}/publish", UriKind.Relative), null)).StatusCode);
        return id;
    }

    /// <summary>The pages API lists and answers the page to <paramref name="api"/> exactly when <paramref name="listed"/>.</summary>
    private static async Task AssertPageListedAsync(HttpClient api, string slug, int id, bool listed)
    {
        var list = await api.GetStringAsync(new Uri("/api/v1/pages?opd=" + slug, UriKind.Relative));
        Assert.Equal(listed, list.Contains($"\"id\":{id},", StringComparison.Ordinal));
        Assert.Equal(listed ? HttpStatusCode.OK : HttpStatusCode.NotFound, (await api.GetAsync(new Uri($"/api/v1/pages/{id}", UriKind.Relative))).StatusCode);
    }

    /// <summary>Off the portal for visitors, and off the API for anyone but admins for anyone but admins (<paramref name="api"/>: an editor).</summary>
    private static async Task AssertAbsentAsync(HttpClient portal, HttpClient api, string slug, string name, string word)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await portal.FetchAsync($"/opd/{slug}")).Status);
        Assert.DoesNotContain(name, await portal.GetOkAsync("/opd"), StringComparison.Ordinal);
        Assert.DoesNotContain(name, await portal.GetOkAsync("/"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync(new Uri($"/api/v1/opds/{slug}", UriKind.Relative))).StatusCode);
        Assert.DoesNotContain($"\"slug\":\"{slug}\"", await api.GetStringAsync(new Uri("/api/v1/opds", UriKind.Relative)), StringComparison.Ordinal);
        Assert.DoesNotContain($"/opd/{slug}<", await portal.GetOkAsync("/sitemap/umum/1.xml"), StringComparison.Ordinal);
        Assert.DoesNotContain($"/opd/{slug}", await portal.GetOkAsync("/cari?q=" + word), StringComparison.Ordinal);
        Assert.DoesNotContain($"/opd/{slug}", await portal.GetOkAsync("/jaringan"), StringComparison.Ordinal);
    }
}

[Collection(Hosts.SqlitePortal)]
public sealed class SqliteOpdVisibilityTests(SqliteApp app) : OpdVisibilityTests(app);

[Collection(Hosts.PostgresPortal)]
public sealed class PostgresOpdVisibilityTests(PostgresApp app) : OpdVisibilityTests(app);
