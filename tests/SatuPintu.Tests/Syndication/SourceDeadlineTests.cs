using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SatuPintu.Syndication;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Syndication;

/// <summary>
/// One deadline per source and round: a WordPress archive whose every further page hangs costs the round
/// that deadline and no more, the other source of the round is imported meanwhile, what was read is kept,
/// and the next round goes on from where the archive stopped. The deadline runs on a fake clock.
/// </summary>
public abstract class SourceDeadlineTests(SatuPintuApp app) : WithPersonas(app)
{
    [Fact]
    public async Task A_hanging_archive_costs_its_deadline_and_goes_on_in_the_next_round()
    {
        var wp = await WordPressLikeSite.StartAsync();
        await using var _ = wp.Site;
        var day = new DateTime(2026, 10, 1, 3, 0, 0, DateTimeKind.Utc);
        var run = Guid.NewGuid().ToString("N");
        for (var i = 1; i <= 6; i++)
        {
            wp.Posts.Add(new() { Id = i, Title = $"Arsip lambat {i} {run}", Html = $"<p>Isi {i}</p>", Date = day.AddDays(i), Modified = day.AddDays(i) });
        }
        await using var fast = await LoopbackSite.StartAsync();
        fast.Serve("/feed", "application/rss+xml", $"<rss version=\"2.0\"><channel><title>Situs cepat</title><item><guid>cepat-{run}</guid><title>Berita cepat {run}</title><description>Isi</description></item></channel></rss>");
        var api = Personas.Api(app, People.Admin);
        var slowId = await AddAsync(api, wp.Site.Origin + "/");
        var fastId = await AddAsync(api, fast.Origin + "/feed");

        // From now on the archive's second page never answers (until the request is given up).
        var hanging = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        wp.BeforePage = async (page, http) =>
        {
            if (page == 2)
            {
                hanging.TrySetResult();
                await Task.Delay(Timeout.Infinite, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        };
        var clock = new PooledFakeClock(TimeProvider.System.GetUtcNow());
        var polling = ActivatorUtilities.CreateInstance<SourcePolling>(app.Services, (TimeProvider)clock);
        var round = polling.RunAsync([slowId, fastId], CancellationToken.None);
        await hanging.Task.WaitAsync(TimeSpan.FromSeconds(60));
        // The other source is imported while the archive hangs: it waits for nobody.
        for (var tries = 0; !await app.WithDbAsync(db => db.Articles.AnyAsync(a => a.SourceId == fastId)); tries++)
        {
            Assert.True(tries < 600, "the fast source was not imported while the slow one hung");
            await Task.Delay(50);
        }
        Assert.False(round.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(app.Services.GetRequiredService<IOptions<SyndicationOptions>>().Value.SourceTimeoutSeconds));
        var reports = await round.WaitAsync(TimeSpan.FromSeconds(60));

        var slow = Assert.Single(reports, r => r.SourceId == slowId);
        Assert.True(slow.Ok, slow.Outcome);
        Assert.StartsWith("sebagian: 2 baru", slow.Outcome, StringComparison.Ordinal);
        Assert.Contains("dilanjutkan pada putaran berikutnya", slow.Outcome, StringComparison.Ordinal);
        Assert.True(Assert.Single(reports, r => r.SourceId == fastId).Ok);
        var state = await app.WithDbAsync(db => db.SyndicationSources.AsNoTracking().SingleAsync(s => s.Id == slowId));
        Assert.Equal(2, state.ArchiveNextPage);
        Assert.False(state.ArchiveComplete);
        Assert.Equal(0, state.LeaseUntilMs);
        Assert.True(state.NextPollAt <= clock.GetUtcNow().UtcDateTime, "an archive cut short is due again at once");

        // The next round (the server answers again) reads on and completes the archive, without duplicates.
        wp.BeforePage = null;
        var next = Assert.Single(await polling.RunAsync([slowId], CancellationToken.None));
        Assert.True(next.Ok, next.Outcome);
        Assert.StartsWith("4 baru", next.Outcome, StringComparison.Ordinal);
        Assert.Equal(6, await app.WithDbAsync(db => db.Articles.CountAsync(a => a.SourceId == slowId)));
        state = await app.WithDbAsync(db => db.SyndicationSources.AsNoTracking().SingleAsync(s => s.Id == slowId));
        Assert.True(state.ArchiveComplete);
        Assert.Equal(0, state.ArchiveNextPage);
        Assert.Equal(6, state.ItemsImported);
    }

    private static async Task<int> AddAsync(HttpClient api, string url)
    {
        var created = await api.PostAsJsonAsync($"/api/v1/opd/{Personas.OpdB}/sources", new { url });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }
}

[Collection(Hosts.SqliteContent)]
public sealed class SqliteSourceDeadlineTests(SqliteApp app) : SourceDeadlineTests(app);

[Collection(Hosts.PostgresContent)]
public sealed class PostgresSourceDeadlineTests(PostgresApp app) : SourceDeadlineTests(app);
