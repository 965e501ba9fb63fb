using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Audit;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Audit;

/// <summary>Bodies stay out of the trail (length and hash instead); explicit events get their time and actor.</summary>
public abstract class AuditTrailTests(SatuPintuApp app) : WithPersonas(app)
{
    [Fact]
    public async Task Article_bodies_enter_the_trail_as_length_and_hash_only()
    {
        const string body = "Isi yang hanya ada di revisi, bukan di jejak audit.";
        var created = await Personas.Api(app, People.EditorA).PostAsJsonAsync("/api/v1/articles", new { opd = Personas.OpdA, kind = "berita", title = "Badan artikel", body });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var rows = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == id && (a.EntityType == "Article" || a.EntityType == "ArticleRevision")).ToListAsync());
        var article = Assert.Single(rows, r => r.EntityType == "Article");
        Assert.All(rows, r => Assert.DoesNotContain("hanya ada di revisi", r.After ?? "", StringComparison.Ordinal));
        Assert.Contains("sha256:", article.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_explicit_event_is_saved_with_the_callers_save_with_time_and_actor()
    {
        var key = Guid.NewGuid().ToString("N")[..10];
        await app.WithDbAsync(async db =>
        {
            db.Audit("login-failed", "AppUser", key, summary: "kata sandi salah");
            using (AuditActor.Use("cli:uji"))
            {
                db.Audit("token-revoked", "PersonalAccessToken", key);
                return await db.SaveChangesAsync();
            }
        });
        var rows = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityId == key).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal(["login-failed", "token-revoked"], rows.Select(r => r.Action));
        Assert.All(rows, r => Assert.NotEqual(default, r.At));
        Assert.Equal(["cli:uji", "cli:uji"], rows.Select(r => r.Actor));
    }
}

public sealed class SqliteAuditTrailTests(SqliteApp app) : AuditTrailTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresAuditTrailTests(PostgresApp app) : AuditTrailTests(app), IClassFixture<PostgresApp>;
