using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SatuPintu.Data;
using SatuPintu.Hosting;
using SatuPintu.Monitoring.Probes;
using SatuPintu.Monitoring.Samples;

namespace SatuPintu.Monitoring.Engine;

/// <summary>One round's result, on its way to the writer.</summary>
public sealed record ProbeOutcome(long CheckId, DateTime At, ProbeResult Result);

/// <summary>
/// The one writer of results: reads the channel in batches, judges each result (<see cref="Judge"/>),
/// saves states and incidents in one transaction, appends the raw samples to the day store and hands
/// the alerts to <see cref="IAlertSink"/>. Nothing here is content: no audit rows, no change feed.
/// </summary>
public sealed class ResultWriter(IServiceScopeFactory scopes, ISampleStore samples, IAlertSink alerts, TimeProvider time,
    IOptions<MonitoringOptions> options, IOptions<SatuPintuOptions> site, MonitorMetrics metrics, StatusCache status, ILogger<ResultWriter> log) : BackgroundService
{
    private readonly Channel<object> _queue = Channel.CreateBounded<object>(new BoundedChannelOptions(100_000) { SingleReader = true });
    private readonly SemaphoreSlim _hurry = new(0);
    private TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(site.Value.TimeZone);

    public ValueTask EnqueueAsync(ProbeOutcome outcome, CancellationToken ct) => _queue.Writer.WriteAsync(outcome, ct);

    /// <summary>Completes when everything enqueued before the call is saved and its alerts handed over.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await _queue.Writer.WriteAsync(done, ct);
        _hurry.Release();
        await done.Task.WaitAsync(ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<ProbeOutcome>();
        var flushes = new List<TaskCompletionSource>();
        var gather = TimeSpan.FromMilliseconds(options.Value.WriteGatherMilliseconds);
        while (await _queue.Reader.WaitToReadAsync(stoppingToken))
        {
            await GatherAsync(batch, flushes, gather, stoppingToken);
            try
            {
                if (batch.Count > 0)
                {
                    await WriteAsync(batch, stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Writing {Count} monitoring results failed; they are lost, the next rounds go on", batch.Count);
            }
            batch.Clear();
            flushes.ForEach(f => f.TrySetResult());
            flushes.Clear();
        }
    }

    /// <summary>
    /// Takes what is queued, and when that is less than a batch, waits up to <paramref name="gather"/>
    /// (cut short by a flush) and takes what came meanwhile: a write costs a scope, a few queries and
    /// two fsyncs whatever its size, so a trickle written a few results at a time cost more than the probes.
    /// </summary>
    private async Task GatherAsync(List<ProbeOutcome> batch, List<TaskCompletionSource> flushes, TimeSpan gather, CancellationToken ct)
    {
        if (Take(batch, flushes) && batch.Count > 0 && gather > TimeSpan.Zero)
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            await Task.WhenAny(_hurry.WaitAsync(cts.Token), Task.Delay(gather, time, cts.Token));
            await cts.CancelAsync();
            ct.ThrowIfCancellationRequested();
            Take(batch, flushes);
        }
        while (_hurry.CurrentCount > 0)
        {
            _hurry.Wait(0, CancellationToken.None);
        }
    }

    /// <summary>Reads until the batch is full, a flush is found (false) or the queue is empty.</summary>
    private bool Take(List<ProbeOutcome> batch, List<TaskCompletionSource> flushes)
    {
        while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var item))
        {
            if (item is not ProbeOutcome o)
            {
                flushes.Add((TaskCompletionSource)item);
                return false;
            }
            batch.Add(o);
        }
        return batch.Count < MaxBatch;
    }

    private const int MaxBatch = 2000;

    private async Task WriteAsync(List<ProbeOutcome> batch, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SatuPintuDb>();
        var now = time.GetUtcNow().UtcDateTime;
        var checks = await LoadWithAncestorsAsync(db, batch.Select(b => b.CheckId), ct);
        var windows = await db.MonitorMaintenanceWindows.AsNoTracking().Where(w => w.StartsAt <= now && w.EndsAt >= now).ToListAsync(ct);
        // The canaries' last results come from the database, not from this node's memory: with several
        // nodes, the node that probed a canary is often not the one judging the other checks.
        var fresh = batch.Where(b => checks.TryGetValue(b.CheckId, out var c) && c.Canary)
            .GroupBy(b => b.CheckId).ToDictionary(g => g.Key, g => !g.Last().Result.Ok);
        var canaries = await db.MonitorChecks.Where(c => c.Canary && !c.Paused)
            .Select(c => new { c.Id, Failing = c.Status != null && c.Status.ConsecutiveFailures > 0 }).ToListAsync(ct);
        var cutOff = canaries.Count > 0 && canaries.All(c => fresh.TryGetValue(c.Id, out var failed) ? failed : c.Failing);
        var book = new IncidentTimeline(db, now);
        var raw = new List<Sample>(batch.Count);
        var toAlert = new List<(Check Check, CheckState State)>();
        var changed = new List<Check>();
        var opt = options.Value;
        foreach (var outcome in batch.OrderBy(b => Depth(checks, b.CheckId)))
        {
            if (!checks.TryGetValue(outcome.CheckId, out var check) || check.Paused)
            {
                continue;
            }
            var status = check.Status ??= new CheckStatus { CheckId = check.Id };
            var parent = check.ParentCheckId is { } p && checks.TryGetValue(p, out var pc) && !pc.Paused ? pc.Status : null;
            var ctx = new JudgeContext(outcome.At, windows.Any(w => w.Applies(check) && w.Covers(outcome.At, Zone)),
                cutOff && !check.Canary, parent?.State, opt.FlapTransitions, TimeSpan.FromMinutes(opt.FlapWindowMinutes),
                parent is { ConsecutiveFailures: > 0 });
            var verdict = Judge.Apply(check, status, outcome.Result, ctx);
            raw.Add(new Sample(check.Id, new DateTimeOffset(outcome.At).ToUnixTimeMilliseconds(), verdict.Sample, outcome.Result.RttMs, outcome.Result.LossPercent));
            metrics.Observe(check, verdict, outcome.Result);
            if (verdict.Changed)
            {
                await book.OnTransitionAsync(check, verdict, checks, ct);
                changed.Add(check);
            }
            if (verdict.Alert is { } a)
            {
                toAlert.Add((check, a));
            }
        }
        await db.SaveChangesAsync(ct);
        await samples.AppendAsync(raw, ct);
        metrics.BatchWritten();
        if (changed.Count > 0)
        {
            await status.ChangedAsync(changed.Select(c => c.Opd?.Slug).OfType<string>(), ct);
        }
        foreach (var (check, state) in toAlert)
        {
            var opds = check.Opd is { } o ? new[] { o.Slug } : [];
            var summary = state == CheckState.Down ? $"{check.Name} terputus" : $"{check.Name} pulih";
            await alerts.PublishAsync(new MonitorAlert("state", check.Id, check.Name, [.. opds.Concat(book.OpdsOf(check.Status!.OpenIncidentId)).Distinct()],
                state, now, check.Status!.OpenIncidentId ?? book.LastResolvedOf(check.Id), summary, check.Status.LastError), ct);
        }
    }

    private static async Task<Dictionary<long, Check>> LoadWithAncestorsAsync(SatuPintuDb db, IEnumerable<long> ids, CancellationToken ct)
    {
        var loaded = new Dictionary<long, Check>();
        var wanted = ids.Distinct().ToList();
        while (wanted.Count > 0)
        {
            foreach (var c in await db.MonitorChecks.Include(c => c.Status).Include(c => c.Opd).Where(c => wanted.Contains(c.Id)).ToListAsync(ct))
            {
                loaded[c.Id] = c;
            }
            wanted = [.. loaded.Values.Where(c => c.ParentCheckId is { } p && !loaded.ContainsKey(p)).Select(c => c.ParentCheckId!.Value).Distinct()];
        }
        return loaded;
    }

    private static int Depth(Dictionary<long, Check> checks, long id)
    {
        var depth = 0;
        for (var c = checks.GetValueOrDefault(id); c?.ParentCheckId is { } p && depth < 32; c = checks.GetValueOrDefault(p))
        {
            depth++;
        }
        return depth;
    }
}
