using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SatuPintu.Data;
using SatuPintu.Syndication.Outbound;
using SatuPintu.Syndication.Parsing;

namespace SatuPintu.Syndication;

/// <summary>
/// One polling round: the due sources (or those asked for) are claimed one by one with a lease — a
/// conditional update, so with several nodes on one database each source is fetched by one of them —
/// and fetched on a bounded pool, each in its own scope and with its own timeout, so a slow or
/// hostile source holds one slot and delays nobody else.
/// </summary>
public sealed class SourcePolling(IServiceScopeFactory scopes, JobLeases leases, TimeProvider time, IOptions<SyndicationOptions> options, ILogger<SourcePolling> log) : IDisposable
{
    public sealed record Report(int SourceId, string Title, string Outcome, bool Ok);

    private readonly SemaphoreSlim _sqliteWrites = new(1, 1);

    public void Dispose() => _sqliteWrites.Dispose();

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
        var gate = new SemaphoreSlim(options.Value.MaxConcurrentFetches);
        var reports = await Task.WhenAll(due.Select(async id =>
        {
            await gate.WaitAsync(ct);
            try
            {
                return await PollOneAsync(id, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                // The database itself failed (busy, gone): this source's round is lost, not the others'.
                log.LogWarning(e, "Syndication source {Id} could not be polled", id);
                return new Report(id, "", "gagal: basis data tidak dapat ditulis; rinciannya ada di log server.", false);
            }
            finally
            {
                gate.Release();
            }
        }));
        return [.. reports.OfType<Report>()];
    }

