using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;
using SatuPintu.Hosting;
using SatuPintu.Monitoring.Engine;

namespace SatuPintu.Monitoring;

/// <summary>A public check as the summary holds it: no target, no rollups.</summary>
public sealed record LiveCheck(long Id, string Name, CheckKind Kind, int? OpdId, bool IsLink, CheckState State, DateTime? Since)
{
    public bool IsConnection => IsLink || Kind == CheckKind.Icmp;
}

/// <summary>One group of /status (an OPD, or the regency's own checks): its worst states and its 90 days summed over its checks.</summary>
public sealed record OpdRow(int? OpdId, string Slug, string Name, CheckState? Connection, CheckState? Website, CheckState Worst,
    IReadOnlyDictionary<CheckState, int> Counts, double? Uptime90, IReadOnlyList<DayBar> Days, IReadOnlyList<LiveCheck> Checks);

/// <summary>Every group of /status, in page order.</summary>
public sealed record StatusRows(IReadOnlyList<OpdRow> Rows)
{
    public OpdRow? Find(string slug) => Rows.FirstOrDefault(r => r.Slug == slug);
}

/// <summary>
/// Keeps the per-OPD summary of /status between requests, so a page over 10,000 checks and a year of
/// rollups costs two small queries. The 90-day sums (the expensive part: every day row of every check)
/// are rebuilt when the rollups advance, the day turns or the set of public checks changes; the live
/// states when any state changes. Both keys are read from the database, so a transition judged on
/// another node, or a row written by a script, shows on the next request here too.
/// </summary>
public sealed class StatusCache(IOutputCacheStore outputCache) : IDisposable
{
    /// <summary>The output-cache tag of /status, its OPD pages and /api/v1/status.</summary>
    public const string Kind = "status";
    /// <summary>The slug of the group of checks that belong to no OPD.</summary>
    public const string RegencySlug = "kabupaten";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _version;
    private Keyed<Dictionary<int, Dictionary<DateOnly, (int Up, int Down, int Maint)>>>? _history;
    private Live? _live;

    /// <summary>The summary, the key it was built for, when that key was last read, and what was derived from it.</summary>
    private sealed record Live(string Key, long Version, DateTime CheckedAt, StatusRows Rows, System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<object?>>> Memo);

    // A reference, so a request that reads it while another replaces it sees one whole entry.
    private sealed record Keyed<T>(string Key, T Value);

    /// <summary>
    /// A state or a check changed on this node: the summary is rebuilt on the next request and the
    /// cached pages that show live states are dropped (samples alone never get here).
    /// </summary>
    public async Task ChangedAsync(IEnumerable<string> opdSlugs, CancellationToken ct)
    {
        Touch();
        await outputCache.EvictByTagAsync(PublicPageTags.Kind(Kind), ct);
        await outputCache.EvictByTagAsync(PublicPageTags.Kind(Network.NetworkFeature.Kind), ct);
        foreach (var slug in opdSlugs.Distinct())
        {
            await outputCache.EvictByTagAsync(PublicPageTags.Opd(slug), ct);
        }
    }

    /// <summary>Something the summary shows changed here (a state, the rollups): the next request reads the keys again.</summary>
    public void Touch() => Interlocked.Increment(ref _version);

    public void Dispose() => _gate.Dispose();

    public async Task<StatusRows> GetAsync(SatuPintuDb db, DateTime now, CancellationToken ct) => (await FreshAsync(db, now, ct)).Rows;

    /// <summary>
    /// What a page built from the summary derives from it (incidents, a page of an OPD's checks, the
    /// JSON bytes), kept as long as the summary is: rebuilt when a state changes here, and at most
    /// <see cref="Recheck"/> after a change on another node, by a script or in a notice.
    /// </summary>
    public async Task<T> MemoAsync<T>(SatuPintuDb db, DateTime now, string key, Func<StatusRows, Task<T>> make, CancellationToken ct) where T : class?
    {
        var fresh = await FreshAsync(db, now, ct);
        // Bounded: a crawler paging through odd page sizes must not grow it without end.
        if (!fresh.Memo.ContainsKey(key) && fresh.Memo.Count >= MaxMemo)
        {
            return await make(fresh.Rows);
        }
        // One build per key and summary: requests arriving while it runs wait for it instead of each
        // building their own (eight at once made an OPD page's rebuild each second eight rollup queries).
        var shared = fresh.Memo.GetOrAdd(key, _ => new(async () => await make(fresh.Rows)));
        try
        {
            return (T)(await shared.Value)!;
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            // The build failed, or the request that ran it went away: this one builds its own.
            fresh.Memo.TryRemove(KeyValuePair.Create(key, shared));
            return await make(fresh.Rows);
        }
    }

    /// <summary>How long the database keys are trusted before they are read again (a change made on this node is seen at once).</summary>
    public static readonly TimeSpan Recheck = TimeSpan.FromSeconds(1);
    private const int MaxMemo = 256;

