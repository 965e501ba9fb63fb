using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Audit;

/// <summary>Every change is in the audit trail (who, when, what, before/after), visible to admins and exportable as CSV.</summary>
[Collection(Hosts.ManyLoginsAccounts)]
public sealed class AuditTests(ManyLoginsApp app) : WithPersonas(app)
{
    [Fact]
    public async Task An_edit_records_actor_and_the_changed_fields_before_and_after()
    {
        var api = Personas.Api(app, People.EditorA);
        var created = await (await api.PostAsJsonAsync("/api/v1/articles", new { opd = Personas.OpdA, kind = "berita", title = "Judul lama", body = "a" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();
        var updated = await api.PutAsJsonAsync($"/api/v1/articles/{id}", new { opd = Personas.OpdA, kind = "berita", title = "Judul baru", body = "a" });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);

        var entries = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Article" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["create", "update"], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(People.EditorA.Email, e.Actor));
        var update = entries[1];
        Assert.Contains("Judul lama", update.Before, StringComparison.Ordinal);
        Assert.Contains("Judul baru", update.After, StringComparison.Ordinal);
        Assert.DoesNotContain("BodyHtml", update.After, StringComparison.Ordinal); // unchanged fields are left out
        Assert.Equal(await app.WithDbAsync(db => db.Opds.Where(o => o.Slug == Personas.OpdA).Select(o => (int?)o.Id).SingleAsync()), update.OpdId);
    }

    [Fact]
    public async Task Secrets_never_enter_the_trail()
    {
        Personas audited;
        using (SatuPintu.Audit.AuditActor.Use("cli:uji"))
        {
            audited = await Personas.CreateAsync(app);
        }
        var rows = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "PersonalAccessToken" || a.EntityType == "AppUser").ToListAsync());
        Assert.NotEmpty(rows);
        Assert.All(rows, r =>
        {
            Assert.DoesNotContain("PasswordHash", r.After ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain("\"Hash\"", r.After ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain(audited.Admin.Token, r.After ?? "", StringComparison.Ordinal);
            Assert.DoesNotContain(SatuPintu.Accounts.AccessTokens.Hash(audited.Admin.Token), r.After ?? "", StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Admin_filters_the_log_and_exports_csv_with_formulas_defused()
    {
        var api = Personas.Api(app, People.EditorA);
        await api.PostAsJsonAsync("/api/v1/articles", new { opd = Personas.OpdA, kind = "berita", title = "=HYPERLINK(\"http://contoh.id\")", body = "a" });
        var admin = await Personas.SignInAsync(app, People.Admin.Email);
        var page = await admin.GetOkAsync($"/admin/audit?actor={Uri.EscapeDataString(People.EditorA.Email)}");
        Assert.Contains("HYPERLINK", page, StringComparison.Ordinal);
        Assert.DoesNotContain(People.ReviewerA.Email, page, StringComparison.Ordinal);

        using var csv = await admin.GetAsync(new Uri($"/admin/audit/Csv?actor={Uri.EscapeDataString(People.EditorA.Email)}", UriKind.Relative));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.StartsWith("waktu_utc,waktu_wib,pelaku,aksi", text.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",\"=HYPERLINK", text, StringComparison.Ordinal);
    }
}
