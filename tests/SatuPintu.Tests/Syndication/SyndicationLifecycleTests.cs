using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SatuPintu.Content;
using SatuPintu.Syndication;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Syndication;

/// <summary>
/// A source over its life, on both providers: imported from /feed/ with one audit entry per batch,
/// switched to the WordPress REST API without duplicating an item (keys differ: link there, id here),
/// images asked for again with their ETag and the one an edit dropped removed, then the rule for
/// items gone from the source — hide, then move to the bin — applied on the next poll.
/// </summary>
public abstract class SyndicationLifecycleTests(SatuPintuApp app) : WithPersonas(app)
{
    private async Task<SourcePolling.Report> PollAsync(int id) =>
        Assert.Single(await app.Services.GetRequiredService<SourcePolling>().RunAsync([id], CancellationToken.None));

    [Fact]
    public async Task Switch_feed_images_audit_and_gone_rule()
    {
        var wp = await WordPressLikeSite.StartAsync();
        await using var _ = wp.Site;
        wp.RssWithoutGuid = true;
        var day = new DateTime(2026, 10, 5, 2, 0, 0, DateTimeKind.Utc);
        for (var i = 1; i <= 3; i++)
        {
            wp.Posts.Add(new() { Id = i, Title = $"Musrenbang desa {i} {Guid.NewGuid():N}", Html = $"<p>Isi {i}</p><p><img src=\"{wp.Site.Origin}/img.png?v={i}\" alt=\"foto\"></p>", Date = day.AddDays(i), Modified = day.AddDays(i) });
        }
        var api = Personas.Api(app, People.Admin);
        var created = await api.PostAsJsonAsync($"/api/v1/opd/{Personas.OpdB}/sources", new { url = wp.Site.Origin + "/feed/" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var auditBefore = await app.WithDbAsync(db => db.AuditEntries.MaxAsync(e => (long?)e.Id)) ?? 0;

        var first = await PollAsync(id);
        Assert.True(first.Ok, first.Outcome);
        Assert.StartsWith("3 baru", first.Outcome, StringComparison.Ordinal);
        Assert.Equal(3, wp.ImageBodies);
        var ids = await app.WithDbAsync(db => db.Articles.Where(a => a.SourceId == id).OrderBy(a => a.PublishAt).Select(a => a.Id).ToListAsync());
        // One entry sums the batch up: no row per article, revision, tag or image.
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Id > auditBefore).ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal(("import", "Source", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), (entry.Action, entry.EntityType, entry.EntityId));
        Assert.Contains("3 berita baru", entry.Summary, StringComparison.Ordinal);
        Assert.Equal("Berita diimpor dari situs OPD", SatuPintu.Audit.AuditWording.Describe(entry));

        // Switched from /feed/ to the REST API found from the home page: the same three articles, rewritten, not doubled.
        var switched = await api.PatchAsJsonAsync($"/api/v1/opd/{Personas.OpdB}/sources/{id}", new { feedUrl = wp.Site.Origin + "/" });
        Assert.Equal(HttpStatusCode.OK, switched.StatusCode);
        var dto = await switched.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("wordpress", dto.GetProperty("kind").GetString());
        Assert.Contains(dto.GetProperty("alternatives").EnumerateArray(), a => a.GetString() == wp.Site.Origin + "/feed/");
        var second = await PollAsync(id);
        Assert.True(second.Ok, second.Outcome);
        Assert.StartsWith("0 baru, 3 diubah", second.Outcome, StringComparison.Ordinal);
        Assert.Equal(ids, await app.WithDbAsync(db => db.Articles.Where(a => a.SourceId == id).OrderBy(a => a.PublishAt).Select(a => a.Id).ToListAsync()));
        Assert.Equal(wp.Site.Origin + "/?p=1", await app.WithDbAsync(db => db.Articles.Where(a => a.Id == ids[0]).Select(a => a.ExternalKey).SingleAsync()));
        // The images were asked for again with their ETag: 304, nothing sent, nothing stored twice.
        Assert.Equal(3, wp.ImageBodies);
        Assert.Equal(3, await app.WithDbAsync(db => db.SyndicationImages.CountAsync(i => i.SourceId == id)));

        // An edit at the source swaps post 1's picture: the new one is fetched, the old one (shown by nothing live) removed.
        var oldMedia = await app.WithDbAsync(db => db.SyndicationImages.Include(i => i.MediaFile).Where(i => i.SourceId == id && i.Url.EndsWith("v=1")).Select(i => i.MediaFile!.StoredName).SingleAsync());
        wp.Posts[0].Html = $"<p>Isi baru</p><p><img src=\"{wp.Site.Origin}/img.png?v=9\" alt=\"foto\"></p>";
        wp.Posts[0].Modified = day.AddDays(20);
        Assert.StartsWith("0 baru, 1 diubah", (await PollAsync(id)).Outcome, StringComparison.Ordinal);
        Assert.Equal(4, wp.ImageBodies);
        Assert.False(await app.WithDbAsync(db => db.MediaFiles.AnyAsync(m => m.StoredName == oldMedia)));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().GetAsync(new Uri("/media/" + oldMedia, UriKind.Relative))).StatusCode);
        Assert.Contains("/media/", await app.WithDbAsync(db => db.Articles.Where(a => a.Id == ids[0]).Select(a => a.BodyHtml).SingleAsync()), StringComparison.Ordinal);