    private async Task<Live> FreshAsync(SatuPintuDb db, DateTime now, CancellationToken ct)
    {
        var version = Interlocked.Read(ref _version);
        // Without this, every request paid three aggregate queries over all checks just to learn nothing changed.
        if (_live is { } recent && recent.Version == version && now >= recent.CheckedAt && now - recent.CheckedAt < Recheck)
        {
            return recent;
        }
        var today = DateOnly.FromDateTime(now);
        var shown = (await db.MonitorChecks.Where(c => c.Public && !c.Paused).GroupBy(_ => 1)
            .Select(g => new { N = g.Count(), Updated = g.Max(c => c.UpdatedAt), Ids = g.Sum(c => c.Id) }).ToListAsync(ct)).FirstOrDefault();
        var since = await db.MonitorCheckStatus.MaxAsync(s => s.Since, ct);
        var rolled = await db.SeedStates.Where(s => s.Key == Rollups.Position).Select(s => (long?)s.Value).FirstOrDefaultAsync(ct);
        var historyKey = $"{today:yyyyMMdd}|{rolled}|{shown?.N}|{shown?.Ids}|{shown?.Updated.Ticks}";
        var liveKey = $"{historyKey}|{since?.Ticks}|{version}";
        if (_live is { } hit && hit.Key == liveKey)
        {
            // Unchanged: the rows and what was derived from them stay; only the notices and incidents may have moved.
            return _live = hit with { CheckedAt = now, Memo = new() };
        }
        await _gate.WaitAsync(ct);
        try
        {
            if (_live is { } again && again.Key == liveKey)
            {
                return again;
            }
            if (_history is not { } history || history.Key != historyKey)
            {
                _history = history = new(historyKey, await SumDaysAsync(db, today, ct));
            }
            var rows = await BuildAsync(db, today, history.Value, ct);
            return _live = new(liveKey, version, now, rows, new());
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Up, down and maintenance counts per group and day: day rollups, and today's hour rollups.</summary>
    private static async Task<Dictionary<int, Dictionary<DateOnly, (int Up, int Down, int Maint)>>> SumDaysAsync(SatuPintuDb db, DateOnly today, CancellationToken ct)
    {
        var first = today.AddDays(-(StatusBoard.Days - 1)).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var todayStart = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var sums = await (from r in db.MonitorRollups
                          join c in db.MonitorChecks on r.CheckId equals c.Id
                          where c.Public && !c.Paused && r.Start >= first && (r.Period == RollupPeriod.Day || r.Start >= todayStart)
                          group r by new { c.OpdId, r.Start } into g
                          select new { g.Key.OpdId, g.Key.Start, Up = g.Sum(x => x.Up), Down = g.Sum(x => x.Down), Maint = g.Sum(x => x.Maintenance) })
            .ToListAsync(ct);
        return sums.GroupBy(s => s.OpdId ?? 0).ToDictionary(g => g.Key, g => g.GroupBy(s => DateOnly.FromDateTime(s.Start))
            .ToDictionary(d => d.Key, d => (d.Sum(x => x.Up), d.Sum(x => x.Down), d.Sum(x => x.Maint))));
    }

    private static async Task<StatusRows> BuildAsync(SatuPintuDb db, DateOnly today, Dictionary<int, Dictionary<DateOnly, (int Up, int Down, int Maint)>> sums, CancellationToken ct)
    {
        var checks = await db.MonitorChecks.AsNoTracking().Where(c => c.Public && !c.Paused).OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Select(c => new LiveCheck(c.Id, c.Name, c.Kind, c.OpdId, c.NetworkLinkId != null,
                c.Status == null ? CheckState.Unknown : c.Status.State, c.Status == null ? null : c.Status.Since))
            .ToListAsync(ct);
        var opds = await db.Opds.AsNoTracking().Select(o => new { o.Id, o.Slug, o.Name, o.SortOrder }).ToDictionaryAsync(o => o.Id, ct);
        var rows = new List<(int Order, OpdRow Row)>();
        foreach (var g in checks.GroupBy(c => c.OpdId))
        {
            var opd = g.Key is { } id ? opds.GetValueOrDefault(id) : null;
            if (g.Key is not null && opd is null)
            {
                continue;
            }
            var list = g.ToList();
            var days = sums.GetValueOrDefault(g.Key ?? 0) ?? [];
            var up = days.Values.Sum(v => v.Up);
            var judged = up + days.Values.Sum(v => v.Down);
            var row = new OpdRow(g.Key, opd?.Slug ?? RegencySlug, opd?.Name ?? "Layanan kabupaten",
                Worst(list.Where(c => c.IsConnection)), Worst(list.Where(c => c.Kind == CheckKind.Http)), Worst(list) ?? CheckState.Unknown,
                list.GroupBy(c => c.State).ToDictionary(s => s.Key, s => s.Count()), judged > 0 ? (double)up / judged : null, Bars(today, days), list);
            rows.Add((opd?.SortOrder ?? int.MaxValue, row));
        }
        return new StatusRows([.. rows.OrderBy(r => r.Order).ThenBy(r => r.Row.OpdId is null).ThenBy(r => r.Row.Name, StringComparer.Ordinal).Select(r => r.Row)]);
    }

    /// <summary>90 bars ending today; a day without data stays empty (never counted as up).</summary>
    internal static IReadOnlyList<DayBar> Bars(DateOnly today, IReadOnlyDictionary<DateOnly, (int Up, int Down, int Maint)> days) =>
        [.. Enumerable.Range(0, StatusBoard.Days).Select(i => today.AddDays(i - StatusBoard.Days + 1))
            .Select(d => days.TryGetValue(d, out var v) ? new DayBar(d, v.Up + v.Down > 0 ? (double)v.Up / (v.Up + v.Down) : null, v.Down, v.Maint) : new DayBar(d, null, 0, 0))];

    /// <summary>The state that needs attention first; null for no checks.</summary>
    public static CheckState? Worst(IEnumerable<LiveCheck> checks) =>
        checks.Select(c => c.State).OrderByDescending(Severity).Cast<CheckState?>().FirstOrDefault();

    public static int Severity(CheckState s) => s switch
    {
        CheckState.Down => 5,
        CheckState.Unreachable => 4,
        CheckState.Unknown => 3,
        CheckState.Maintenance => 2,
        CheckState.Paused => 1,
        _ => 0,
    };
}