    private async Task<Report?> PollOneAsync(int id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SatuPintuDb>();
        var nowMs = time.GetUtcNow().ToUnixTimeMilliseconds();
        var leaseMs = (long)TimeSpan.FromSeconds(options.Value.TimeoutSeconds * (options.Value.MaxWordPressPages + 2)).TotalMilliseconds;
        int claimed;
        using (await WriteTurnAsync(db, ct))
        {
            claimed = await db.SyndicationSources.Where(s => s.Id == id && s.LeaseUntilMs < nowMs).ExecuteUpdateAsync(u => u.SetProperty(s => s.LeaseHolder, leases.Holder).SetProperty(s => s.LeaseUntilMs, nowMs + leaseMs), ct);
        }
        if (claimed == 0)
        {
            return null;
        }
        var source = await db.SyndicationSources.AsNoTracking().FirstAsync(s => s.Id == id, ct);
        using var actor = Audit.AuditActor.Use("sistem:sindikasi");
        string outcome;
        var ok = false;
        try
        {
            var counts = await FetchAndImportAsync(scope.ServiceProvider, source, ct);
            ok = true;
            outcome = counts is null ? "tidak berubah (304)" : $"{counts.Created} baru, {counts.Updated} diubah, {counts.Unchanged} tetap";
            Succeeded(source);
        }
        catch (FeedFormatException e)
        {
            outcome = Failed(source, e.Message);
        }
        catch (PollFailure e)
        {
            outcome = Failed(source, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogWarning(e, "Syndication source {Id} failed", id);
            outcome = Failed(source, "Galat saat mengimpor; rinciannya ada di log server.");
        }
        db.ChangeTracker.Clear();
        // Poll state is bookkeeping: written straight, like the lease, so it enters neither the change feed nor the audit trail.
        using var turn = await WriteTurnAsync(db, CancellationToken.None);
        await db.SyndicationSources.Where(s => s.Id == id).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.LastFetchAt, source.LastFetchAt).SetProperty(s => s.LastSuccessAt, source.LastSuccessAt)
            .SetProperty(s => s.LastError, source.LastError).SetProperty(s => s.ConsecutiveFailures, source.ConsecutiveFailures)
            .SetProperty(s => s.BackoffUntil, source.BackoffUntil).SetProperty(s => s.NextPollAt, source.NextPollAt)
            .SetProperty(s => s.ItemsImported, source.ItemsImported).SetProperty(s => s.ETag, source.ETag)
            .SetProperty(s => s.LastModified, source.LastModified).SetProperty(s => s.ArchiveComplete, source.ArchiveComplete)
            .SetProperty(s => s.ArchiveReadAt, source.ArchiveReadAt)
            .SetProperty(s => s.LeaseHolder, (string?)null).SetProperty(s => s.LeaseUntilMs, 0L), CancellationToken.None);
        return new Report(source.Id, source.Title, outcome, ok);
    }

    /// <summary>Null when the source answered 304 Not Modified.</summary>
    private async Task<Importer.Counts?> FetchAndImportAsync(IServiceProvider sp, Source source, CancellationToken ct)
    {
        var fetcher = sp.GetRequiredService<SafeFetcher>();
        var importer = sp.GetRequiredService<Importer>();
        var gone = sp.GetRequiredService<ImportGone>();
        source.LastFetchAt = time.GetUtcNow().UtcDateTime;
        // The rule for gone items follows what the admin chose last, on items marked earlier too.
        using (await WriteTurnAsync(sp, ct))
        {
            await gone.ApplyRuleAsync(source, ct);
        }
        if (source.Kind == SourceKind.WordPress)
        {
            var read = await WordPressAsync(sp, fetcher, importer, gone, source, ct);
            using (await WriteTurnAsync(sp, ct))
            {
                await gone.ApplyRuleAsync(source, ct);
            }
            return read;
        }
        var fetched = await fetcher.GetAsync(new Uri(source.FeedUrl), ct, source.ETag, source.LastModified,
            "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, */*;q=0.5");
        if (fetched.NotModified)
        {
            return null;
        }
        if (!fetched.Ok)
        {
            throw new PollFailure(fetched.Error!);
        }
        var feed = FeedParser.Parse(fetched.Body!, fetched.ContentType, fetched.FinalUri);
        Importer.Counts counts;
        using (await WriteTurnAsync(sp, ct))
        {
            counts = await importer.ImportAsync(source, feed.Entries, ct);
        }
        source.ETag = fetched.ETag;
        source.LastModified = fetched.LastModified;
        source.ItemsImported += counts.Created;
        return counts;
    }

    /// <summary>
    /// The first time every page of the archive (newest first); afterwards the page of the most recently
    /// modified posts, which carries both new posts and edits; the whole archive again every
    /// <see cref="SyndicationOptions.ArchiveRecheckHours"/>, and items gone after a complete read are marked.
    /// </summary>
    private async Task<Importer.Counts> WordPressAsync(IServiceProvider sp, SafeFetcher fetcher, Importer importer, ImportGone gone, Source source, CancellationToken ct)
    {
        var total = new Importer.Counts(0, 0, 0);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var full = !source.ArchiveComplete || source.ArchiveReadAt is not { } readAt
            || readAt.AddHours(options.Value.ArchiveRecheckHours) <= time.GetUtcNow().UtcDateTime;
        var pages = full ? options.Value.MaxWordPressPages : 1;
        var read = 0;
        for (var page = 1; page <= pages; page++)
        {
            var url = $"{source.FeedUrl}&page={page}" + (full ? "" : "&orderby=modified&order=desc");
            var fetched = await fetcher.GetAsync(new Uri(url), ct, accept: "application/json");
            if (!fetched.Ok)
            {
                throw new PollFailure(fetched.Error!);
            }
            var feed = Discovery.TryParse(fetched) ?? throw new PollFailure("Jawaban API WordPress bukan daftar tulisan.");
            Importer.Counts counts;
            using (await WriteTurnAsync(sp, ct))
            {
                counts = await importer.ImportAsync(source, feed.Entries, ct);
            }
            source.ItemsImported += counts.Created;
            total += counts;
            keys.UnionWith(feed.Entries.Select(Importer.KeyOf));
            read = page;
            if (feed.TotalPages is { } n)
            {
                pages = Math.Min(pages, n);
            }
            if (feed.Entries.Count == 0)
            {
                break;
            }
        }
        if (full && read >= pages)
        {
            using (await WriteTurnAsync(sp, ct))
            {
                await gone.MarkAsync(source, keys, ct);
            }
            source.ArchiveComplete = true;
            source.ArchiveReadAt = time.GetUtcNow().UtcDateTime;
        }
        return total;
    }

    /// <summary>
    /// SQLite takes one writer at a time: imports of sources fetched in parallel would wait on its lock and
    /// fail after the busy timeout, so on SQLite they take turns here (fetching stays parallel). Null elsewhere.
    /// </summary>
    private async Task<IDisposable?> WriteTurnAsync(IServiceProvider sp, CancellationToken ct) => await WriteTurnAsync(sp.GetRequiredService<SatuPintuDb>(), ct);

    private async Task<IDisposable?> WriteTurnAsync(SatuPintuDb db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite())
        {
            return null;
        }
        await _sqliteWrites.WaitAsync(ct);
        return new Turn(_sqliteWrites);
    }

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }

    private void Succeeded(Source s)
    {
        var now = time.GetUtcNow().UtcDateTime;
        s.LastSuccessAt = now;
        s.LastError = null;
        s.ConsecutiveFailures = 0;
        s.BackoffUntil = null;
        // ±10 % jitter: sources added together drift apart instead of all polling on the same second.
        var jitter = 1 + (Random.Shared.NextDouble() - 0.5) / 5;
        s.NextPollAt = now + TimeSpan.FromMinutes(s.IntervalMinutes * jitter);
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
