using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SatuPintu.Data;

namespace SatuPintu.Syndication;

/// <summary>
/// One polling round: the due sources (or those asked for) are claimed with a lease — a conditional
/// update, a chunk at a time, so with several nodes on one database each source is fetched by one of
/// them — and fetched on a bounded pool, each in its own scope and under its own deadline
/// (<see cref="SyndicationOptions.SourceTimeoutSeconds"/>), so a slow or hostile source holds one slot
/// for no longer than that and delays nobody else. What a round learns about each source (health,
/// validators, next poll) is bookkeeping: written a chunk of sources per transaction, not one each.
/// </summary>
public sealed partial class SourcePolling(IServiceScopeFactory scopes, JobLeases leases, WriteTurn writes, TimeProvider time, IOptions<SyndicationOptions> options, ILogger<SourcePolling> log)
{
    public sealed record Report(int SourceId, string Title, string Outcome, bool Ok);

    private const string DatabaseFailed = "gagal: basis data tidak dapat ditulis; rinciannya ada di log server.";

    /// <summary>The sources due now (not paused, not backing off), or exactly <paramref name="ids"/> when given.</summary>
    public async Task<IReadOnlyList<Report>> RunAsync(IReadOnlyCollection<int>? ids, CancellationToken ct)
    {
        List<int> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SatuPintuDb>();
            var now = time.GetUtcNow().UtcDateTime;
            due = ids is not null
                ? await db.SyndicationSources.Where(s => ids.Contains(s.Id)).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync(ct)
                : await db.SyndicationSources.Where(s => !s.Paused && (s.NextPollAt == null || s.NextPollAt <= now) && (s.BackoffUntil == null || s.BackoffUntil <= now))
                    .OrderBy(s => s.NextPollAt).Select(s => s.Id).Take(10_000).ToListAsync(ct);
        }
        if (due.Count == 0)
        {
            return [];
        }
        var slots = Math.Min(options.Value.MaxConcurrentFetches, due.Count);
        var round = new Round(this, slots);
        // Claimed a chunk ahead of the pool: a claimed source waits for at most two chunks before its turn.
        var claimed = Channel.CreateBounded<int>(new BoundedChannelOptions(slots) { SingleWriter = true });
        var claimer = Task.Run(async () =>
        {
            try
            {
                foreach (var chunk in due.Chunk(slots))
                {
                    foreach (var id in await ClaimAsync(chunk, round, ct))
                    {
                        await claimed.Writer.WriteAsync(id, ct);
                    }
                }
            }
            finally
            {
                claimed.Writer.Complete();
            }
        }, ct);
        var pool = Enumerable.Range(0, slots).Select(_ => Task.Run(async () =>
        {
            await foreach (var id in claimed.Reader.ReadAllAsync(ct))
            {
                await round.DoneAsync(await PollGuardedAsync(id, ct));
            }
        }, ct)).ToList();
        await Task.WhenAll([claimer, .. pool]);
        await round.FlushAsync();
        var order = due.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return [.. round.Reports.OrderBy(r => order.GetValueOrDefault(r.SourceId))];
    }

    /// <summary>The sources of <paramref name="chunk"/> this node holds now; those another node holds are skipped.</summary>
    private async Task<IEnumerable<int>> ClaimAsync(int[] chunk, Round round, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SatuPintuDb>();
            var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
            // Long enough for the wait in the pool (two chunks ahead), the source's own deadline and the write after it.
            var until = nowMs + (long)TimeSpan.FromSeconds(options.Value.SourceTimeoutSeconds * 4 + 60).TotalMilliseconds;
            using (await writes.TakeAsync(db, ct))
            {
                await db.SyndicationSources.Where(s => chunk.Contains(s.Id) && s.LeaseUntilMs < nowMs)
                    .ExecuteUpdateAsync(u => u.SetProperty(s => s.LeaseHolder, leases.Holder).SetProperty(s => s.LeaseUntilMs, until), ct);
            }
            var mine = await db.SyndicationSources.Where(s => chunk.Contains(s.Id) && s.LeaseHolder == leases.Holder && s.LeaseUntilMs == until).Select(s => s.Id).ToListAsync(ct);
            return chunk.Where(mine.Contains);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // The database itself failed (busy, gone): these sources' round is lost, not the others'.
            log.LogWarning(e, "Syndication sources {Ids} could not be claimed", chunk);
            foreach (var id in chunk)
            {
                await round.DoneAsync(new Polled(new Report(id, "", DatabaseFailed, false), null));
            }
            return [];
        }
    }

    private async Task<Polled> PollGuardedAsync(int id, CancellationToken ct)
    {
        try
        {
            return await PollOneAsync(id, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogWarning(e, "Syndication source {Id} could not be polled", id);
            return new Polled(new Report(id, "", DatabaseFailed, false), null);
        }
    }

    private sealed record Polled(Report Report, Source? State);

    /// <summary>The reports of a round and the poll states not written yet.</summary>
    private sealed class Round(SourcePolling polling, int flushEvery)
    {
        private readonly Lock _lock = new();
        private readonly List<Report> _reports = [];
        private List<Source> _pending = [];

        public IReadOnlyList<Report> Reports
        {
            get
            {
                lock (_lock)
                {
                    return [.. _reports];
                }
            }
        }

        public async Task DoneAsync(Polled polled)
        {
            List<Source>? full = null;
            lock (_lock)
            {
                _reports.Add(polled.Report);
                if (polled.State is { } state)
                {
                    _pending.Add(state);
                    if (_pending.Count >= flushEvery)
                    {
                        (full, _pending) = (_pending, []);
                    }
                }
            }
            if (full is not null)
            {
                await polling.WriteStatesAsync(full);
            }
        }

        public async Task FlushAsync()
        {
            List<Source> rest;
            lock (_lock)
            {
                (rest, _pending) = (_pending, []);
            }
            await polling.WriteStatesAsync(rest);
        }
    }

    /// <summary>
    /// Poll state is bookkeeping: written straight, like the lease, so it enters neither the change feed nor the
    /// audit trail; many sources in one transaction (one commit, one fsync). A failure leaves the leases to expire.
    /// </summary>
    private async Task WriteStatesAsync(List<Source> states)
    {
        if (states.Count == 0)
        {
            return;
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SatuPintuDb>();
            using var turn = await writes.TakeAsync(db, CancellationToken.None);
            await using var tx = await db.Database.BeginTransactionAsync(CancellationToken.None);
            foreach (var source in states)
            {
                await db.SyndicationSources.Where(s => s.Id == source.Id).ExecuteUpdateAsync(u => u
                    .SetProperty(s => s.LastFetchAt, source.LastFetchAt).SetProperty(s => s.LastSuccessAt, source.LastSuccessAt)
                    .SetProperty(s => s.LastError, source.LastError).SetProperty(s => s.ConsecutiveFailures, source.ConsecutiveFailures)
                    .SetProperty(s => s.BackoffUntil, source.BackoffUntil).SetProperty(s => s.NextPollAt, source.NextPollAt)
                    .SetProperty(s => s.ItemsImported, source.ItemsImported).SetProperty(s => s.ETag, source.ETag)
                    .SetProperty(s => s.LastModified, source.LastModified).SetProperty(s => s.ArchiveComplete, source.ArchiveComplete)
                    .SetProperty(s => s.ArchiveReadAt, source.ArchiveReadAt).SetProperty(s => s.ArchiveNextPage, source.ArchiveNextPage)
                    .SetProperty(s => s.LeaseHolder, (string?)null).SetProperty(s => s.LeaseUntilMs, 0L), CancellationToken.None);
            }
            await tx.CommitAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            log.LogWarning(e, "The poll state of {Count} syndication source(s) could not be written", states.Count);
        }
    }

    private void Succeeded(Source s, bool more)
    {
        var now = time.GetUtcNow().UtcDateTime;
        s.LastSuccessAt = now;
        s.LastError = null;
        s.ConsecutiveFailures = 0;
        s.BackoffUntil = null;
        // ±10 % jitter: sources added together drift apart instead of all polling on the same second.
        var jitter = 1 + (Random.Shared.NextDouble() - 0.5) / 5;
        // An archive cut short by the deadline goes on at the next round.
        s.NextPollAt = more ? now : now + TimeSpan.FromMinutes(s.IntervalMinutes * jitter);
    }

    private string Failed(Source s, string error)
    {
        var now = time.GetUtcNow().UtcDateTime;
        s.LastError = error.Length <= 1000 ? error : error[..1000];
        s.ConsecutiveFailures++;
        var minutes = Math.Min(options.Value.MaxBackoffMinutes, s.IntervalMinutes * Math.Pow(2, Math.Min(s.ConsecutiveFailures - 1, 16)));
        s.BackoffUntil = now + TimeSpan.FromMinutes(minutes);
        s.NextPollAt = s.BackoffUntil;
        return "gagal: " + s.LastError;
    }

    private sealed class PollFailure(string message) : Exception(message);
}

/// <summary>The background poller: a round every <see cref="SyndicationOptions.TickSeconds"/>, on the app's clock.</summary>
public sealed class SyndicationPoller(SourcePolling polling, TimeProvider time, IOptions<SyndicationOptions> options, ILogger<SyndicationPoller> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.PollerEnabled)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await polling.RunAsync(null, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Syndication round failed");
            }
            await Task.Delay(TimeSpan.FromSeconds(options.Value.TickSeconds), time, stoppingToken);
        }
    }
}
