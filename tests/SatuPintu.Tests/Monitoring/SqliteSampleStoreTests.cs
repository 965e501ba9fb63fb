using Microsoft.Data.Sqlite;
using SatuPintu.Monitoring.Samples;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Monitoring;

/// <summary>
/// The SQLite day files on their own (no host): an hour's read returns that hour across a day
/// boundary, and it is answered through the time index, not by scanning the day's whole file,
/// which at scale holds every check's samples for 24 hours and is read once per rolled hour.
/// </summary>
public sealed class SqliteSampleStoreTests : IDisposable
{
    private static readonly long[] Checks = [1, 2];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "satupintu-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task An_hour_is_read_through_the_time_index_across_day_files()
    {
        var store = new SqliteSampleStore(_folder);
        var start = new DateTime(2026, 3, 1, 22, 0, 0, DateTimeKind.Utc);
        var ms = new DateTimeOffset(start).ToUnixTimeMilliseconds();
        // Three hours of rounds every 10 minutes for two checks: 22:00-01:00, so two day files.
        var samples = Enumerable.Range(0, 18)
            .SelectMany(i => Checks.Select(c => new Sample(c, ms + (i * 600_000L), i % 2 == 0 ? SampleStatus.Up : SampleStatus.Down, i % 2 == 0 ? 1.5 : null, 0)))
            .ToList();
        await store.AppendAsync(samples, CancellationToken.None);

        Assert.Equal([DateOnly.FromDateTime(start), DateOnly.FromDateTime(start.AddDays(1))], await store.DaysAsync(CancellationToken.None));
        var lastHour = await store.ReadAsync(start.AddHours(1), start.AddHours(2), CancellationToken.None);
        Assert.Equal(12, lastHour.Count);
        Assert.All(lastHour, s => Assert.InRange(s.AtMs, ms + 3_600_000, ms + 7_199_999));
        Assert.Equal(samples.Where(s => s.AtMs >= ms + 3_600_000 && s.AtMs < ms + 7_200_000).Order(new ByTime()), lastHour.Order(new ByTime()));
        var acrossMidnight = await store.ReadAsync(start.AddMinutes(90), start.AddMinutes(150), CancellationToken.None);
        Assert.Equal(12, acrossMidnight.Count);

        foreach (var file in System.IO.Directory.EnumerateFiles(_folder, "samples-*.db"))
        {
            using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
            connection.Open();
            using var plan = connection.CreateCommand();
            plan.CommandText = "EXPLAIN QUERY PLAN SELECT check_id, at_ms, status, rtt, loss FROM samples WHERE at_ms >= 1 AND at_ms < 2";
            using var reader = plan.ExecuteReader();
            var steps = new List<string>();
            while (reader.Read())
            {
                steps.Add(reader.GetString(3));
            }
            Assert.Contains(steps, s => s.Contains("USING INDEX samples_at", StringComparison.Ordinal));
        }
    }

    private sealed class ByTime : IComparer<Sample>
    {
        public int Compare(Sample? x, Sample? y) => (x!.AtMs, x.CheckId).CompareTo((y!.AtMs, y.CheckId));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        SatuPintuApp.TryDelete(_folder);
    }
}
