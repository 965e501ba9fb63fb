using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SatuPintu.Content;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Content;

/// <summary>
/// The in-memory public read model, with the output cache off so only the catalog is in play: a write
/// through the app shows at once; a row written behind the app's back (another process) shows once the
/// snapshot is older than the cache lifetime; an article that becomes due shows without any write.
/// Time passes on the host's fake clock; only the catalog's background rebuild is waited for.
/// </summary>
public sealed class PublicCatalogTests(PublicCatalogTests.App app) : WithPersonas(app), IClassFixture<PublicCatalogTests.App>
{
    public sealed class App() : SatuPintuApp(postgres: false, new()
    {
        ["SatuPintu:OutputCache:Enabled"] = "false",
        ["SatuPintu:OutputCache:Seconds"] = "1",
    })
    {
        public FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Clock));
        }
    }

    private static readonly string[] CoffeeTag = ["kopi"];

    /// <summary>
    /// Polls <paramref name="url"/> until it contains <paramref name="text"/> (bounded); the last body. The
    /// clock is fake: this only waits for the rebuild the catalog starts in the background.
    /// </summary>
    private async Task<string> WaitForTextAsync(string url, string text)
    {
        var client = app.Browser();
        string body = "";
        for (var i = 0; i < 300; i++)
        {
            body = (await client.FetchAsync(url)).Body;
            if (body.Contains(text, StringComparison.Ordinal))
            {
                break;
            }
            await Task.Delay(50);
        }
        return body;
    }

    [Fact]
    public async Task A_write_through_the_app_shows_at_once_on_every_page_that_lists_it()
    {
        var portal = app.Browser();
        // Warm the catalog first, so the test proves the rebuild, not the first build.
        await portal.GetOkAsync("/");
        await portal.GetOkAsync($"/opd/{Personas.OpdA}");
        var title = "Pasar murah ramadan di Kepahiang " + Guid.NewGuid().ToString("N")[..6];
        var created = await Personas.Api(app, People.Admin).PostAsJsonAsync("/api/v1/articles", new { opd = Personas.OpdA, kind = "berita", title, body = "isi", tags = CoffeeTag });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.DoesNotContain(title, await portal.GetOkAsync("/"), StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await Personas.Api(app, People.Admin).PostAsync(new Uri($"/api/v1/articles/{id}/publish", UriKind.Relative), null)).StatusCode);

        Assert.Contains(title, await portal.GetOkAsync("/"), StringComparison.Ordinal);
        Assert.Contains(title, await portal.GetOkAsync($"/opd/{Personas.OpdA}"), StringComparison.Ordinal);
        Assert.Contains(title, await portal.GetOkAsync("/berita"), StringComparison.Ordinal);
        Assert.Contains(title, await portal.GetOkAsync("/berita?tag=kopi"), StringComparison.Ordinal);
        Assert.DoesNotContain(title, await portal.GetOkAsync("/berita?tag=kesehatan"), StringComparison.Ordinal);

        // Taking it down is just as immediate, and its address is gone.
        Assert.Equal(System.Net.HttpStatusCode.OK, (await Personas.Api(app, People.Admin).PostAsync(new Uri($"/api/v1/articles/{id}/unpublish", UriKind.Relative), null)).StatusCode);
        Assert.DoesNotContain(title, await portal.GetOkAsync("/"), StringComparison.Ordinal);
        var slug = await app.WithDbAsync(db => Task.FromResult(db.Articles.Single(a => a.Id == id).Slug));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await portal.FetchAsync($"/berita/{slug}")).Status);
    }

    [Fact]
    public async Task A_row_written_by_another_process_shows_once_the_snapshot_is_older_than_the_cache_lifetime()
    {
        await app.Browser().GetOkAsync("/");
        var title = "Ditulis oleh proses lain " + Guid.NewGuid().ToString("N")[..6];
        var id = await TestArticles.CreateAsync(app, Personas.OpdA, PublicationStatus.Draft, title);
        // Straight to the file, past the app's DbContext and its change signal — as the CLI in another process would.
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataDir, "satupintu.db")};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE Articles SET Status = 'Published', PublishAt = @at WHERE Id = @id";
            command.Parameters.AddWithValue("@at", app.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture));
            command.Parameters.AddWithValue("@id", id);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }
        app.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Contains(title, await WaitForTextAsync("/berita", title), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_article_published_for_later_appears_when_due_without_any_further_write()
    {
        var title = "Terbit sebentar lagi " + Guid.NewGuid().ToString("N")[..6];
        var id = await TestArticles.CreateAsync(app, Personas.OpdA, PublicationStatus.Draft, title);
        await app.WithDbAsync(async db =>
        {
            var a = await db.Articles.FindAsync(id);
            a!.Status = PublicationStatus.Published;
            a.PublishAt = app.Clock.GetUtcNow().UtcDateTime.AddSeconds(2);
            return await db.SaveChangesAsync();
        });
        Assert.DoesNotContain(title, await app.Browser().GetOkAsync("/berita"), StringComparison.Ordinal);
        app.Clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Contains(title, await WaitForTextAsync("/berita", title), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Previous_and_next_follow_the_publish_order_of_the_kind()
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var ids = new List<int>();
        foreach (var minutes in new[] { -3, -2, -1 })
        {
            var id = await TestArticles.CreateAsync(app, Personas.OpdB, PublicationStatus.Draft, "Urutan " + minutes + " " + Guid.NewGuid().ToString("N")[..6]);
            await app.WithDbAsync(async db =>
            {
                var a = await db.Articles.FindAsync(id);
                a!.Status = PublicationStatus.Published;
                a.PublishAt = now.AddYears(1).AddMinutes(minutes) - TimeSpan.FromDays(400);
                return await db.SaveChangesAsync();
            });
            ids.Add(id);
        }
        var slugs = await app.WithDbAsync(db => Task.FromResult(ids.Select(id => db.Articles.Single(a => a.Id == id).Slug).ToList()));
        var middle = await app.Browser().GetOkAsync($"/berita/{slugs[1]}");
        Assert.Contains($"/berita/{slugs[0]}", middle, StringComparison.Ordinal);
        Assert.Contains($"/berita/{slugs[2]}", middle, StringComparison.Ordinal);
    }
}
