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
/// </summary>
public sealed class CheckRunner(IServiceScopeFactory scopes, IEnumerable<IProbe> probes, ResultWriter writer, TimeProvider time,
    IOptions<MonitoringOptions> options, MonitorMetrics metrics, ILogger<CheckRunner> log) : BackgroundService
{
    private readonly Dictionary<CheckKind, IProbe> _probes = probes.ToDictionary(p => p.Kind);
    private readonly Dictionary<CheckKind, SemaphoreSlim> _slots = Enum.GetValues<CheckKind>()
        .ToDictionary(k => k, _ => new SemaphoreSlim(options.Value.ConcurrencyPerKind));
    private readonly SemaphoreSlim _wake = new(0);
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
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = TimeSpan.FromSeconds(1);
            try
            {
                _ = await StartDueAsync(stoppingToken);
                wait = await UntilNextDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Monitoring scheduler pass failed; retrying shortly");
            }
            Interlocked.Increment(ref _passes);
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var woken = _wake.WaitAsync(cts.Token);
            await Task.WhenAny(woken, Task.Delay(wait, time, cts.Token));
            await cts.CancelAsync();
        }
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

    private async Task<TimeSpan> UntilNextDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SatuPintuDb>();
        var next = await db.MonitorChecks.Where(c => !c.Paused).MinAsync(c => (long?)c.NextDueMs, ct);
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        return next is { } n ? TimeSpan.FromMilliseconds(Math.Clamp(n - now, 0, 1000)) : TimeSpan.FromSeconds(1);
    }
}
