using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SatuPintu.Content;
using SatuPintu.Data;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Content;

/// <summary>
/// A reviewer schedules an article ahead; the background job publishes it when due, also when the
/// app was stopped across the publish time (the schedule lives in the database), and with two nodes
/// on one database only the holder of the job lease publishes. Time passes on a fake clock.
/// </summary>
public sealed class ScheduledPublishingTests
{
    private static readonly Dictionary<string, string?> Scheduler = new() { ["SatuPintu:Content:SchedulerSeconds"] = "60" };

    private static FakeTimeProvider ClockAt(DateTimeOffset at) => new(at);

    /// <summary>The job runs in the background: look until it has done its work (bounded; the clock is fake, this is only the wait for a thread).</summary>
    private static async Task<PublicationStatus?> EventuallyAsync(SatuPintuApp app, int id, PublicationStatus wanted)
    {
        PublicationStatus? status = null;
        for (var i = 0; i < 300 && status != wanted; i++)
        {
            status = await TestArticles.StatusAsync(app, id);
            if (status != wanted)
            {
                await Task.Delay(100);
            }
        }
        return status;
    }

    private static async Task<int> ScheduleAsync(SatuPintuApp app, Personas.Person reviewer, DateTime at)
    {
        var id = await TestArticles.CreateAsync(app, Personas.OpdA, PublicationStatus.Review, "Terjadwal " + Guid.NewGuid().ToString("N")[..6]);
        var response = await Personas.Api(app, reviewer).PostAsJsonAsync($"/api/v1/articles/{id}/publish", new { at });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("scheduled", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        return id;
    }

    [Fact]
    public async Task Scheduled_article_is_published_by_the_job_when_due()
    {
        var clock = ClockAt(TimeProvider.System.GetUtcNow());
        await using var app = Node.Fresh(postgres: false, Scheduler, clock);
        var people = await Personas.CreateAsync(app);
        var id = await ScheduleAsync(app, people.ReviewerA, clock.GetUtcNow().UtcDateTime.AddMinutes(10));
        var slug = await app.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Browser().FetchAsync($"/berita/{slug}")).Status);

        clock.Advance(TimeSpan.FromMinutes(11));

        Assert.Equal(PublicationStatus.Published, await EventuallyAsync(app, id, PublicationStatus.Published));
        // The job wrote it; this reader sees it once the node's feed reader has applied it.
        var status = HttpStatusCode.NotFound;
        for (var i = 0; i < 100 && status != HttpStatusCode.OK; i++)
        {
            status = (await app.Browser().FetchAsync($"/berita/{slug}")).Status;
            await Task.Delay(status == HttpStatusCode.OK ? 0 : 100);
        }
        Assert.Equal(HttpStatusCode.OK, status);
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Article" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Select(a => a.Actor).ToListAsync());
        Assert.Contains("sistem:penjadwal", audit);
    }

    [Fact]
    public async Task Schedule_survives_a_restart_across_the_publish_time()
    {
        var start = TimeProvider.System.GetUtcNow();
        var dir = Path.Combine(Path.GetTempPath(), "satupintu-tests", Guid.NewGuid().ToString("N"));
        try
        {
            int id;
            Node first;
            await using (first = Node.Fresh(postgres: false, Scheduler, ClockAt(start), dataDir: dir))
            {
                var people = await Personas.CreateAsync(first);
                id = await ScheduleAsync(first, people.Admin, start.UtcDateTime.AddMinutes(10));
                Assert.Equal(PublicationStatus.Scheduled, await TestArticles.StatusAsync(first, id));
            }
            // The app is down while the publish time passes: it starts again twenty minutes later.
            await using var again = Node.Beside(first, Scheduler, ClockAt(start.AddMinutes(20)));
            again.Browser();
            Assert.Equal(PublicationStatus.Published, await EventuallyAsync(again, id, PublicationStatus.Published));
        }
        finally
        {
            SatuPintuApp.TryDelete(dir);
        }
    }

    [Fact]
    public async Task Two_nodes_on_one_postgres_database_publish_once_and_the_second_takes_over_when_the_first_stops_renewing()
    {
        var start = TimeProvider.System.GetUtcNow();
        await using var one = Node.Fresh(postgres: true, Scheduler, ClockAt(start));
        one.Browser();
        await using var two = Node.Beside(one, Scheduler, ClockAt(start));
        two.Browser();
        var publishers = new[] { one, two }.Select(n => n.Services.GetRequiredService<ScheduledPublisher>()).ToArray();
        var leases = new[] { one, two }.Select(n => n.Services.GetRequiredService<JobLeases>()).ToArray();
        // Each node's own pass at start runs in the background; once both are done, only the test's calls publish.
        await Task.WhenAll(publishers.Select(p => p.FirstPass)).WaitAsync(TimeSpan.FromSeconds(60));

        // Both ask at once for the due article; exactly one publishes it.
        var due = await TestArticles.CreateAsync(one, Personas.OpdA, PublicationStatus.Scheduled);
        await SetDueAsync(one, due, start.UtcDateTime.AddMinutes(-1));
        var counts = await Task.WhenAll(publishers.Select(p => p.PublishDueAsync(CancellationToken.None)));
        Assert.Equal(1, counts.Sum());
        var holder = await one.WithDbAsync(db => db.JobLeases.Where(l => l.Name == ScheduledPublisher.Job).Select(l => l.Holder).SingleAsync());
        var winner = Array.FindIndex(leases, l => l.Holder == holder);
        Assert.True(winner >= 0);
        var other = 1 - winner;

        // The holder keeps it while it renews; the other one publishes nothing.
        var next = await TestArticles.CreateAsync(one, Personas.OpdA, PublicationStatus.Scheduled);
        await SetDueAsync(one, next, start.UtcDateTime.AddMinutes(-1));
        Assert.Equal(0, await publishers[other].PublishDueAsync(CancellationToken.None));

        // The holder goes silent for longer than the lease (3 ticks): the other takes over and publishes.
        // Advancing its clock may also wake the other's own timer, which can publish first: either way the
        // other node publishes it, holds the lease now, and the silent holder publishes nothing.
        new[] { one, two }[other].Clock!.Advance(TimeSpan.FromMinutes(4));
        Assert.InRange(await publishers[other].PublishDueAsync(CancellationToken.None), 0, 1);
        Assert.Equal(PublicationStatus.Published, await TestArticles.StatusAsync(one, next));
        var newHolder = await one.WithDbAsync(db => db.JobLeases.Where(l => l.Name == ScheduledPublisher.Job).Select(l => l.Holder).SingleAsync());
        Assert.Equal(leases[other].Holder, newHolder);
        Assert.Equal(0, await publishers[winner].PublishDueAsync(CancellationToken.None));
    }

    /// <summary>Makes a scheduled article due, through the change tracker (bulk statements on articles are refused).</summary>
    private static Task<int> SetDueAsync(SatuPintuApp app, int id, DateTime at) => app.WithDbAsync(async db =>
    {
        var article = await db.Articles.SingleAsync(a => a.Id == id);
        article.PublishAt = at;
        return await db.SaveChangesAsync();
    });
}
