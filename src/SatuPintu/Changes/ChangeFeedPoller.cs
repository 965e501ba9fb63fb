using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SatuPintu.Data;

namespace SatuPintu.Changes;

/// <summary>
/// Reads the change feed on every node and fans new rows out to the <see cref="IChangeConsumer"/>s.
/// Polled (every <see cref="ChangeFeedOptions.PollMilliseconds"/>), and woken at once after a local
/// commit. Ids are taken at insert but become visible at commit, so on PostgreSQL a lower id can
/// appear after a higher one: rows above a missing id are remembered as seen and the position only
/// moves past a gap once it is older than <see cref="ChangeFeedOptions.GapSeconds"/>.
/// </summary>
public sealed class ChangeFeedPoller(IServiceScopeFactory scopes, IEnumerable<IChangeConsumer> consumers, TimeProvider time,
    IOptions<ChangeFeedOptions> options, ILogger<ChangeFeedPoller> log) : BackgroundService
{
    private const int Batch = 1000;
    private readonly IChangeConsumer[] _consumers = consumers.OrderBy(c => c.Order).ToArray();
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly Lock _lock = new();
    private readonly SortedDictionary<long, DateTime> _seenAbove = [];
    private readonly List<(long Id, TaskCompletionSource Done)> _waiters = [];
    private long _position = -1;
    private DateTimeOffset _lastPrune;

    /// <summary>All ids up to here are applied on this node (-1 until the poller runs).</summary>
    public long Position => Interlocked.Read(ref _position);

    /// <summary>Read the feed now instead of at the next poll.</summary>
    public void Wake()
    {
        try
        {
            if (_wake.CurrentCount == 0)
            {
                _wake.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already woken.
        }
    }

    /// <summary>Until this node's consumers have applied feed row <paramref name="id"/>, at most <see cref="ChangeFeedOptions.ReadYourWriteMilliseconds"/>.</summary>
    public async Task WaitForAsync(long id, CancellationToken ct)
    {
        TaskCompletionSource done;
        lock (_lock)
        {
            // Not running (a CLI verb): nobody here to wait for.
            if (Position < 0 || Applied(id))
            {
                return;
            }
            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((id, done));
        }
        try
        {
            await done.Task.WaitAsync(TimeSpan.FromMilliseconds(options.Value.ReadYourWriteMilliseconds), time, ct);
        }
        catch (TimeoutException)
        {
            log.LogWarning("Change {Id} not applied on this node within {Milliseconds} ms", id, options.Value.ReadYourWriteMilliseconds);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await StartAsync();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await PollOnceAsync(stoppingToken) == Batch)
                {
                }
                await PruneAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database hiccup must not end the reader; the next poll tries again.
                log.LogError(e, "Reading the change feed failed; retrying");
            }
            await _wake.WaitAsync(TimeSpan.FromMilliseconds(options.Value.PollMilliseconds), stoppingToken);
        }
    }

    private async Task StartAsync()
    {
        // Node-local consumers start empty (the catalog builds from the tables, the cache is empty), so this node starts at the newest row.
        while (true)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<SatuPintuDb>();
                var newest = await db.PublicChanges.MaxAsync(c => (long?)c.Id) ?? 0;
                Interlocked.Exchange(ref _position, newest);
                _lastPrune = time.GetUtcNow();
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Change feed not readable yet; retrying");
                await Task.Delay(TimeSpan.FromSeconds(1), time);
            }
        }
    }

    /// <summary>Reads and applies one batch; the number of rows read.</summary>
    internal async Task<int> PollOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SatuPintuDb>();
        var from = Position;
        var rows = await db.PublicChanges.AsNoTracking().Where(c => c.Id > from).OrderBy(c => c.Id).Take(Batch).ToListAsync(ct);
        List<PublicChange> fresh;
        lock (_lock)
        {
            fresh = rows.Where(r => !_seenAbove.ContainsKey(r.Id)).ToList();
        }
        if (fresh.Count > 0)
        {
            foreach (var consumer in _consumers)
            {
                try
                {
                    await consumer.ApplyAsync(fresh, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogError(e, "{Consumer} failed to apply {Count} change(s)", consumer.GetType().Name, fresh.Count);
                }
            }
        }
        Advance(fresh);
        return rows.Count;
    }

    private void Advance(List<PublicChange> fresh)
    {
        var gapLimit = time.GetUtcNow().UtcDateTime.AddSeconds(-options.Value.GapSeconds);
        lock (_lock)
        {
            foreach (var r in fresh)
            {
                _seenAbove[r.Id] = r.At;
            }
            var position = Position;
            while (_seenAbove.Count > 0)
            {
                var (lowest, at) = _seenAbove.First();
                if (lowest != position + 1 && at > gapLimit)
                {
                    break;
                }
                position = lowest;
                _seenAbove.Remove(lowest);
            }
            Interlocked.Exchange(ref _position, position);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (Applied(_waiters[i].Id))
                {
                    _waiters[i].Done.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    private bool Applied(long id) => id <= Position || _seenAbove.ContainsKey(id);

    private async Task PruneAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (now - _lastPrune < TimeSpan.FromHours(1))
        {
            return;
        }
        _lastPrune = now;
        await PruneNowAsync(now.UtcDateTime.AddDays(-options.Value.KeepDays), ct);
    }

    /// <summary>Deletes feed rows older than <paramref name="before"/>; safe on every node at once.</summary>
    internal async Task<int> PruneNowAsync(DateTime before, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SatuPintuDb>();
        var deleted = await db.PublicChanges.Where(c => c.At < before).ExecuteDeleteAsync(ct);
        if (deleted > 0)
        {
            log.LogInformation("Pruned {Count} change feed row(s) older than {Before:u}", deleted, before);
        }
        return deleted;
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}
