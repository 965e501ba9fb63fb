using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SatuPintu.Changes;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Changes;

/// <summary>
/// Ids become visible at commit, not in id order (on PostgreSQL a lower id can commit after a
/// higher one): the reader applies rows above a missing id at once, keeps its position below the
/// gap so the late row is not skipped, and moves past a gap only when it is older than GapSeconds.
/// </summary>
public abstract class ChangeFeedPollerTests(bool postgres)
{
    [Fact]
    public async Task A_late_lower_id_is_still_applied_and_an_old_gap_is_passed()
    {
        var clock = new FakeTimeProvider(TimeProvider.System.GetUtcNow());
        await using var node = Node.Fresh(postgres, new() { ["SatuPintu:ChangeFeed:GapSeconds"] = "30" }, clock);
        node.Browser();
        var poller = node.Services.GetRequiredService<ChangeFeedPoller>();
        for (var i = 0; i < 100 && poller.Position < 0; i++)
        {
            await Task.Delay(50);
        }
        var start = poller.Position;
        Assert.True(start >= 0);

        await InsertAsync(node, start + 2, clock);
        await poller.PollOnceAsync(CancellationToken.None);
        Assert.Equal(start, poller.Position);
        // Applied although below it a row is missing: a writer waiting for it returns at once.
        await poller.WaitForAsync(start + 2, CancellationToken.None);

        await InsertAsync(node, start + 1, clock);
        await poller.PollOnceAsync(CancellationToken.None);
        Assert.Equal(start + 2, poller.Position);

        await InsertAsync(node, start + 4, clock);
        await poller.PollOnceAsync(CancellationToken.None);
        Assert.Equal(start + 2, poller.Position);
        clock.Advance(TimeSpan.FromSeconds(31));
        await poller.PollOnceAsync(CancellationToken.None);
        Assert.Equal(start + 4, poller.Position);
    }

    private static Task<int> InsertAsync(SatuPintuApp node, long id, TimeProvider clock) => node.WithDbAsync(db =>
    {
        db.PublicChanges.Add(new PublicChange { Id = id, At = clock.GetUtcNow().UtcDateTime, Kind = "uji", Key = id.ToString(System.Globalization.CultureInfo.InvariantCulture), Action = "update" });
        return db.SaveChangesAsync();
    });
}

public sealed class SqliteChangeFeedPollerTests() : ChangeFeedPollerTests(postgres: false);

public sealed class PostgresChangeFeedPollerTests() : ChangeFeedPollerTests(postgres: true);
