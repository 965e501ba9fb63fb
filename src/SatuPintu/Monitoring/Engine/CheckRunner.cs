using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SatuPintu.Data;
using SatuPintu.Monitoring.Probes;

namespace SatuPintu.Monitoring.Engine;

/// <summary>
/// One scheduler loop over the schedule in the database: claims the checks that are due (advancing
/// each to its next absolute round in the same statement, with <c>FOR UPDATE SKIP LOCKED</c> on
/// PostgreSQL so several nodes never claim one check twice), probes them with bounded concurrency per
/// kind and hands the results to the <see cref="ResultWriter"/>. A node that dies simply stops
/// claiming: its checks are due again at their next round and another node takes them.
/// The loop claims up to <see cref="MonitoringOptions.ClaimAheadMilliseconds"/> ahead, twice per
/// that span, and a dispatcher starts each claimed round at its due time from memory: the lag no
/// longer includes the claim's wait for the database (SQLite's one writer is busy with results).
/// </summary>
public sealed class CheckRunner(IServiceScopeFactory scopes, IEnumerable<IProbe> probes, ResultWriter writer, TimeProvider time,
    IOptions<MonitoringOptions> options, MonitorMetrics metrics, ILogger<CheckRunner> log) : BackgroundService
{
    private readonly Dictionary<CheckKind, IProbe> _probes = probes.ToDictionary(p => p.Kind);
    // An ICMP round holds no socket of its own (one shared socket per family) and mostly waits for
    // echoes; with a few lost it waits out the timeout, so its kind gets the larger bound.
    private readonly Dictionary<CheckKind, SemaphoreSlim> _slots = Enum.GetValues<CheckKind>()
        .ToDictionary(k => k, k => new SemaphoreSlim(k == CheckKind.Icmp ? options.Value.IcmpConcurrency : options.Value.ConcurrencyPerKind));
    private readonly SemaphoreSlim _wake = new(0);
    private readonly SemaphoreSlim _dispatch = new(0);
    private readonly PriorityQueue<Check, long> _pending = new();
    private long _passes;

    /// <summary>Scheduler passes made so far (a test can wait for the loop to have looked at the schedule).</summary>
    public long Passes => Interlocked.Read(ref _passes);

    /// <summary>Looks at the schedule now (after a check is added or resumed) instead of at the next tick.</summary>
    public void Wake() => _wake.Release();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        var dispatcher = DispatchAsync(stoppingToken);
        var ahead = options.Value.ClaimAheadMilliseconds;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = TimeSpan.FromSeconds(1);
            try
            {
                var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
                var (due, dueAt) = await ClaimAsync(nowMs + ahead, stoppingToken);
                lock (_pending)
                {
                    foreach (var check in due)
                    {
                        _pending.Enqueue(check, dueAt[check.Id]);
                    }
                }
                if (due.Count > 0)
                {
                    _dispatch.Release();
                }
                wait = due.Count >= options.Value.ClaimBatch ? TimeSpan.Zero : await UntilNextClaimAsync(ahead, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Monitoring scheduler pass failed; retrying shortly");
            }
            Interlocked.Increment(ref _passes);
            await WaitAsync(_wake, wait, stoppingToken);
        }
        await dispatcher;
    }

    /// <summary>Starts each claimed round at its due time; wakes at most every <see cref="DispatchTickMs"/> so a busy second costs ~100 wake-ups, not one per check.</summary>
    private async Task DispatchAsync(CancellationToken ct)
    {
        var timeout = TimeSpan.FromMilliseconds(options.Value.ProbeTimeoutMilliseconds);
        var ready = new List<(Check Check, long DueMs)>();
        while (!ct.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var nowMs = now.ToUnixTimeMilliseconds();
            long? next = null;
            lock (_pending)
            {
                while (_pending.TryPeek(out var check, out var dueMs) && dueMs <= nowMs)
                {
                    _pending.Dequeue();
                    ready.Add((check, dueMs));
                }
                next = _pending.TryPeek(out _, out var nextMs) ? nextMs : null;
            }
            foreach (var (check, dueMs) in ready)
            {
                _ = ProbeAsync(check, now.UtcDateTime, dueMs, timeout, ct);
            }
            ready.Clear();
            var wait = next is { } n ? TimeSpan.FromMilliseconds(Math.Max(DispatchTickMs, n - nowMs)) : Timeout.InfiniteTimeSpan;
            try
            {
                await WaitAsync(_dispatch, wait, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private const int DispatchTickMs = 10;

    /// <summary>Until <paramref name="signal"/> is released or <paramref name="wait"/> has passed, on the app's clock.</summary>
    private async Task WaitAsync(SemaphoreSlim signal, TimeSpan wait, CancellationToken ct)
    {
        if (wait == TimeSpan.Zero)
        {
            return;
        }
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var woken = signal.WaitAsync(cts.Token);
        await Task.WhenAny(woken, Task.Delay(wait, time, cts.Token));
        await cts.CancelAsync();
        ct.ThrowIfCancellationRequested();
    }

    /// <summary>Claims and probes what is due now; the task completes when those probes have answered and their results are written.</summary>
    public async Task RunDueAsync(CancellationToken ct)
    {
        await Task.WhenAll(await StartDueAsync(ct));
        await writer.FlushAsync(ct);
    }

    private async Task<List<Task>> StartDueAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var (due, dueAt) = await ClaimAsync(now.ToUnixTimeMilliseconds(), ct);
        var timeout = TimeSpan.FromMilliseconds(options.Value.ProbeTimeoutMilliseconds);
        var running = new List<Task>(due.Count);
        foreach (var check in due)
        {
            running.Add(ProbeAsync(check, now.UtcDateTime, dueAt[check.Id], timeout, ct));
        }
        return running;
    }

    private async Task ProbeAsync(Check check, DateTime at, long dueMs, TimeSpan timeout, CancellationToken ct)
    {
        var slot = _slots[check.Kind];
        await slot.WaitAsync(ct);
        try
        {
            metrics.ProbeStarted(check.Kind, time.GetUtcNow().ToUnixTimeMilliseconds() - dueMs);
            ProbeResult result;
            try
            {
                result = await _probes[check.Kind].ProbeAsync(check, timeout, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                result = ProbeResult.Fail($"pemeriksaan gagal: {e.GetType().Name}: {e.Message}");
            }
            await writer.EnqueueAsync(new ProbeOutcome(check.Id, at, result), ct);
        }
        finally
        {
            slot.Release();
        }
    }

    /// <summary>The claimed checks and the round each was due at (the round just passed, for the schedule lag).</summary>
    private async Task<(List<Check> Checks, Dictionary<long, long> DueMs)> ClaimAsync(long nowMs, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SatuPintuDb>();
        var lockRows = db.Database.IsNpgsql() ? "FOR UPDATE SKIP LOCKED" : "";
        var sql = $"""
            UPDATE "MonitorChecks" SET "NextDueMs" = "NextDueMs" + "IntervalSeconds" * 1000 * (({nowMs} - "NextDueMs") / ("IntervalSeconds" * 1000) + 1)
            WHERE "Id" IN (SELECT "Id" FROM "MonitorChecks" WHERE NOT "Paused" AND "NextDueMs" <= {nowMs} ORDER BY "NextDueMs" LIMIT {options.Value.ClaimBatch} {lockRows})
            RETURNING "Id", "NextDueMs" - "IntervalSeconds" * 1000
            """;
        var ids = new Dictionary<long, long>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = sql;
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                ids[reader.GetInt64(0)] = reader.GetInt64(1);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        if (ids.Count == 0)
        {
            return ([], ids);
        }
        var keys = ids.Keys.ToList();
        return (await db.MonitorChecks.AsNoTracking().Where(c => keys.Contains(c.Id)).ToListAsync(ct), ids);
    }

    /// <summary>Half the look-ahead while rounds are near; up to a second when the next one is further off.</summary>
    private async Task<TimeSpan> UntilNextClaimAsync(int ahead, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SatuPintuDb>();
        var next = await db.MonitorChecks.Where(c => !c.Paused).MinAsync(c => (long?)c.NextDueMs, ct);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        return TimeSpan.FromMilliseconds(next is { } n ? Math.Clamp(n - now - ahead, ahead / 2, 1000) : 1000);
    }
}
