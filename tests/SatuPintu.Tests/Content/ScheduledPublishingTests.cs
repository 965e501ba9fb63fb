using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SatuPintu.Content;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Content;

/// <summary>
/// A reviewer schedules an article a little ahead; the background job publishes it on time, also when
/// the app was stopped across the publish time (the schedule lives in the database).
/// </summary>
public sealed class ScheduledPublishingTests
{
    private sealed class App(string dataDir) : SatuPintuApp(postgres: false, new() { ["SatuPintu:Content:SchedulerSeconds"] = "1" }, dataDir);

    private static async Task<PublicationStatus?> WaitForAsync(SatuPintuApp app, int id, PublicationStatus wanted, TimeSpan limit)
    {
        var until = TimeProvider.System.GetUtcNow() + limit;
        PublicationStatus? status;
        do
        {
            status = await TestArticles.StatusAsync(app, id);
            if (status == wanted)
            {
                break;
            }
            await Task.Delay(200);
        }
        while (TimeProvider.System.GetUtcNow() < until);
        return status;
    }

    [Fact]
    public async Task Scheduled_article_is_published_by_the_job_when_due()
    {
        var dir = Path.Combine(Path.GetTempPath(), "satupintu-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using var app = new App(dir);
            var people = await Personas.CreateAsync(app);
            var id = await TestArticles.CreateAsync(app, Personas.OpdA, PublicationStatus.Review, "Terjadwal " + Guid.NewGuid().ToString("N")[..6]);
            var at = TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(3);
            var response = await Personas.Api(app, people.ReviewerA).PostAsJsonAsync($"/api/v1/articles/{id}/publish", new { at });
            var json = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("scheduled", json.GetProperty("status").GetString());
            var url = new Uri(json.GetProperty("url").GetString()!).PathAndQuery;
            Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().FetchAsync(url)).Status);

            Assert.Equal(PublicationStatus.Published, await WaitForAsync(app, id, PublicationStatus.Published, TimeSpan.FromSeconds(30)));
            Assert.Equal(HttpStatusCode.OK, (await app.Browser().FetchAsync(url)).Status);
            var audit = await app.WithDbAsync(db => Task.FromResult(db.AuditEntries.Where(a => a.EntityType == "Article" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Select(a => a.Actor).ToList()));
            Assert.Contains("sistem:penjadwal", audit);
        }
        finally
        {
            SatuPintuApp.TryDelete(dir);
        }
    }

    [Fact]
    public async Task Schedule_survives_a_restart_across_the_publish_time()
    {
        var dir = Path.Combine(Path.GetTempPath(), "satupintu-tests", Guid.NewGuid().ToString("N"));
        try
        {
            int id;
            await using (var app = new App(dir))
            {
                var people = await Personas.CreateAsync(app);
                id = await TestArticles.CreateAsync(app, Personas.OpdA, PublicationStatus.Review);
                var response = await Personas.Api(app, people.Admin).PostAsJsonAsync($"/api/v1/articles/{id}/publish",
                    new { at = TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(2) });
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Equal(PublicationStatus.Scheduled, await TestArticles.StatusAsync(app, id));
            }
            // The app is down while the publish time passes.
            await Task.Delay(TimeSpan.FromSeconds(3));
            await using (var app = new App(dir))
            {
                app.Browser();
                Assert.Equal(PublicationStatus.Published, await WaitForAsync(app, id, PublicationStatus.Published, TimeSpan.FromSeconds(30)));
            }
        }
        finally
        {
            SatuPintuApp.TryDelete(dir);
        }
    }
}
