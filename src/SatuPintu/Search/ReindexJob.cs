namespace SatuPintu.Search;

/// <summary>What a rebuild started from the admin page has done so far, on this node.</summary>
public sealed record ReindexState(bool Running, int Written, int Total, DateTime? StartedAt, DateTime? FinishedAt, string? Error)
{
    /// <summary>The total counts every row read, public or not, so a finished rebuild is 100 % whatever it wrote.</summary>
    public int Percent => !Running && FinishedAt is not null && Error is null ? 100 : Total == 0 ? 0 : Math.Min(99, Written * 100 / Total);
}

/// <summary>
/// A rebuild of the whole index while the site serves (built aside and swapped in, as the reindex
/// verb does), started from the admin area; one at a time per node, its progress readable meanwhile.
/// </summary>
public sealed class ReindexJob(SearchIndexer indexer, IServiceScopeFactory scopes, TimeProvider time, IHostApplicationLifetime lifetime, ILogger<ReindexJob> log)
{
    private readonly Lock _lock = new();
    private ReindexState _state = new(false, 0, 0, null, null, null);
    private volatile int _written;

    public ReindexState State
    {
        get
        {
            lock (_lock)
            {
                return _state with { Written = _state.Running ? _written : _state.Written };
            }
        }
    }

    /// <summary>Starts a rebuild; false when one is already running.</summary>
    public bool Start()
    {
        lock (_lock)
        {
            if (_state.Running)
            {
                return false;
            }
            _written = 0;
            _state = new ReindexState(true, 0, 0, time.GetUtcNow().UtcDateTime, null, null);
        }
        Completion = Task.Run(RunAsync);
        return true;
    }

    /// <summary>The running rebuild, for tests and for a clean stop.</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    private async Task RunAsync()
    {
        string? error = null;
        try
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                var total = await scope.ServiceProvider.GetRequiredService<SearchSources>().CountAsync(lifetime.ApplicationStopping);
                lock (_lock)
                {
                    _state = _state with { Total = Math.Max(1, total) };
                }
            }
            await indexer.RebuildAsync(n => _written = n, lifetime.ApplicationStopping);
            log.LogInformation("Search index rebuilt from the admin area: {Entries} entries", _written);
        }
        catch (Exception e)
        {
            log.LogError(e, "Rebuilding the search index from the admin area failed");
            error = "Pembangunan ulang indeks gagal; indeks lama tetap dipakai. Rinciannya ada di log server.";
        }
        lock (_lock)
        {
            _state = _state with { Running = false, Written = _written, FinishedAt = time.GetUtcNow().UtcDateTime, Error = error };
        }
    }
}
