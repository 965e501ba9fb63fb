using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SatuPintu.Content;
using SatuPintu.Tests.Infrastructure;
using M = SatuPintu.Tests.Monitoring.MonitoringMatrixSteps;
using N = SatuPintu.Tests.Network.NetworkMatrixSteps;
using S = SatuPintu.Tests.Syndication.SyndicationMatrixSteps;

namespace SatuPintu.Tests.Accounts;

/// <summary>
/// Every admin page handler and API endpoint, found in the app's own endpoint data source, tried by
/// {anonymous, editor of OPD A, reviewer of OPD A, admin} on an item of OPD A and of OPD B.
/// An endpoint or handler without a rule here fails <see cref="Every_endpoint_has_a_rule"/>.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.Fixture fixture) : IClassFixture<AuthorizationMatrixTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public ManyLoginsApp App { get; } = new();
        public Personas People { get; private set; } = null!;
        public Dictionary<string, HttpClient> Cookies { get; } = [];

        /// <summary>A token of a fourth person, for checking that nobody can revoke another person's token.</summary>
        public static int StrangerTokenId { get; private set; }

        /// <summary>The account the people pages' cases act on (an admin of the second persona set, not one who signs in here).</summary>
        public static string StrangerUserId { get; private set; } = "";

        public async Task InitializeAsync()
        {
            People = await Personas.CreateAsync(App);
            var strangers = await Personas.CreateAsync(App);
            StrangerTokenId = strangers.Admin.TokenId;
            StrangerUserId = await App.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
                db.Users.Where(u => u.Email == strangers.EditorA.Email).Select(u => u.Id)));
            await M.PrepareAsync(App);
            await S.PrepareAsync(App);
            foreach (var p in People.All)
            {
                Cookies[p.Name] = await Personas.SignInAsync(App, p.Email);
            }
            Cookies["anonim"] = App.CreateClient(new() { AllowAutoRedirect = false });
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    /// <summary>Who may: the rule each case is checked against. Nobody: every caller is refused (by design).</summary>
    private enum Rule { Anyone, Staff, AdminOnly, EditOpd, PublishOpd, Nobody }

    /// <summary>One way to call one endpoint: the route pattern (as the endpoint data source names it), method, page handler.</summary>
    private sealed record Case(string Pattern, string Method, string? Handler, Rule Rule, bool PerOpd, PublicationStatus Setup,
        Func<HttpClient, int, string, Task<HttpResponseMessage>> Send, bool OnDocument = false, bool OnPage = false);

    private static Task<HttpResponseMessage> Get(HttpClient c, string url) => c.GetAsync(new Uri(url, UriKind.Relative));

    private static Task<HttpResponseMessage> Post(HttpClient c, string url, object? json = null) =>
        json is null ? c.PostAsync(new Uri(url, UriKind.Relative), null) : c.PostAsJsonAsync(url, json);

    /// <summary>Page form posts carry the antiforgery token of the page they come from, as a browser would.</summary>
    private static async Task<HttpResponseMessage> Form(HttpClient c, string url, string formPage, Dictionary<string, string>? fields = null)
    {
        var page = await c.GetAsync(new Uri(formPage, UriKind.Relative));
        if (page.StatusCode != HttpStatusCode.OK || !(await page.Content.ReadAsStringAsync()).Contains("__RequestVerificationToken", StringComparison.Ordinal))
        {
            // Not allowed to see the form (or the page shows this person no form): post with no token, which must be refused too.
            using var empty = new FormUrlEncodedContent(fields ?? []);
            return await c.PostAsync(new Uri(url, UriKind.Relative), empty);
        }
        return await Personas.PostFormAsync(c, url, fields ?? [], formPage);
    }

    /// <summary>A multipart post as the browser sends it, with the page's antiforgery token when the page is visible.</summary>
    private static async Task<HttpResponseMessage> Multipart(HttpClient c, string url, string formPage, Action<MultipartFormDataContent> fill)
    {
        var page = await c.GetAsync(new Uri(formPage, UriKind.Relative));
        using var form = new MultipartFormDataContent();
        if (page.StatusCode == HttpStatusCode.OK)
        {
            var token = Personas.AntiforgeryToken(await page.Content.ReadAsStringAsync());
            form.Add(new StringContent(token), "__RequestVerificationToken");
        }
        fill(form);
        return await c.PostAsync(new Uri(url, UriKind.Relative), form);
    }

    private static Task<HttpResponseMessage> UploadForm(HttpClient c, string opd) => Multipart(c, "/admin/dokumen/Upload", "/admin/dokumen", f =>
    {
        f.Add(new StringContent(opd), "Input.Opd");
        f.Add(new StringContent("Uji matriks"), "Input.Title");
        f.Add(new StringContent("laporan"), "Input.Category");
        f.Add(new ByteArrayContent(SatuPintu.Data.Demo.DemoDocuments.MinimalPdf("uji", "matriks")), "Input.File", "uji.pdf");
    });

    private static readonly byte[] TinyPng = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static Task<HttpResponseMessage> ImageForm(HttpClient c, int id) => Multipart(c, $"/admin/artikel/{id}/Image", $"/admin/artikel/{id}", f =>
        f.Add(new ByteArrayContent(TinyPng), "Image", "titik.png"));

    /// <summary>Turns TOTP on with a real code, then off again, so the shared personas keep signing in with a password.</summary>
    private static async Task<HttpResponseMessage> EnableThenDisable(HttpClient c, bool disable)
    {
        var page = await c.GetAsync(new Uri("/admin/akun/2fa", UriKind.Relative));
        var key = page.StatusCode == HttpStatusCode.OK ? Totp.KeyFrom(await page.Content.ReadAsStringAsync()) : "";
        var code = key.Length > 0 ? Totp.Code(key, TimeProvider.System.GetUtcNow()) : "000000";
        var enable = await Form(c, "/admin/akun/2fa/Enable", "/admin/akun/2fa", new() { ["Code"] = code });
        if (enable.StatusCode != HttpStatusCode.Redirect)
        {
            return enable;
        }
        var off = await Form(c, "/admin/akun/2fa/Disable", "/admin/akun/2fa", new() { ["CurrentPassword"] = Personas.Password });
        if (disable || off.StatusCode != HttpStatusCode.Redirect)
        {
            enable.Dispose();
            return off;
        }
        off.Dispose();
        return enable;
    }

    /// <summary>Adds a service and deletes it again (through the page, as the person), so the seeded ones stay.</summary>
    private static async Task<HttpResponseMessage> DeleteFirstService(HttpClient c, string opd)
    {
        var name = "Hapus uji " + Guid.NewGuid().ToString("N")[..6];
        var added = await Form(c, $"/admin/opd/{opd}/layanan/Save", $"/admin/opd/{opd}/layanan", new() { ["Input.Name"] = name });
        if (added.StatusCode != HttpStatusCode.OK)
        {
            return added;
        }
        var id = System.Text.RegularExpressions.Regex.Matches(await added.Content.ReadAsStringAsync(), "layanan\\?ubah=(\\d+)").Last().Groups[1].Value;
        added.Dispose();
        return await Form(c, $"/admin/opd/{opd}/layanan/Delete?id={id}", $"/admin/opd/{opd}/layanan");
    }

    private const string AdminBootstrapEmail = SatuPintuApp.BootstrapAdminEmail;

    /// <summary>Archive and restore again, so the shared OPDs stay on the portal for the other cases.</summary>
    private static async Task<HttpResponseMessage> ArchiveTwice(HttpClient c, string opd)
    {
        var first = await Form(c, $"/admin/opd/{opd}/Archive", $"/admin/opd/{opd}");
        // A change that went through redirects back to the OPD's page (POST/redirect/GET).
        if (first.StatusCode != HttpStatusCode.Redirect || first.Headers.Location?.ToString() != $"/admin/opd/{opd}")
        {
            return first;
        }
        first.Dispose();
        return await Form(c, $"/admin/opd/{opd}/Archive", $"/admin/opd/{opd}");
    }

    private static string Person => $"/admin/pengguna/orang/{Fixture.StrangerUserId}";

    /// <summary>Two steps on the stranger's page (grant then remove, disable then enable); a refused first step is the answer.</summary>
    private static async Task<HttpResponseMessage> TwoSteps(HttpClient c, string first, Dictionary<string, string> fields, string second)
    {
        var done = await Form(c, $"{Person}/{first}", Person, fields);
        if (done.StatusCode != HttpStatusCode.Redirect)
        {
            return done;
        }
        done.Dispose();
        return await Form(c, $"{Person}/{second}", Person);
    }

    private static object NewArticle(string opd) => new { opd, kind = "berita", title = "Uji matriks", body = "isi" };

    private static object NewPage(string opd) => new { opd, slug = "uji-" + Guid.NewGuid().ToString("N")[..8], title = "Halaman uji matriks", body = "isi" };

    private static Dictionary<string, string> PageForm(string opd) => new() { ["Input.Opd"] = opd, ["Input.Title"] = "Halaman uji matriks", ["Input.Slug"] = "uji-" + Guid.NewGuid().ToString("N")[..8], ["Input.Body"] = "isi" };

    private static Dictionary<string, string> ArticleForm(string opd) => new() { ["Input.Opd"] = opd, ["Input.Kind"] = "berita", ["Input.Title"] = "Uji matriks", ["Input.Body"] = "isi" };

    /// <summary>Archive through the API and restore again, so the shared OPDs stay on the portal for the other cases.</summary>
    private static async Task<HttpResponseMessage> ArchiveThenRestore(HttpClient c, string opd)
    {
        var archived = await c.DeleteAsync(new Uri($"/api/v1/opds/{opd}", UriKind.Relative));
        if (archived.StatusCode != HttpStatusCode.NoContent)
        {
            return archived;
        }
        archived.Dispose();
        return await Post(c, $"/api/v1/opds/{opd}/restore");
    }

    /// <summary>Hide and show again (API or form), so the shared OPDs stay on the portal for the other cases.</summary>
    private static async Task<HttpResponseMessage> HideThenShow(HttpClient c, string opd, bool form)
    {
        var hidden = form ? await Form(c, $"/admin/opd/{opd}/Visibility?show=false", $"/admin/opd/{opd}") : await Post(c, $"/api/v1/opds/{opd}/hide");
        if (hidden.StatusCode != (form ? HttpStatusCode.Redirect : HttpStatusCode.OK))
        {
            return hidden;
        }
        hidden.Dispose();
        return form ? await Form(c, $"/admin/opd/{opd}/Visibility?show=true", $"/admin/opd/{opd}") : await Post(c, $"/api/v1/opds/{opd}/show");
    }

    /// <summary>Adds a unit, then archives it: the refusal of either step is the answer.</summary>
    private static async Task<HttpResponseMessage> ArchiveUnitTwice(HttpClient c, string opd)
    {
        var name = "UPT Arsip " + Guid.NewGuid().ToString("N")[..6];
        var added = await Form(c, $"/admin/opd/{opd}/unit/Save", $"/admin/opd/{opd}/unit", new() { ["Input.Name"] = name, ["Input.KindLabel"] = "UPT" });
        if (added.Headers.Location?.ToString() != $"/admin/opd/{opd}/unit")
        {
            return added;
        }
        added.Dispose();
        var page = await c.GetStringAsync(new Uri($"/admin/opd/{opd}/unit", UriKind.Relative));
        var id = System.Text.RegularExpressions.Regex.Match(page, "unit\\?ubah=(\\d+)\" aria-label=\"Ubah " + name).Groups[1].Value;
        return await Form(c, $"/admin/opd/{opd}/unit/Archive?id={id}", $"/admin/opd/{opd}/unit");
    }

    private static readonly Case[] Cases =
    [
        // API
        new("api/v1/articles/", "GET", null, Rule.Staff, false, default, (c, _, _) => Get(c, "/api/v1/articles")),
        new("api/v1/articles/{id:int}", "GET", null, Rule.EditOpd, true, PublicationStatus.Draft, (c, id, _) => Get(c, $"/api/v1/articles/{id}")),
        new("api/v1/articles/", "POST", null, Rule.EditOpd, true, default, (c, _, opd) => Post(c, "/api/v1/articles", NewArticle(opd))),
        new("api/v1/articles/{id:int}", "PUT", null, Rule.EditOpd, true, PublicationStatus.Draft, (c, id, opd) => c.PutAsJsonAsync($"/api/v1/articles/{id}", NewArticle(opd))),
        new("api/v1/articles/{id:int}", "DELETE", null, Rule.EditOpd, true, PublicationStatus.Draft, (c, id, _) => c.DeleteAsync(new Uri($"/api/v1/articles/{id}", UriKind.Relative))),
        new("api/v1/articles/{id:int}/submit", "POST", null, Rule.EditOpd, true, PublicationStatus.Draft, (c, id, _) => Post(c, $"/api/v1/articles/{id}/submit")),
        new("api/v1/articles/{id:int}/publish", "POST", null, Rule.PublishOpd, true, PublicationStatus.Review, (c, id, _) => Post(c, $"/api/v1/articles/{id}/publish")),
        new("api/v1/articles/{id:int}/reject", "POST", null, Rule.PublishOpd, true, PublicationStatus.Review, (c, id, _) => Post(c, $"/api/v1/articles/{id}/reject", new { reason = "kurang foto" })),
        new("api/v1/articles/{id:int}/unpublish", "POST", null, Rule.PublishOpd, true, PublicationStatus.Published, (c, id, _) => Post(c, $"/api/v1/articles/{id}/unpublish")),
        new("api/v1/documents/", "GET", null, Rule.Staff, false, default, (c, _, _) => Get(c, "/api/v1/documents")),
        new("api/v1/documents/{id:int}", "GET", null, Rule.EditOpd, true, PublicationStatus.Review, (c, id, _) => Get(c, $"/api/v1/documents/{id}"), OnDocument: true),
        new("api/v1/documents/", "POST", null, Rule.EditOpd, true, default, (c, _, opd) => c.PostAsync(new Uri("/api/v1/documents", UriKind.Relative), new MultipartFormDataContent
        {
            { new StringContent(opd), "opd" }, { new StringContent("Uji matriks"), "title" },
            { new ByteArrayContent(SatuPintu.Data.Demo.DemoDocuments.MinimalPdf("uji", "api")), "file", "uji.pdf" },
        })),
        new("api/v1/documents/{id:int}/publish", "POST", null, Rule.PublishOpd, true, PublicationStatus.Review, (c, id, _) => Post(c, $"/api/v1/documents/{id}/publish"), OnDocument: true),
        new("api/v1/documents/{id:int}", "DELETE", null, Rule.PublishOpd, true, PublicationStatus.Published, (c, id, _) => c.DeleteAsync(new Uri($"/api/v1/documents/{id}", UriKind.Relative)), OnDocument: true),
        new("api/v1/pages/", "GET", null, Rule.Staff, false, default, (c, _, _) => Get(c, "/api/v1/pages")),
        new("api/v1/pages/{id:int}", "GET", null, Rule.EditOpd, true, PublicationStatus.Draft, (c, id, _) => Get(c, $"/api/v1/pages/{id}"), OnPage: true),
        new("api/v1/pages/", "POST", null, Rule.EditOpd, true, default, (c, _, opd) => Post(c, "/api/v1/pages", NewPage(opd))),
        new("api/v1/pages/{id:int}", "PUT", null, Rule.EditOpd, true, PublicationStatus.Draft, (c, id, opd) => c.PutAsJsonAsync($"/api/v1/pages/{id}", NewPage(opd)), OnPage: true),
        new("api/v1/pages/{id:int}", "DELETE", null, Rule.EditOpd, true, PublicationStatus.Draft, (c, id, _) => c.DeleteAsync(new Uri($"/api/v1/pages/{id}", UriKind.Relative)), OnPage: true),
        new("api/v1/pages/{id:int}/submit", "POST", null, Rule.EditOpd, true, PublicationStatus.Draft, (c, id, _) => Post(c, $"/api/v1/pages/{id}/submit"), OnPage: true),
        new("api/v1/pages/{id:int}/publish", "POST", null, Rule.PublishOpd, true, PublicationStatus.Review, (c, id, _) => Post(c, $"/api/v1/pages/{id}/publish"), OnPage: true),
        new("api/v1/pages/{id:int}/reject", "POST", null, Rule.PublishOpd, true, PublicationStatus.Review, (c, id, _) => Post(c, $"/api/v1/pages/{id}/reject", new { reason = "kurang lengkap" }), OnPage: true),
        new("api/v1/pages/{id:int}/unpublish", "POST", null, Rule.PublishOpd, true, PublicationStatus.Published, (c, id, _) => Post(c, $"/api/v1/pages/{id}/unpublish"), OnPage: true),
        new("api/v1/opds/", "GET", null, Rule.Staff, false, default, (c, _, _) => Get(c, "/api/v1/opds")),
        new("api/v1/opds/{slug}", "GET", null, Rule.Staff, false, default, (c, _, _) => Get(c, "/api/v1/opds/dinkes")),
        new("api/v1/opds/", "POST", null, Rule.AdminOnly, false, default, (c, _, _) => Post(c, "/api/v1/opds", new { name = "Badan Uji " + Guid.NewGuid().ToString("N")[..6], kind = "badan" })),
        new("api/v1/opds/{slug}", "PUT", null, Rule.EditOpd, true, default, (c, _, opd) => c.PutAsJsonAsync($"/api/v1/opds/{opd}", new { name = opd == Personas.OpdA ? "Dinas Kesehatan" : "Dinas Sosial", summary = "Profil uji matriks.", phone = "(0732) 391 000" })),
        new("api/v1/opds/{slug}", "DELETE", null, Rule.AdminOnly, true, default, (c, _, opd) => ArchiveThenRestore(c, opd)),
        new("api/v1/opds/{slug}/restore", "POST", null, Rule.AdminOnly, true, default, (c, _, opd) => Post(c, $"/api/v1/opds/{opd}/restore")),
        new("api/v1/opds/{slug}/hide", "POST", null, Rule.AdminOnly, true, default, (c, _, opd) => HideThenShow(c, opd, form: false)),
        new("api/v1/opds/{slug}/show", "POST", null, Rule.AdminOnly, true, default, (c, _, opd) => Post(c, $"/api/v1/opds/{opd}/show")),
        new("api/{documentName}/openapi.json", "GET", null, Rule.Anyone, false, default, (c, _, _) => Get(c, "/api/v1/openapi.json")),
        new("api/v1", "GET", null, Rule.Anyone, false, default, (c, _, _) => Get(c, "/api/v1")),
        // Admin pages
        new("admin/masuk", "GET", null, Rule.Anyone, false, default, (c, _, _) => Get(c, "/admin/masuk")),
        new("admin/masuk", "POST", null, Rule.Anyone, false, default, (c, _, _) => Form(c, "/admin/masuk", "/admin/masuk", new() { ["Email"] = "bukan@contoh.id", ["Password"] = "salah-salah-salah" })),
        // The access-denied page itself always answers 403.
        new("admin/masuk/kode", "GET", null, Rule.Anyone, false, default, (c, _, _) => Get(c, "/admin/masuk/kode")),
        // Without a password step in progress there is no one to check a code for.
        new("admin/masuk/kode", "POST", null, Rule.Nobody, false, default, (c, _, _) => Form(c, "/admin/masuk/kode", "/admin/masuk/kode", new() { ["Code"] = "123456" })),
        new("admin/akun/2fa/{handler?}", "GET", null, Rule.Staff, false, default, (c, _, _) => Get(c, "/admin/akun/2fa")),
        new("admin/akun/2fa/{handler?}", "POST", "Enable", Rule.Staff, false, default, (c, _, _) => EnableThenDisable(c, disable: false)),
        new("admin/akun/2fa/{handler?}", "POST", "Disable", Rule.Staff, false, default, (c, _, _) => EnableThenDisable(c, disable: true)),
        new("admin/ditolak", "GET", null, Rule.Nobody, false, default, (c, _, _) => Get(c, "/admin/ditolak")),
        new("admin/keluar", "GET", null, Rule.Anyone, false, default, (c, _, _) => Get(c, "/admin/keluar")),
        new("admin/keluar", "POST", null, Rule.Anyone, false, default, (c, _, _) => Form(c, "/admin/keluar", "/admin/masuk")),
        new("admin", "GET", null, Rule.Staff, false, default, (c, _, _) => Get(c, "/admin")),
        new("admin/artikel", "GET", null, Rule.Staff, false, default, (c, _, _) => Get(c, "/admin/artikel")),
        new("admin/audit/{handler?}", "GET", null, Rule.AdminOnly, false, default, (c, _, _) => Get(c, "/admin/audit")),
        new("admin/audit/{handler?}", "GET", "Csv", Rule.AdminOnly, false, default, (c, _, _) => Get(c, "/admin/audit/Csv")),
        new("admin/jaringan/impor/{handler?}", "GET", null, Rule.AdminOnly, false, default, (c, _, _) => Get(c, "/admin/jaringan/impor")),
        new("admin/jaringan/impor/{handler?}", "GET", "Template", Rule.AdminOnly, false, default, (c, _, _) => Get(c, "/admin/jaringan/impor/Template?kind=subnets")),
        new("admin/jaringan/impor/{handler?}", "GET", "Export", Rule.AdminOnly, false, default, (c, _, _) => Get(c, "/admin/jaringan/impor/Export?format=xlsx")),
        new("admin/jaringan/impor/{handler?}", "POST", "Preview", Rule.AdminOnly, false, default, (c, _, _) => Network.NetworkIoRequests.PreviewAsync(c, System.Text.Encoding.UTF8.GetBytes(Network.NetworkIoRequests.GoodUplinks()))),
        new("admin/jaringan/impor/{handler?}", "POST", "Commit", Rule.AdminOnly, false, default, (c, _, _) => Network.NetworkIoRequests.PreviewThenCommitAsync(c)),
        new("admin/jaringan/laporan/{handler?}", "GET", null, Rule.AdminOnly, false, default, (c, _, _) => Get(c, "/admin/jaringan/laporan")),
        new("admin/jaringan/laporan/{handler?}", "GET", "Xlsx", Rule.AdminOnly, false, default, (c, _, _) => Get(c, "/admin/jaringan/laporan/Xlsx")),
        new("admin/akun/token/{handler?}", "POST", "SignOutEverywhere", Rule.Staff, false, default, (c, _, _) => Form(c, "/admin/akun/token/SignOutEverywhere", "/admin/akun/token")),
        new("admin/akun/token/{handler?}", "GET", null, Rule.Staff, false, default, (c, _, _) => Get(c, "/admin/akun/token")),
        new("admin/akun/token/{handler?}", "POST", "Create", Rule.Staff, false, default, (c, _, _) => Form(c, "/admin/akun/token/Create", "/admin/akun/token", new() { ["Name"] = "matriks", ["ExpiresInDays"] = "1", ["CurrentPassword"] = Personas.Password })),
        // Revoking someone else's token is refused to everyone, admins included.
        new("admin/akun/token/{handler?}", "POST", "Revoke", Rule.Nobody, false, default, (c, _, _) => Form(c, $"/admin/akun/token/Revoke?id={Fixture.StrangerTokenId}", "/admin/akun/token")),
        // Ending a session that is not one's own (here: no such session) is refused to everyone.
        new("admin/akun/token/{handler?}", "POST", "EndSession", Rule.Nobody, false, default, (c, _, _) => Form(c, "/admin/akun/token/EndSession?id=bukan-sesi-siapa-pun", "/admin/akun/token")),
        new("admin/artikel/baru/{handler?}", "GET", null, Rule.Staff, false, default, (c, _, _) => Get(c, "/admin/artikel/baru")),
        new("admin/artikel/baru/{handler?}", "POST", "Save", Rule.EditOpd, true, default, (c, _, opd) => Form(c, "/admin/artikel/baru/Save", "/admin/artikel/baru", ArticleForm(opd))),
        new("admin/artikel/{id:int}/{handler?}", "GET", null, Rule.EditOpd, true, PublicationStatus.Draft, (c, id, _) => Get(c, $"/admin/artikel/{id}")),
        new("admin/artikel/{id:int}/{handler?}", "POST", "Save", Rule.EditOpd, true, PublicationStatus.Draft, (c, id, opd) => Form(c, $"/admin/artikel/{id}/Save", $"/admin/artikel/{id}", ArticleForm(opd))),
        new("admin/artikel/{id:int}/{handler?}", "POST", "Submit", Rule.EditOpd, true, PublicationStatus.Draft, (c, id, _) => Form(c, $"/admin/artikel/{id}/Submit", $"/admin/artikel/{id}")),
        new("admin/artikel/{id:int}/{handler?}", "POST", "Publish", Rule.PublishOpd, true, PublicationStatus.Review, (c, id, _) => Form(c, $"/admin/artikel/{id}/Publish", $"/admin/artikel/{id}")),
        new("admin/artikel/{id:int}/{handler?}", "POST", "Reject", Rule.PublishOpd, true, PublicationStatus.Review, (c, id, _) => Form(c, $"/admin/artikel/{id}/Reject", $"/admin/artikel/{id}", new() { ["Input.Reason"] = "kurang foto" })),
        new("admin/artikel/{id:int}/{handler?}", "POST", "Unpublish", Rule.PublishOpd, true, PublicationStatus.Published, (c, id, _) => Form(c, $"/admin/artikel/{id}/Unpublish", $"/admin/artikel/{id}")),
        new("admin/artikel/{id:int}/{handler?}", "POST", "Image", Rule.EditOpd, true, PublicationStatus.Draft, (c, id, _) => ImageForm(c, id)),
        new("admin/halaman", "GET", null, Rule.Staff, false, default, (c, _, _) => Get(c, "/admin/halaman")),
        new("admin/halaman/baru/{handler?}", "GET", null, Rule.Staff, false, default, (c, _, _) => Get(c, "/admin/halaman/baru")),
        new("admin/halaman/baru/{handler?}", "POST", "Save", Rule.EditOpd, true, default, (c, _, opd) => Form(c, "/admin/halaman/baru/Save", "/admin/halaman/baru", PageForm(opd))),
        new("admin/halaman/{id:int}/{handler?}", "GET", null, Rule.EditOpd, true, PublicationStatus.Draft, (c, id, _) => Get(c, $"/admin/halaman/{id}"), OnPage: true),
        new("admin/halaman/{id:int}/{handler?}", "POST", "Save", Rule.EditOpd, true, PublicationStatus.Draft, (c, id, opd) => Form(c, $"/admin/halaman/{id}/Save", $"/admin/halaman/{id}", PageForm(opd)), OnPage: true),
        new("admin/halaman/{id:int}/{handler?}", "POST", "Submit", Rule.EditOpd, true, PublicationStatus.Draft, (c, id, _) => Form(c, $"/admin/halaman/{id}/Submit", $"/admin/halaman/{id}"), OnPage: true),
        new("admin/halaman/{id:int}/{handler?}", "POST", "Publish", Rule.PublishOpd, true, PublicationStatus.Review, (c, id, _) => Form(c, $"/admin/halaman/{id}/Publish", $"/admin/halaman/{id}"), OnPage: true),
        new("admin/halaman/{id:int}/{handler?}", "POST", "Reject", Rule.PublishOpd, true, PublicationStatus.Review, (c, id, _) => Form(c, $"/admin/halaman/{id}/Reject", $"/admin/halaman/{id}", new() { ["Input.Reason"] = "kurang lengkap" }), OnPage: true),
        new("admin/halaman/{id:int}/{handler?}", "POST", "Unpublish", Rule.PublishOpd, true, PublicationStatus.Published, (c, id, _) => Form(c, $"/admin/halaman/{id}/Unpublish", $"/admin/halaman/{id}"), OnPage: true),
        new("admin/halaman/{id:int}/{handler?}", "POST", "Delete", Rule.EditOpd, true, PublicationStatus.Draft, (c, id, _) => Form(c, $"/admin/halaman/{id}/Delete", $"/admin/halaman/{id}"), OnPage: true),
        new("admin/dokumen/{handler?}", "GET", null, Rule.Staff, false, default, (c, _, _) => Get(c, "/admin/dokumen")),
        new("admin/dokumen/{handler?}", "POST", "Upload", Rule.EditOpd, true, default, (c, _, opd) => UploadForm(c, opd)),
        new("admin/dokumen/{handler?}", "POST", "Publish", Rule.PublishOpd, true, PublicationStatus.Review, (c, id, _) => Form(c, $"/admin/dokumen/Publish?id={id}", "/admin/dokumen"), OnDocument: true),
        new("admin/dokumen/{handler?}", "POST", "Delete", Rule.PublishOpd, true, PublicationStatus.Published, (c, id, _) => Form(c, $"/admin/dokumen/Delete?id={id}", "/admin/dokumen"), OnDocument: true),
        new("admin/opd/{handler:regex(^Create$)?}", "GET", null, Rule.Staff, false, default, (c, _, _) => Get(c, "/admin/opd")),
        new("admin/opd/{handler:regex(^Create$)?}", "POST", "Create", Rule.AdminOnly, false, default, (c, _, _) => Form(c, "/admin/opd/Create", "/admin/opd", new() { ["Input.Name"] = "Badan Uji " + Guid.NewGuid().ToString("N")[..6], ["Input.Kind"] = "Badan" })),
        new("admin/opd/{slug}/{handler?}", "GET", null, Rule.EditOpd, true, default, (c, _, opd) => Get(c, $"/admin/opd/{opd}")),
        new("admin/opd/{slug}/{handler?}", "POST", "Save", Rule.EditOpd, true, default, (c, _, opd) => Form(c, $"/admin/opd/{opd}/Save", $"/admin/opd/{opd}", new() { ["Input.Name"] = opd == Personas.OpdA ? "Dinas Kesehatan" : "Dinas Sosial", ["Input.Summary"] = "Profil uji matriks.", ["Input.Phone"] = "(0732) 391 000" })),
        new("admin/opd/{slug}/{handler?}", "POST", "Archive", Rule.AdminOnly, true, default, (c, _, opd) => ArchiveTwice(c, opd)),
        new("admin/opd/{slug}/{handler?}", "POST", "Visibility", Rule.AdminOnly, true, default, (c, _, opd) => HideThenShow(c, opd, form: true)),
        new("admin/opd/{slug}/{handler?}", "POST", "AddUnit", Rule.AdminOnly, true, default, (c, _, opd) => Form(c, $"/admin/opd/{opd}/AddUnit", $"/admin/opd/{opd}", new() { ["UnitName"] = "UPT Uji " + Guid.NewGuid().ToString("N")[..6], ["UnitKind"] = "UPT" })),
        new("admin/opd/{slug}/{handler?}", "POST", "AddMember", Rule.AdminOnly, true, default, (c, _, opd) => Form(c, $"/admin/opd/{opd}/AddMember", $"/admin/opd/{opd}", new() { ["MemberEmail"] = AdminBootstrapEmail, ["MemberRole"] = "Editor" })),
        new("admin/opd/{slug}/{handler?}", "POST", "RemoveMember", Rule.Nobody, true, default, (c, _, opd) => Form(c, $"/admin/opd/{opd}/RemoveMember?membership=999999", $"/admin/opd/{opd}")),
        new("admin/artikel/{id:int}/revisi/{handler?}", "GET", null, Rule.EditOpd, true, PublicationStatus.Draft, (c, id, _) => Get(c, $"/admin/artikel/{id}/revisi")),
        new("admin/artikel/{id:int}/revisi/{handler?}", "POST", "Restore", Rule.EditOpd, true, PublicationStatus.Draft, (c, id, _) => Form(c, $"/admin/artikel/{id}/revisi/Restore?revision=1", $"/admin/artikel/{id}/revisi")),
        new("admin/opd/{slug}/layanan/{handler?}", "GET", null, Rule.EditOpd, true, default, (c, _, opd) => Get(c, $"/admin/opd/{opd}/layanan")),
        new("admin/opd/{slug}/unit/{handler?}", "GET", null, Rule.EditOpd, true, default, (c, _, opd) => Get(c, $"/admin/opd/{opd}/unit")),
        new("admin/opd/{slug}/unit/{handler?}", "POST", "Save", Rule.EditOpd, true, default, (c, _, opd) => Form(c, $"/admin/opd/{opd}/unit/Save", $"/admin/opd/{opd}/unit", new() { ["Input.Name"] = "UPT Uji " + Guid.NewGuid().ToString("N")[..6], ["Input.KindLabel"] = "UPT" })),
        new("admin/opd/{slug}/unit/{handler?}", "POST", "Archive", Rule.EditOpd, true, default, (c, _, opd) => ArchiveUnitTwice(c, opd)),
        new("admin/opd/{slug}/layanan/{handler?}", "POST", "Save", Rule.EditOpd, true, default, (c, _, opd) => Form(c, $"/admin/opd/{opd}/layanan/Save", $"/admin/opd/{opd}/layanan", new() { ["Input.Name"] = "Layanan uji " + Guid.NewGuid().ToString("N")[..6] })),
        new("admin/opd/{slug}/layanan/{handler?}", "POST", "Delete", Rule.EditOpd, true, default, (c, _, opd) => DeleteFirstService(c, opd)),
        // Network: public figures for anyone; every change and every admin page for Diskominfo admins (and read-only pimpinan, tested in NetworkAdminTests).
        new("api/v1/search", "GET", null, Rule.Anyone, false, default, (c, _, _) => Get(c, "/api/v1/search?q=kesehatan")),
        new("api/v1/network/progress", "GET", null, Rule.Anyone, false, default, (c, _, _) => Get(c, "/api/v1/network/progress")),
        new("api/v1/network/sites", "GET", null, Rule.Anyone, false, default, (c, _, _) => Get(c, "/api/v1/network/sites")),
        new("api/v1/network/subnets", "POST", null, Rule.AdminOnly, false, default, async (c, _, _) => await Post(c, "/api/v1/network/subnets", new { siteId = (await N.SiteAsync(c, "Kantor Camat Merigi")).Id, cidr = N.FreshCidr() })),
        new("api/v1/network/sites/{id:int}/transitions", "POST", null, Rule.AdminOnly, false, default, (c, _, _) => N.ApiTransition(c)),
        new("admin/jaringan/{handler:regex(^Create$)?}", "GET", null, Rule.AdminOnly, false, default, (c, _, _) => Get(c, "/admin/jaringan")),
        new("admin/jaringan/{handler:regex(^Create$)?}", "POST", "Create", Rule.AdminOnly, false, default, (c, _, _) => N.Form(c, "/admin/jaringan/Create", "/admin/jaringan", new() { ["Input.Name"] = N.Fresh("Lokasi uji"), ["Input.Kind"] = "Office" })),
        new("admin/jaringan/lokasi/{id:int}/{handler?}", "GET", null, Rule.AdminOnly, false, default, async (c, _, _) => await Get(c, await N.SitePage(c))),
        new("admin/jaringan/lokasi/{id:int}/{handler?}", "POST", "Save", Rule.AdminOnly, false, default, (c, _, _) => N.SiteForm(c, "Save", new() { ["Input.Name"] = "Kantor Camat Merigi", ["Input.Kind"] = "Kecamatan" })),
        new("admin/jaringan/lokasi/{id:int}/{handler?}", "POST", "Link", Rule.AdminOnly, false, default, (c, _, _) => N.SiteForm(c, "Link", new() { ["Link.Medium"] = "WirelessPtmp", ["Link.CommittedDownMbps"] = "10", ["Link.CommittedUpMbps"] = "5" })),
        new("admin/jaringan/lokasi/{id:int}/{handler?}", "POST", "Subnet", Rule.AdminOnly, false, default, (c, _, _) => N.SiteForm(c, "Subnet", new() { ["Subnet.Cidr"] = N.FreshCidr() })),
        new("admin/jaringan/lokasi/{id:int}/{handler?}", "POST", "DeleteSubnet", Rule.AdminOnly, false, default, (c, _, _) => N.DeleteSubnet(c)),
        new("admin/jaringan/lokasi/{id:int}/{handler?}", "POST", "Transition", Rule.AdminOnly, false, default, (c, _, _) => N.PageTransition(c)),
        new("admin/jaringan/rencana/{handler?}", "GET", null, Rule.AdminOnly, false, default, (c, _, _) => Get(c, "/admin/jaringan/rencana")),
        new("admin/jaringan/rencana/{handler?}", "POST", "Uplink", Rule.AdminOnly, false, default, (c, _, _) => N.Form(c, "/admin/jaringan/rencana/Uplink", "/admin/jaringan/rencana", N.UplinkForm())),
        new("admin/jaringan/rencana/{handler?}", "POST", "DeleteUplink", Rule.AdminOnly, false, default, (c, _, _) => N.DeleteUplink(c)),
        new("admin/jaringan/rencana/{handler?}", "POST", "Phase", Rule.AdminOnly, false, default, (c, _, _) => N.Form(c, "/admin/jaringan/rencana/Phase", "/admin/jaringan/rencana", new() { ["Phase.Name"] = N.Fresh("Tahap uji"), ["Phase.TargetYear"] = "2027" })),
        new("admin/jaringan/anggaran/{handler?}", "GET", null, Rule.AdminOnly, false, default, (c, _, _) => Get(c, "/admin/jaringan/anggaran")),
        new("admin/jaringan/anggaran/{handler?}", "POST", "Save", Rule.AdminOnly, false, default, (c, _, _) => N.Form(c, "/admin/jaringan/anggaran/Save", "/admin/jaringan/anggaran", N.BudgetForm(2030))),
        new("admin/jaringan/anggaran/{handler?}", "POST", "Delete", Rule.AdminOnly, false, default, (c, _, _) => N.DeleteBudgetLine(c)),
        new("admin/artikel/{id:int}/{handler?}", "POST", "Delete", Rule.EditOpd, true, PublicationStatus.Draft, (c, id, _) => Form(c, $"/admin/artikel/{id}/Delete?confirm=true", $"/admin/artikel/{id}")),
        // Corrections: proposed by whoever edits the OPD, decided by its reviewers (409 when none waits).
        new("admin/artikel/{id:int}/{handler?}", "POST", "Propose", Rule.EditOpd, true, PublicationStatus.Published, (c, id, _) => Form(c, $"/admin/artikel/{id}/Propose", $"/admin/artikel/{id}", new() { ["Input.Title"] = "Koreksi matriks", ["Input.Body"] = "Isi koreksi." })),
        new("admin/artikel/{id:int}/{handler?}", "POST", "AcceptCorrection", Rule.PublishOpd, true, PublicationStatus.Published, (c, id, _) => Form(c, $"/admin/artikel/{id}/AcceptCorrection", $"/admin/artikel/{id}")),
        new("admin/artikel/{id:int}/{handler?}", "POST", "DeclineCorrection", Rule.PublishOpd, true, PublicationStatus.Published, (c, id, _) => Form(c, $"/admin/artikel/{id}/DeclineCorrection", $"/admin/artikel/{id}")),
        new("admin/artikel/sampah/{handler?}", "GET", null, Rule.Staff, false, default, (c, _, _) => Get(c, "/admin/artikel/sampah")),
        // Set up as rejected: a draft is the default setup, which the matrix reads as "no item" on a route without {id}.
        new("admin/artikel/sampah/{handler?}", "POST", "Restore", Rule.EditOpd, true, PublicationStatus.Rejected, (c, id, _) => Form(c, $"/admin/artikel/sampah/Restore?id={id}", "/admin/artikel/sampah")),
        // Monitoring alerts and the website watch: Diskominfo admins only (steps work on a webhook and a page on 127.0.0.1:9).
        new("api/v1/monitoring/channels/", "POST", null, Rule.AdminOnly, false, default, (c, _, _) => Post(c, "/api/v1/monitoring/channels", M.NewWebhook())),
        new("admin/pemantauan/kanal/{handler?}", "GET", null, Rule.AdminOnly, false, default, (c, _, _) => Get(c, "/admin/pemantauan/kanal")),
        new("admin/pemantauan/kanal/{handler?}", "POST", "Create", Rule.AdminOnly, false, default, (c, _, _) => N.Form(c, "/admin/pemantauan/kanal/Create", "/admin/pemantauan/kanal", M.ChannelForm())),
        new("admin/pemantauan/kanal/{handler?}", "POST", "Test", Rule.AdminOnly, false, default, (c, _, _) => M.ChannelForm(c, "Test")),
        new("admin/pemantauan/kanal/{handler?}", "POST", "Enable", Rule.AdminOnly, false, default, (c, _, _) => M.ChannelForm(c, "Enable")),
        new("admin/pemantauan/kanal/{handler?}", "POST", "Disable", Rule.AdminOnly, false, default, (c, _, _) => M.ChannelForm(c, "Disable")),
        new("admin/pemantauan/kanal/{handler?}", "POST", "Subscribe", Rule.AdminOnly, false, default, (c, _, _) => M.ChannelForm(c, "Subscribe")),
        new("admin/pemantauan/kanal/{handler?}", "POST", "Unsubscribe", Rule.AdminOnly, false, default, (c, _, _) => M.Unsubscribe(c)),
        // The acronym list and the index rebuild: admins only (the rebuild runs on the matrix host's demo data).
        new("admin/pencarian/{handler?}", "GET", null, Rule.AdminOnly, false, default, (c, _, _) => Get(c, "/admin/pencarian")),
        new("admin/pencarian/{handler?}", "POST", "Save", Rule.AdminOnly, false, default, (c, _, _) => Form(c, "/admin/pencarian/Save", "/admin/pencarian", new() { ["Input.Abbreviation"] = "mtx" + Guid.NewGuid().ToString("N")[..6], ["Input.Phrases"] = "uji matriks", ["Existing"] = "false" })),
        new("admin/pencarian/{handler?}", "POST", "Remove", Rule.AdminOnly, false, default, (c, _, _) => Form(c, "/admin/pencarian/Remove?singkatan=sim", "/admin/pencarian")),
        new("admin/pencarian/{handler?}", "POST", "Restore", Rule.AdminOnly, false, default, (c, _, _) => Form(c, "/admin/pencarian/Restore?singkatan=sim", "/admin/pencarian")),
        new("admin/pencarian/{handler?}", "POST", "Reindex", Rule.AdminOnly, false, default, (c, _, _) => Form(c, "/admin/pencarian/Reindex", "/admin/pencarian")),
        new("admin/pemantauan/situs/{handler?}", "GET", null, Rule.AdminOnly, false, default, (c, _, _) => Get(c, "/admin/pemantauan/situs")),
        new("admin/pemantauan/situs/{handler?}", "POST", "Add", Rule.AdminOnly, false, default, (c, _, _) => N.Form(c, "/admin/pemantauan/situs/Add", "/admin/pemantauan/situs", M.TargetForm())),
        new("admin/pemantauan/situs/{handler?}", "POST", "Resume", Rule.AdminOnly, false, default, (c, _, _) => M.TargetForm(c, "Resume")),
        new("admin/pemantauan/situs/{handler?}", "POST", "Pause", Rule.AdminOnly, false, default, (c, _, _) => M.TargetForm(c, "Pause")),
        new("admin/pemantauan/situs/{handler?}", "POST", "Fixed", Rule.AdminOnly, false, default, (c, _, _) => M.TargetForm(c, "Fixed")),
        new("admin/pemantauan/situs/{handler?}", "POST", "Inspect", Rule.AdminOnly, false, default, (c, _, _) => M.TargetForm(c, "Inspect")),
        // No finding exists on the matrix host: every caller is refused (admins with 404); marking is tested in WebsiteWatchTests.
        new("admin/pemantauan/situs/{handler?}", "POST", "FalseAlarm", Rule.Nobody, false, default, (c, _, _) => N.Form(c, "/admin/pemantauan/situs/FalseAlarm?id=999999", "/admin/pemantauan/situs")),
        new("admin/pemantauan/situs/{handler?}", "POST", "AddKeyword", Rule.AdminOnly, false, default, (c, _, _) => M.Keyword(c, "AddKeyword")),
        new("admin/pemantauan/situs/{handler?}", "POST", "RemoveKeyword", Rule.AdminOnly, false, default, async (c, _, _) => { (await M.Keyword(c, "AddKeyword")).Dispose(); return await M.Keyword(c, "RemoveKeyword"); }),
        // Monitoring: everything for Diskominfo admins; the status for anyone (checks only on loopback targets, created paused).
        new("api/v1/status", "GET", null, Rule.Anyone, false, default, (c, _, _) => Get(c, "/api/v1/status")),
        new("api/v1/status/{slug}", "GET", null, Rule.Anyone, false, default, (c, _, _) => Get(c, $"/api/v1/status/{Personas.OpdA}")),
        new("api/v1/monitoring/checks", "GET", null, Rule.AdminOnly, false, default, (c, _, _) => Get(c, "/api/v1/monitoring/checks")),
        new("api/v1/monitoring/checks", "POST", null, Rule.AdminOnly, false, default, (c, _, _) => Post(c, "/api/v1/monitoring/checks", M.NewCheck())),
        new("api/v1/monitoring/checks/{id:long}", "GET", null, Rule.AdminOnly, false, default, (c, _, _) => Get(c, $"/api/v1/monitoring/checks/{M.CheckId}")),
        new("api/v1/monitoring/checks/{id:long}/pause", "POST", null, Rule.AdminOnly, false, default, (c, _, _) => Post(c, $"/api/v1/monitoring/checks/{M.CheckId}/pause")),
        new("api/v1/monitoring/checks/{id:long}/resume", "POST", null, Rule.AdminOnly, false, default, (c, _, _) => Post(c, $"/api/v1/monitoring/checks/{M.CheckId}/resume")),
        new("api/v1/opd/{slug}/sources/", "POST", null, Rule.EditOpd, true, default, (c, _, opd) => Post(c, $"/api/v1/opd/{opd}/sources", new { url = S.Unreachable })),
        new("api/v1/opd/{slug}/sources/", "GET", null, Rule.EditOpd, true, default, (c, _, opd) => Get(c, $"/api/v1/opd/{opd}/sources")),
        new("api/v1/opd/{slug}/sources/{id:int}", "GET", null, Rule.EditOpd, true, default, (c, _, opd) => Get(c, $"/api/v1/opd/{opd}/sources/{S.SourceId[opd]}")),
        new("api/v1/opd/{slug}/sources/{id:int}", "PATCH", null, Rule.EditOpd, true, default, (c, _, opd) => c.PatchAsJsonAsync($"/api/v1/opd/{opd}/sources/{S.SourceId[opd]}", new { goneItems = "keep" })),
        new("api/v1/opd/{slug}/sources/{id:int}/pause", "POST", null, Rule.EditOpd, true, default, (c, _, opd) => Post(c, $"/api/v1/opd/{opd}/sources/{S.SourceId[opd]}/pause")),
        new("api/v1/opd/{slug}/sources/{id:int}/resume", "POST", null, Rule.EditOpd, true, default, (c, _, opd) => Post(c, $"/api/v1/opd/{opd}/sources/{S.SourceId[opd]}/resume")),
        new("admin/sindikasi/{handler?}", "GET", null, Rule.Staff, false, default, (c, _, _) => Get(c, "/admin/sindikasi")),
        new("admin/sindikasi/{handler?}", "POST", "Discover", Rule.EditOpd, true, default, (c, _, opd) => Form(c, "/admin/sindikasi/Discover", "/admin/sindikasi", new() { ["Opd"] = opd, ["Address"] = S.Unreachable })),
        new("admin/sindikasi/{handler?}", "POST", "Add", Rule.EditOpd, true, default, (c, _, opd) => Form(c, "/admin/sindikasi/Add", "/admin/sindikasi", new() { ["Opd"] = opd, ["Address"] = S.Unreachable })),
        new("admin/sindikasi/{handler?}", "POST", "Pause", Rule.EditOpd, true, default, (c, _, opd) => Form(c, $"/admin/sindikasi/Pause?id={S.SourceId[opd]}&paused=true", "/admin/sindikasi")),
        new("admin/sindikasi/{handler?}", "POST", "Change", Rule.EditOpd, true, default, (c, _, opd) => Form(c, $"/admin/sindikasi/Change?id={S.SourceId[opd]}", "/admin/sindikasi", new() { ["gone"] = "Keep" })),
        new("admin/sindikasi/{handler?}", "POST", "Show", Rule.EditOpd, true, default, (c, _, opd) => Form(c, $"/admin/sindikasi/Show?id={S.SourceId[opd]}&article={S.ItemId[opd]}", "/admin/sindikasi")),
        new("admin/sindikasi/{handler?}", "POST", "Hide", Rule.EditOpd, true, default, (c, _, opd) => Form(c, $"/admin/sindikasi/Hide?id={S.SourceId[opd]}&article={S.ItemId[opd]}", "/admin/sindikasi")),
        new("admin/pemantauan/{handler?}", "GET", null, Rule.AdminOnly, false, default, (c, _, _) => Get(c, "/admin/pemantauan")),
        new("admin/pemantauan/{handler?}", "POST", "Save", Rule.AdminOnly, false, default, (c, _, _) => Form(c, "/admin/pemantauan/Save", "/admin/pemantauan", M.CheckForm())),
        new("admin/pemantauan/{handler?}", "POST", "Pause", Rule.AdminOnly, false, default, (c, _, _) => Form(c, $"/admin/pemantauan/Pause?id={M.CheckId}", "/admin/pemantauan")),
        new("admin/pemantauan/{handler?}", "POST", "Resume", Rule.AdminOnly, false, default, (c, _, _) => Form(c, $"/admin/pemantauan/Resume?id={M.CheckId}", "/admin/pemantauan")),
        new("admin/pemantauan/{handler?}", "POST", "Acknowledge", Rule.AdminOnly, false, default, (c, _, _) => Form(c, $"/admin/pemantauan/Acknowledge?id={M.IncidentId}", "/admin/pemantauan", new() { ["Note"] = "uji" })),
        // People and onboarding: admins manage accounts; links and the forgotten-password form are for anyone, a bogus link opens nothing.
        new("admin/pengguna/{handler?}", "GET", null, Rule.AdminOnly, false, default, (c, _, _) => Get(c, "/admin/pengguna?q=uji")),
        new("admin/pengguna/{handler?}", "POST", "Invite", Rule.AdminOnly, false, default, (c, _, _) => Form(c, "/admin/pengguna/Invite", "/admin/pengguna", new() { ["Email"] = "undangan-" + Guid.NewGuid().ToString("N")[..8] + "@uji.kepahiangkab.go.id", ["Role"] = "pimpinan" })),
        new("admin/pengguna/orang/{id}/{handler?}", "GET", null, Rule.AdminOnly, false, default, (c, _, _) => Get(c, Person)),
        new("admin/pengguna/orang/{id}/{handler?}", "POST", "Grant", Rule.AdminOnly, false, default, (c, _, _) => Form(c, $"{Person}/Grant", Person, new() { ["Role"] = "editor", ["Opd"] = Personas.OpdB })),
        new("admin/pengguna/orang/{id}/{handler?}", "POST", "RemoveRole", Rule.AdminOnly, false, default, (c, _, _) => TwoSteps(c, "Grant", new() { ["Role"] = "pimpinan" }, "RemoveRole?role=Pimpinan")),
        new("admin/pengguna/orang/{id}/{handler?}", "POST", "Disable", Rule.AdminOnly, false, default, (c, _, _) => TwoSteps(c, "Disable", [], "Enable")),
        new("admin/pengguna/orang/{id}/{handler?}", "POST", "Enable", Rule.AdminOnly, false, default, (c, _, _) => Form(c, $"{Person}/Enable", Person)),
        new("admin/pengguna/orang/{id}/{handler?}", "POST", "Link", Rule.AdminOnly, false, default, (c, _, _) => Form(c, $"{Person}/Link", Person)),
        new("admin/akun/sandi", "GET", null, Rule.Staff, false, default, (c, _, _) => Get(c, "/admin/akun/sandi")),
        // With a wrong current password (the shared personas keep theirs): refused to everyone.
        new("admin/akun/sandi", "POST", null, Rule.Nobody, false, default, (c, _, _) => Form(c, "/admin/akun/sandi", "/admin/akun/sandi", new() { ["CurrentPassword"] = "bukan-kata-sandinya", ["NewPassword"] = "kata sandi baru panjang", ["ConfirmPassword"] = "kata sandi baru panjang" })),
        new("admin/undangan", "GET", null, Rule.Nobody, false, default, (c, _, _) => Get(c, "/admin/undangan?token=bukan-tautan-siapa-pun-sama-sekali")),
        new("admin/undangan", "POST", null, Rule.Nobody, false, default, (c, _, _) => Form(c, "/admin/undangan?token=bukan-tautan-siapa-pun-sama-sekali", "/admin/masuk", new() { ["NewPassword"] = "kata sandi baru panjang", ["ConfirmPassword"] = "kata sandi baru panjang" })),
        new("admin/sandi-baru", "GET", null, Rule.Nobody, false, default, (c, _, _) => Get(c, "/admin/sandi-baru?token=bukan-tautan-siapa-pun-sama-sekali")),
        new("admin/sandi-baru", "POST", null, Rule.Nobody, false, default, (c, _, _) => Form(c, "/admin/sandi-baru?token=bukan-tautan-siapa-pun-sama-sekali", "/admin/masuk", new() { ["NewPassword"] = "kata sandi baru panjang", ["ConfirmPassword"] = "kata sandi baru panjang" })),
        new("admin/lupa-sandi", "GET", null, Rule.Anyone, false, default, (c, _, _) => Get(c, "/admin/lupa-sandi")),
        new("admin/lupa-sandi", "POST", null, Rule.Anyone, false, default, (c, _, _) => Form(c, "/admin/lupa-sandi", "/admin/masuk", new() { ["Email"] = "bukan@contoh.id" })),
        new("admin/pimpinan/{handler?}", "GET", null, Rule.AdminOnly, false, default, (c, _, _) => Get(c, "/admin/pimpinan")),
        new("admin/pimpinan/{handler?}", "GET", "Xlsx", Rule.AdminOnly, false, default, (c, _, _) => Get(c, "/admin/pimpinan/Xlsx")),
        new("admin/pemantauan/{handler?}", "POST", "Maintenance", Rule.AdminOnly, false, default, (c, _, _) => Form(c, "/admin/pemantauan/Maintenance", "/admin/pemantauan", M.WindowForm())),
    ];

    /// <summary>The edit pages' workflow handlers also exist on their "baru" routes, where there is no item: always 404.</summary>
    private static readonly Case[] AllCases = [.. Cases,
        .. new[] { "Submit", "Publish", "Reject", "Unpublish", "Delete", "Image", "Propose", "AcceptCorrection", "DeclineCorrection" }.Select(h =>
            new Case("admin/artikel/baru/{handler?}", "POST", h, Rule.Nobody, false, default, (c, _, _) => Form(c, $"/admin/artikel/baru/{h}", "/admin/artikel/baru"))),
        .. new[] { "Submit", "Publish", "Reject", "Unpublish", "Delete" }.Select(h =>
            new Case("admin/halaman/baru/{handler?}", "POST", h, Rule.Nobody, false, default, (c, _, _) => Form(c, $"/admin/halaman/baru/{h}", "/admin/halaman/baru")))];

    private static readonly string[] PersonaNames = ["anonim", "editor", "reviewer", "admin"];
    private static readonly string[] Verbs = ["GET", "POST", "PUT", "DELETE"];

    public static TheoryData<int, string, string> Matrix()
    {
        var data = new TheoryData<int, string, string>();
        for (var i = 0; i < AllCases.Length; i++)
        {
            foreach (var persona in PersonaNames)
            {
                foreach (var opd in AllCases[i].PerOpd ? new[] { Personas.OpdA, Personas.OpdB } : [Personas.OpdA])
                {
                    data.Add(i, persona, opd);
                }
            }
        }
        return data;
    }

    private static bool Allowed(Rule rule, string persona, string opd) => rule switch
    {
        Rule.Anyone => true,
        Rule.Staff => persona != "anonim",
        Rule.AdminOnly => persona == "admin",
        Rule.EditOpd => persona == "admin" || (persona is "editor" or "reviewer" && opd == Personas.OpdA),
        Rule.PublishOpd => persona == "admin" || (persona == "reviewer" && opd == Personas.OpdA),
        _ => false,
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Outcome_follows_the_rule(int index, string persona, string opd)
    {
        var c = AllCases[index];
        var id = c.Setup == default && !c.Pattern.Contains("{id", StringComparison.Ordinal) ? 0
            : c.OnDocument ? await TestArticles.CreateDocumentAsync(fixture.App, opd, c.Setup)
            : c.OnPage ? await TestArticles.CreatePageAsync(fixture.App, opd, c.Setup)
            : await TestArticles.CreateAsync(fixture.App, opd, c.Setup);
        var client = c.Pattern.StartsWith("api/", StringComparison.Ordinal) && persona != "anonim"
            ? Personas.Api(fixture.App, persona switch { "editor" => fixture.People.EditorA, "reviewer" => fixture.People.ReviewerA, _ => fixture.People.Admin })
            : fixture.Cookies[persona];
        if (persona != "anonim" && ((c.Pattern == "admin/keluar" && c.Method == "POST") || c.Handler == "SignOutEverywhere"))
        {
            // Signing out (everywhere) would end the shared sessions of this persona: use a person of its own.
            var fresh = await Personas.CreateAsync(fixture.App);
            client = await Personas.SignInAsync(fixture.App, fresh.All.Single(p => p.Name == persona).Email);
        }
        using var response = await c.Send(client, id, opd);
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.ToString() ?? "";
        // A challenge sends people to the login form with a ReturnUrl; signing out sends them there without one.
        var refused = status is 400 or 401 or 403 or 404 || location.Contains("/admin/masuk?ReturnUrl", StringComparison.Ordinal) || location.Contains("/admin/ditolak", StringComparison.Ordinal);
        var what = $"{c.Method} {c.Pattern} {c.Handler} as {persona} on {opd}: {status} {location}";
        if (Allowed(c.Rule, persona, opd))
        {
            Assert.False(refused || status >= 500, "should be allowed — " + what);
        }
        else
        {
            Assert.True(refused, "should be refused — " + what);
            if (c.Setup != default && id != 0)
            {
                // Refused means nothing changed.
                Assert.Equal(c.Setup, c.OnDocument ? await TestArticles.DocumentStatusAsync(fixture.App, id)
                    : c.OnPage ? await TestArticles.PageStatusAsync(fixture.App, id)
                    : await TestArticles.StatusAsync(fixture.App, id));
            }
        }
    }

    [Fact]
    public void Every_endpoint_has_a_rule()
    {
        var endpoints = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } p && (p.TrimStart('/').StartsWith("admin", StringComparison.Ordinal) || p.TrimStart('/').StartsWith("api", StringComparison.Ordinal)))
            .ToList();
        Assert.NotEmpty(endpoints);
        var missing = new List<string>();
        foreach (var e in endpoints)
        {
            var pattern = e.RoutePattern.RawText!.TrimStart('/');
            var methods = e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods;
            if (methods is not null)
            {
                missing.AddRange(methods.Where(m => !AllCases.Any(c => c.Pattern == pattern && c.Method == m)).Select(m => $"{m} {pattern}"));
                continue;
            }
            // A Razor page: every On{Verb}{Handler} method of its model needs a case.
            var page = e.Metadata.GetMetadata<Microsoft.AspNetCore.Mvc.RazorPages.PageActionDescriptor>()!;
            var typeName = "SatuPintu" + page.ViewEnginePath.Replace('/', '.') + "Model";
            var model = typeof(Program).Assembly.GetType(typeName);
            if (model is null)
            {
                // A page without a model answers GET only.
                if (!AllCases.Any(c => c.Pattern == pattern && c.Method == "GET"))
                {
                    missing.Add($"GET {pattern}");
                }
                continue;
            }
            foreach (var handler in model.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => m.Name.StartsWith("On", StringComparison.Ordinal)))
            {
                var name = handler.Name.EndsWith("Async", StringComparison.Ordinal) ? handler.Name[..^5] : handler.Name;
                var verb = Verbs.First(v => name[2..].StartsWith(v, StringComparison.OrdinalIgnoreCase));
                var handlerName = name[(2 + verb.Length)..] is { Length: > 0 } h ? h : null;
                if (!AllCases.Any(c => c.Pattern == pattern && c.Method == verb && c.Handler == handlerName))
                {
                    missing.Add($"{verb} {pattern} handler={handlerName}");
                }
            }
        }
        Assert.True(missing.Count == 0, "endpoints without an authorization rule:\n" + string.Join("\n", missing.Distinct()));
    }
}
