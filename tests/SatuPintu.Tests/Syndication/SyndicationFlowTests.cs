using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SatuPintu.Content;
using SatuPintu.Syndication;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Syndication;

/// <summary>
/// A source end to end on both providers: found from the site's home page, imported through the
/// WordPress REST API with paging, tags and local images, edits and new posts picked up, the site going
/// down and coming back; an RSS source with conditional GET; refusals answered 422.
/// </summary>
public abstract class SyndicationFlowTests(SatuPintuApp app) : WithPersonas(app)
{
    private async Task<IReadOnlyList<SourcePolling.Report>> PollAsync(int id) =>
        await app.Services.GetRequiredService<SourcePolling>().RunAsync([id], CancellationToken.None);

    [Fact]
    public async Task WordPress_site_is_found_imported_and_followed()
    {
        var wp = await WordPressLikeSite.StartAsync();
        await using var _ = wp.Site;
        var day = new DateTime(2026, 11, 20, 3, 0, 0, DateTimeKind.Utc);
        for (var i = 1; i <= 3; i++)
        {
            wp.Posts.Add(new() { Id = i, Title = $"Posyandu keliling &#8211; pekan {i} {Guid.NewGuid():N}", Html = $"<p>Isi {i}</p>" + wp.ImageHtml, Date = day.AddDays(i), Modified = day.AddDays(i), Categories = ["Kesehatan Ibu"] });
        }
        var api = Personas.Api(app, People.EditorA);
        var created = await api.PostAsJsonAsync($"/api/v1/opd/{Personas.OpdA}/sources", new { url = wp.Site.Origin + "/" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = body.GetProperty("id").GetInt32();
        Assert.Equal("wordpress", body.GetProperty("source").GetProperty("kind").GetString());
        Assert.Equal("Dinas Uji Sindikasi", body.GetProperty("source").GetProperty("title").GetString());
        Assert.Contains(body.GetProperty("source").GetProperty("alternatives").EnumerateArray(), a => a.GetString()!.EndsWith("/feed/", StringComparison.Ordinal));

        var first = Assert.Single(await PollAsync(id));
        Assert.True(first.Ok, first.Outcome);
        Assert.StartsWith("3 baru", first.Outcome, StringComparison.Ordinal);
        var imported = await app.WithDbAsync(db => db.Articles.Include(a => a.Tags).Where(a => a.SourceId == id).OrderBy(a => a.PublishAt).ToListAsync());
        Assert.Equal(3, imported.Count);
        Assert.All(imported, a =>
        {
            Assert.Equal(ContentOrigin.Imported, a.Origin);
            Assert.Equal(PublicationStatus.Published, a.Status);
            Assert.Contains("/media/", a.BodyHtml, StringComparison.Ordinal);
            Assert.DoesNotContain(wp.Site.Origin, a.BodyHtml, StringComparison.Ordinal);
            Assert.Contains(ImportImages.DroppedNote, a.BodyHtml, StringComparison.Ordinal);
            Assert.Contains(a.Tags, t => t.Name == "Kesehatan Ibu");
            Assert.StartsWith("Posyandu keliling \u2013 pekan", a.Title, StringComparison.Ordinal);
        });
        // One image, used by three posts of one run: fetched once.
        Assert.Equal(1, wp.Site.Hits["/img.png"]);
        var page = await app.Browser().GetOkAsync($"/berita/{imported[0].Slug}");
        Assert.Contains("Baca selengkapnya di situs OPD", page, StringComparison.Ordinal);
        Assert.Contains($"{wp.Site.Origin}/berita-1/", page, StringComparison.Ordinal);
        Assert.Contains(imported[2].Title, await app.Browser().GetOkAsync($"/opd/{Personas.OpdA}/feed.xml"), StringComparison.Ordinal);

        // An edit and a new post at the source: the next poll reads the most recently modified page.
        wp.Posts[0].Title = "Posyandu keliling diubah " + Guid.NewGuid().ToString("N");
        wp.Posts[0].Modified = day.AddDays(10);
        wp.Posts.Add(new() { Id = 4, Title = "Pos baru " + Guid.NewGuid().ToString("N"), Html = "<p>Baru</p>", Date = day.AddDays(11), Modified = day.AddDays(11) });
        var second = Assert.Single(await PollAsync(id));
        Assert.StartsWith("1 baru, 1 diubah", second.Outcome, StringComparison.Ordinal);
        var edited = await app.WithDbAsync(db => db.Articles.SingleAsync(a => a.SourceId == id && a.ExternalKey == wp.Site.Origin + "/?p=1"));
        Assert.Equal(wp.Posts[0].Title, edited.Title);
        Assert.Equal(2, await app.WithDbAsync(db => db.ArticleRevisions.CountAsync(r => r.ArticleId == edited.Id)));

        // Down: a plain error and a backoff; resumed by a person and back: healthy again.
        wp.Down = true;
        Assert.False(Assert.Single(await PollAsync(id)).Ok);
        var health = await api.GetFromJsonAsync<JsonElement>($"/api/v1/opd/{Personas.OpdA}/sources/{id}");
        Assert.Contains("bermasalah", health.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, health.GetProperty("consecutiveFailures").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, health.GetProperty("backoffUntil").ValueKind);
        wp.Down = false;
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync(new Uri($"/api/v1/opd/{Personas.OpdA}/sources/{id}/resume", UriKind.Relative), null)).StatusCode);
        Assert.True(Assert.Single(await PollAsync(id)).Ok);
        health = await api.GetFromJsonAsync<JsonElement>($"/api/v1/opd/{Personas.OpdA}/sources/{id}");
        Assert.Equal(JsonValueKind.Null, health.GetProperty("lastError").ValueKind);
        Assert.Equal(4, health.GetProperty("itemsImported").GetInt32());
    }

