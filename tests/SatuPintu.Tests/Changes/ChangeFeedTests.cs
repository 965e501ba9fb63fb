using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SatuPintu.Audit;
using SatuPintu.Changes;
using SatuPintu.Content;
using SatuPintu.Data;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Changes;

/// <summary>
/// The change feed: a row per public change in the same save, nothing for drafts and bookkeeping,
/// eviction by OPD and kind only, writes of another node reaching this one, failures rolling back,
/// bulk statements refused, old rows pruned. The output cache is on (the default) throughout.
/// </summary>
public abstract class ChangeFeedTests(SatuPintuApp app) : WithPersonas(app)
{
    private async Task<long> NewestAsync() => await app.WithDbAsync(db => db.PublicChanges.MaxAsync(c => (long?)c.Id)) ?? 0;

    private Task<int> OpdIdAsync(string slug) => app.WithDbAsync(db => db.Opds.Where(o => o.Slug == slug).Select(o => o.Id).SingleAsync());

    private async Task<int> PublishAsync(SatuPintuApp on, string opd, string title)
    {
        var api = Personas.Api(on, People.Admin);
        var created = await api.PostAsJsonAsync("/api/v1/articles", new { opd, kind = "berita", title, body = "isi" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var published = await api.PostAsync(new Uri($"/api/v1/articles/{id}/publish", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        return id;
    }

    /// <summary>Publishes a draft straight in the table, past the feed: what only a rebuild or an eviction for another reason shows.</summary>
    private Task<int> BehindTheAppsBackAsync(int id) => app.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
        $"""UPDATE "Articles" SET "Status" = 'Published', "PublishAt" = {TimeProvider.System.GetUtcNow().UtcDateTime.AddMinutes(-1)} WHERE "Id" = {id}"""));

    private static string Title(string what) => what + " " + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task A_publish_writes_one_feed_row_and_draft_work_writes_none()
    {
        var before = await NewestAsync();
        var api = Personas.Api(app, People.EditorA);
        var created = await api.PostAsJsonAsync("/api/v1/articles", new { opd = Personas.OpdA, kind = "berita", title = Title("Draf"), body = "isi" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        await api.PutAsJsonAsync($"/api/v1/articles/{id}", new { opd = Personas.OpdA, kind = "berita", title = Title("Draf diubah"), body = "isi lain" });
        await api.PostAsync(new Uri($"/api/v1/articles/{id}/submit", UriKind.Relative), null);
        Assert.Equal(before, await NewestAsync());

        Assert.Equal(HttpStatusCode.OK, (await Personas.Api(app, People.ReviewerA).PostAsync(new Uri($"/api/v1/articles/{id}/publish", UriKind.Relative), null)).StatusCode);
        var rows = await app.WithDbAsync(db => db.PublicChanges.Where(c => c.Id > before).ToListAsync());
        var row = Assert.Single(rows);
        Assert.Equal(("article", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "update"), (row.Kind, row.Key, row.Action));
        Assert.Equal(await OpdIdAsync(Personas.OpdA), row.OpdId);
    }

    [Fact]
    public async Task Bookkeeping_writes_touch_neither_the_feed_nor_the_catalog_nor_the_cache()
    {
        var portal = app.Browser();
        await portal.GetOkAsync("/");
        var catalog = app.Services.GetRequiredService<PublicCatalog>();
        var snapshot = catalog.Current;
        var hidden = Title("Tersembunyi");
        await BehindTheAppsBackAsync(await TestArticles.CreateAsync(app, Personas.OpdA, PublicationStatus.Draft, hidden));
        var before = await NewestAsync();

        // A session (sign-in), a token's last use, an explicit audit event, seed state.
        var admin = await Personas.SignInAsync(app, People.Admin.Email);
        await admin.GetOkAsync("/admin");
        Assert.Equal(HttpStatusCode.OK, (await Personas.Api(app, People.EditorA).GetAsync(new Uri("/api/v1/articles", UriKind.Relative))).StatusCode);
        await app.WithDbAsync(async db =>
        {
            db.Audit("uji-peristiwa", "Uji", "1", summary: "peristiwa uji", actor: "cli:uji");
            db.SeedStates.Add(new SeedState { Key = "uji-" + Guid.NewGuid().ToString("N")[..8], UpdatedAt = TimeProvider.System.GetUtcNow().UtcDateTime });
            return await db.SaveChangesAsync();
        });

        Assert.Equal(before, await NewestAsync());
        Assert.Same(snapshot, catalog.Current);
        Assert.DoesNotContain(hidden, await portal.GetOkAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_evicts_the_pages_of_its_OPD_and_kind_and_leaves_other_OPDs_cached()
    {
        var portal = app.Browser();
        string[] pages = [$"/opd/{Personas.OpdA}", $"/opd/{Personas.OpdB}", "/berita", "/dokumen"];
        foreach (var page in pages)
        {
            await portal.GetOkAsync(page);
            Assert.True(await FromCacheAsync(portal, page), page + " should now come from the cache");
        }

        var title = Title("Berita OPD A");
        await PublishAsync(app, Personas.OpdA, title);

        // Rendered again: the changed OPD's page and the article lists.
        Assert.False(await FromCacheAsync(portal, $"/opd/{Personas.OpdA}"));
        Assert.False(await FromCacheAsync(portal, "/berita"));
        Assert.Contains(title, await portal.GetOkAsync("/berita"), StringComparison.Ordinal);
        // Left alone: another OPD's page and another kind's list.
        Assert.True(await FromCacheAsync(portal, $"/opd/{Personas.OpdB}"));
        Assert.True(await FromCacheAsync(portal, "/dokumen"));
    }

    /// <summary>The output cache marks what it serves with an Age header.</summary>
    private static async Task<bool> FromCacheAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.Age is not null;
    }

    [Fact]
    public async Task A_write_on_another_node_reaches_this_node_long_before_the_cache_expires()
    {
        var portal = app.Browser();
        await portal.GetOkAsync("/");
        await using var second = Node.Beside(app);
        var title = Title("Dari node kedua");
        await PublishAsync(second, Personas.OpdA, title);

        var until = TimeProvider.System.GetUtcNow().AddSeconds(15);
        string home;
        do
        {
            home = await portal.GetOkAsync("/");
            if (home.Contains(title, StringComparison.Ordinal))
            {
                break;
            }
            await Task.Delay(50);
        }
        while (TimeProvider.System.GetUtcNow() < until);
        Assert.Contains(title, home, StringComparison.Ordinal);
    }

    private sealed class FailingCompanion : ISaveCompanion
    {
        public object? Capture(DbContext db) =>
            db.ChangeTracker.Entries<Article>().Any(e => e.Entity.Title.StartsWith("GAGAL", StringComparison.Ordinal) && e.Entity.Status == PublicationStatus.Published) ? this : null;

        public void Complete(DbContext db, object captured) => throw new InvalidOperationException("audit store unavailable (test)");

        public ValueTask CommittedAsync(DbContext db, object captured, bool wait, CancellationToken ct) => ValueTask.CompletedTask;
    }

    [Fact]
    public async Task A_failure_writing_the_trail_rolls_the_change_back_and_reaches_the_caller()
    {
        await using var node = Node.Beside(app, services: s => s.AddSingleton<ISaveCompanion, FailingCompanion>());
        var id = await TestArticles.CreateAsync(app, Personas.OpdA, PublicationStatus.Review, "GAGAL " + Guid.NewGuid().ToString("N")[..6]);
        var before = await NewestAsync();
        var audits = await app.WithDbAsync(db => db.AuditEntries.CountAsync());

        var response = await Personas.Api(node, People.Admin).PostAsync(new Uri($"/api/v1/articles/{id}/publish", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(PublicationStatus.Review, await TestArticles.StatusAsync(app, id));
        Assert.Equal(before, await NewestAsync());
        Assert.Equal(audits, await app.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task Bulk_statements_on_public_or_audited_rows_are_refused_and_bookkeeping_ones_run()
    {
        var id = await TestArticles.CreateAsync(app, Personas.OpdA, PublicationStatus.Published);
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(db =>
            db.Articles.Where(a => a.Id == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.Title, "diam-diam"))));
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(db => db.Opds.Where(o => o.Id == -1).ExecuteDeleteAsync()));
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(db => db.OpdMemberships.Where(m => m.UserId == "tidak-ada").ExecuteDeleteAsync()));
        Assert.NotEqual("diam-diam", await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Title).SingleAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.UserSessions.Where(s => s.UserId == "tidak-ada").ExecuteDeleteAsync()));
    }

    [Fact]
    public async Task Feed_rows_older_than_the_kept_days_are_pruned()
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var (oldId, newId) = await app.WithDbAsync(async db =>
        {
            var old = new PublicChange { At = now.AddDays(-8), Kind = "article", Key = "0", Action = "update" };
            var recent = new PublicChange { At = now, Kind = "article", Key = "0", Action = "update" };
            db.PublicChanges.AddRange(old, recent);
            await db.SaveChangesAsync();
            return (old.Id, recent.Id);
        });
        Assert.True(await app.Services.GetRequiredService<ChangeFeedPoller>().PruneNowAsync(now.AddDays(-7), CancellationToken.None) >= 1);
        var left = await app.WithDbAsync(db => db.PublicChanges.Where(c => c.Id == oldId || c.Id == newId).Select(c => c.Id).ToListAsync());
        Assert.Equal([newId], left);
    }
}

public sealed class SqliteChangeFeedTests(SqliteApp app) : ChangeFeedTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresChangeFeedTests(PostgresApp app) : ChangeFeedTests(app), IClassFixture<PostgresApp>;