        // Post 3 deleted at the source; a day later the archive is read whole again and it is marked, still shown (the default).
        wp.Posts.RemoveAt(2);
        await AgeArchiveReadAsync(id);
        Assert.True((await PollAsync(id)).Ok);
        var gone = await app.WithDbAsync(db => db.Articles.IgnoreQueryFilters().SingleAsync(a => a.Id == ids[2]));
        Assert.NotNull(gone.GoneAtSourceAt);
        Assert.Equal(PublicationStatus.Published, gone.Status);

        // The admin chooses to hide gone items: applied on the next poll (even a 304-free one that reads one page).
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await api.PatchAsJsonAsync($"/api/v1/opd/{Personas.OpdB}/sources/{id}", new { goneItems = "buang" })).StatusCode);
        Assert.Equal("hide", (await (await api.PatchAsJsonAsync($"/api/v1/opd/{Personas.OpdB}/sources/{id}", new { goneItems = "hide" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("goneItems").GetString());
        Assert.True((await PollAsync(id)).Ok);
        Assert.Equal(PublicationStatus.Draft, await app.WithDbAsync(db => db.Articles.Where(a => a.Id == ids[2]).Select(a => a.Status).SingleAsync()));
        Assert.Equal(PublicationStatus.Published, await app.WithDbAsync(db => db.Articles.Where(a => a.Id == ids[1]).Select(a => a.Status).SingleAsync()));
        // … then to remove them: to the bin, restorable; never imported again.
        await api.PatchAsJsonAsync($"/api/v1/opd/{Personas.OpdB}/sources/{id}", new { goneItems = "remove" });
        Assert.True((await PollAsync(id)).Ok);
        Assert.NotNull(await app.WithDbAsync(db => db.Articles.IgnoreQueryFilters().Where(a => a.Id == ids[2]).Select(a => a.DeletedAt).SingleAsync()));
        Assert.Equal(2, await app.WithDbAsync(db => db.Articles.CountAsync(a => a.SourceId == id)));
        Assert.Contains(await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "gone" && e.EntityId == entry.EntityId).Select(e => e.Summary).ToListAsync()),
            s => s!.Contains("dipindahkan ke Tempat sampah", StringComparison.Ordinal));
    }

    /// <summary>Two nodes on one database (two pollers, two lease holders): while one fetches a source, the other's round skips it.</summary>
    [Fact]
    public async Task A_source_is_polled_by_one_node_per_round()
    {
        var site = await LoopbackSite.StartAsync();
        await using var _ = site;
        var fetching = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        site.Routes["/feed/"] = async http =>
        {
            fetching.TrySetResult();
            await release.Task;
            http.Response.ContentType = "application/rss+xml";
            await http.Response.WriteAsync("<rss version=\"2.0\"><channel><title>Dua simpul</title><item><title>Satu</title><guid>dua-simpul-1</guid></item></channel></rss>");
        };
        var id = await app.WithDbAsync(async db =>
        {
            var opd = await db.Opds.SingleAsync(o => o.Slug == Personas.OpdB);
            var source = new Source { OpdId = opd.Id, SiteUrl = site.Origin + "/", FeedUrl = site.Origin + "/feed/", Title = "Dua simpul", IntervalMinutes = 30, CreatedAt = DateTime.UnixEpoch };
            db.SyndicationSources.Add(source);
            await db.SaveChangesAsync();
            return source.Id;
        });
        var sp = app.Services;
        var other = new SourcePolling(sp.GetRequiredService<IServiceScopeFactory>(), new SatuPintu.Data.JobLeases(sp.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System),
            sp.GetRequiredService<WriteTurn>(), TimeProvider.System, sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<SyndicationOptions>>(), Microsoft.Extensions.Logging.Abstractions.NullLogger<SourcePolling>.Instance);
        var first = sp.GetRequiredService<SourcePolling>().RunAsync([id], CancellationToken.None);
        await fetching.Task;
        Assert.Empty(await other.RunAsync([id], CancellationToken.None));
        release.SetResult();
        Assert.True(Assert.Single(await first).Ok);
        Assert.Equal(1, site.Hits["/feed/"]);
    }

    /// <summary>The last complete read as if a day had passed (the host's clock is real; no sleep).</summary>
    private Task<int> AgeArchiveReadAsync(int id) => app.WithDbAsync(async db =>
    {
        var source = await db.SyndicationSources.SingleAsync(s => s.Id == id);
        source.ArchiveReadAt = source.ArchiveReadAt!.Value.AddDays(-2);
        return await db.SaveChangesAsync();
    });
}

[Collection(Hosts.SqliteContent)]
public sealed class SqliteSyndicationLifecycleTests(SqliteApp app) : SyndicationLifecycleTests(app);

[Collection(Hosts.PostgresContent)]
public sealed class PostgresSyndicationLifecycleTests(PostgresApp app) : SyndicationLifecycleTests(app);