    [Fact]
    public async Task Rss_source_uses_conditional_get_and_bad_sources_are_refused_with_a_reason()
    {
        var wp = await WordPressLikeSite.StartAsync();
        await using var _ = wp.Site;
        wp.Posts.Add(new() { Id = 9, Title = "Rapat koordinasi " + Guid.NewGuid().ToString("N"), Html = "<p>Rapat</p>", Date = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc) });
        var api = Personas.Api(app, People.Admin);
        var created = await api.PostAsJsonAsync($"/api/v1/opd/{Personas.OpdB}/sources", new { url = wp.Site.Origin + "/feed/" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.StartsWith("1 baru", Assert.Single(await PollAsync(id)).Outcome, StringComparison.Ordinal);
        Assert.Equal("tidak berubah (304)", Assert.Single(await PollAsync(id)).Outcome);
        Assert.Equal(1, await app.WithDbAsync(db => db.Articles.CountAsync(a => a.SourceId == id)));

        var again = await api.PostAsJsonAsync($"/api/v1/opd/{Personas.OpdB}/sources", new { url = wp.Site.Origin + "/feed/" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var before = await app.WithDbAsync(db => db.SyndicationSources.CountAsync());
        foreach (var bad in new[] { wp.Site.Origin + "/tidak-ada", "ftp://127.0.0.1/", "http://127.0.0.2/", "bukan alamat" })
        {
            var refused = await api.PostAsJsonAsync($"/api/v1/opd/{Personas.OpdB}/sources", new { url = bad });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.False(string.IsNullOrWhiteSpace((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()));
        }
        Assert.Equal(before, await app.WithDbAsync(db => db.SyndicationSources.CountAsync()));
        // An editor of another OPD cannot add a source here.
        Assert.Equal(HttpStatusCode.Forbidden, (await Personas.Api(app, People.EditorA).PostAsJsonAsync($"/api/v1/opd/{Personas.OpdB}/sources", new { url = wp.Site.Origin + "/" })).StatusCode);
    }
}

[Collection(Hosts.SqliteContent)]
public sealed class SqliteSyndicationFlowTests(SqliteApp app) : SyndicationFlowTests(app);

[Collection(Hosts.PostgresContent)]
public sealed class PostgresSyndicationFlowTests(PostgresApp app) : SyndicationFlowTests(app);

/// <summary>On a host no syndication test touched: the demo seeds no source, and a round fetches nothing.</summary>
[Collection(Hosts.ManyLoginsAccounts)]
public sealed class DemoFetchesNothingTests(ManyLoginsApp app)
{
    [Fact]
    public async Task A_fresh_demo_has_no_source_and_a_round_fetches_nothing()
    {
        Assert.Equal(0, await app.WithDbAsync(db => db.SyndicationSources.CountAsync()));
        Assert.Empty(await app.Services.GetRequiredService<SourcePolling>().RunAsync(null, CancellationToken.None));
        Assert.Equal(0, app.Services.GetRequiredService<SatuPintu.Syndication.Outbound.SafeFetcher>().Requests);
    }
}
