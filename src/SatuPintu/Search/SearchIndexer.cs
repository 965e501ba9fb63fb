using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Changes;
using SatuPintu.Data;
using SatuPintu.Search.Acronyms;
using SatuPintu.Search.Analysis;

namespace SatuPintu.Search;

/// <summary>
/// Keeps the index in step with the change feed. At start it rebuilds a missing or unreadable index,
/// or catches up from the position stored with it; afterwards each feed batch is applied and the
/// batch's last id stored in the same commit. A batch that finds the stored position behind (the
/// reindex verb swapped in an index built earlier) first replays the feed rows in between.
/// </summary>
public sealed class SearchIndexer(IServiceScopeFactory scopes, ISearchBackend backend, TextAnalyzer analyzer, AcronymList acronyms, ILogger<SearchIndexer> log)
    : BackgroundService, IChangeConsumer
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The change-feed kind of the admins' acronym changes.</summary>
    public const string AcronymKind = "search-acronym";

    /// <summary>After the catalog (0), before the output cache drops the cached result pages (100).</summary>
    public int Order => 50;

    /// <summary>Completes once the index at start is usable.</summary>
    public Task Ready => _ready.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await acronyms.LoadAsync(stoppingToken);
                await ProtectDirectoryNamesAsync(stoppingToken);
                await CatchUpAsync(null, stoppingToken);
                _ready.TrySetResult();
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Preparing the search index failed; retrying");
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    public async Task ApplyAsync(IReadOnlyList<PublicChange> changes, CancellationToken ct)
    {
        await Ready.WaitAsync(ct);
        await _gate.WaitAsync(ct);
        try
        {
            var stored = await backend.PositionAsync(ct);
            if (stored is null || stored < changes[0].Id - 1)
            {
                await CatchUpLockedAsync(changes[^1].Id, ct);
                return;
            }
            await ApplyRowsAsync(changes, ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Builds the whole index aside and swaps it in (the reindex verb, and a missing index at start).</summary>
    public async Task RebuildAsync(Action<int>? progress, CancellationToken ct)
    {
        // The admins' acronym list as it is now, also for the reindex verb's own process.
        await acronyms.LoadAsync(ct);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SatuPintuDb>();
        // The position is read before the rows, so anything changed meanwhile is replayed afterwards.
        var position = await db.PublicChanges.MaxAsync(c => (long?)c.Id, ct) ?? 0;
        var sources = scope.ServiceProvider.GetRequiredService<SearchSources>();
        await backend.RebuildAsync(sources.AllAsync(ct), position, progress, ct);
    }

    private async Task CatchUpAsync(long? upTo, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await CatchUpLockedAsync(upTo, ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task CatchUpLockedAsync(long? upTo, CancellationToken ct)
    {
        var stored = await backend.PositionAsync(ct);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SatuPintuDb>();
        var oldest = await db.PublicChanges.MinAsync(c => (long?)c.Id, ct);
        if (stored is null || (oldest is not null && oldest > stored + 1))
        {
            if (stored is null)
            {
                log.LogWarning("Search index missing or unreadable: rebuilding it from the database");
            }
            else
            {
                log.LogWarning("Search index position {Position} is older than the change feed: rebuilding it from the database", stored);
            }
            await RebuildAsync(null, ct);
            stored = await backend.PositionAsync(ct) ?? 0;
            log.LogInformation("Search index rebuilt at change {Position}", stored);
        }
        while (true)
        {
            var from = stored.Value;
            var rows = await db.PublicChanges.AsNoTracking().Where(c => c.Id > from && (upTo == null || c.Id <= upTo))
                .OrderBy(c => c.Id).Take(1000).ToListAsync(ct);
            if (rows.Count == 0)
            {
                return;
            }
            await ApplyRowsAsync(rows, ct);
            stored = rows[^1].Id;
        }
    }

    private async Task ApplyRowsAsync(IReadOnlyList<PublicChange> changes, CancellationToken ct)
    {
        if (changes.Any(c => c.Kind == AcronymKind))
        {
            // An admin changed the acronym list (perhaps on another node): queries and newly indexed text use it from now on.
            await acronyms.LoadAsync(ct);
        }
        await using var scope = scopes.CreateAsyncScope();
        var sources = scope.ServiceProvider.GetRequiredService<SearchSources>();
        var upserts = new List<SearchEntry>();
        var deletes = new List<string>();
        var keys = changes.Where(c => SearchSources.FeedKinds.Contains(c.Kind))
            .Select(c => (c.Kind, Id: int.TryParse(c.Key.Split(',')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0))
            // An OPD's entry names its units, so a unit added, renamed, archived or restored changes its OPD's entry too.
            .Concat(changes.Where(c => c.Kind == "opd-unit" && c.OpdId != null).Select(c => (Kind: "opd", Id: c.OpdId!.Value)));
        foreach (var group in keys.Where(k => k.Id > 0).GroupBy(k => k.Kind))
        {
            var ids = group.Select(k => k.Id).Distinct().ToList();
            var (u, d) = await sources.ForAsync(group.Key, ids, ct);
            upserts.AddRange(u);
            deletes.AddRange(d);
        }
        if (changes.Any(c => c.Kind == "opd"))
        {
            await ProtectDirectoryNamesAsync(ct);
        }
        await backend.ApplyAsync(upserts, deletes, changes[^1].Id, ct);
    }

    /// <summary>OPD short names and the heads' names are proper names: never stemmed.</summary>
    private async Task ProtectDirectoryNamesAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SatuPintuDb>();
        var names = await db.Opds.AsNoTracking().Select(o => new { o.ShortName, o.HeadName }).ToListAsync(ct);
        analyzer.Protect(names.SelectMany(n => new[] { n.ShortName, n.HeadName }).OfType<string>());
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }
}
