using Microsoft.EntityFrameworkCore;
using SatuPintu.Audit;
using SatuPintu.Data;

namespace SatuPintu.Content;

/// <summary>
/// Empties the bin of what has been there longer than <see cref="ArticlePublishing.BinDays"/> days, once an
/// hour. With several nodes on one database only the holder of the <see cref="Job"/> lease purges.
/// </summary>
public sealed class BinPurger(IServiceScopeFactory scopes, TimeProvider time, JobLeases leases, ILogger<BinPurger> log) : BackgroundService
{
    public const string Job = "bin-purger";
    private static readonly TimeSpan Every = TimeSpan.FromHours(1);
    // The timer's pass and a pass asked for directly never purge the same row twice at once.
    private readonly SemaphoreSlim _gate = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, time);
        do
        {
            try
            {
                await PurgeDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database hiccup must not end the job; the next tick tries again.
                log.LogError(e, "Emptying the bin failed; retrying on the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override void Dispose()
    {
        _gate.Dispose();
        base.Dispose();
    }

    /// <summary>Purges what is due when this instance holds the lease; the number purged.</summary>
    public async Task<int> PurgeDueAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            return await PurgeLockedAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<int> PurgeLockedAsync(CancellationToken ct)
    {
        if (!await leases.TryAcquireAsync(Job, Every * 3, ct))
        {
            return 0;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SatuPintuDb>();
        var publishing = scope.ServiceProvider.GetRequiredService<ArticlePublishing>();
        var due = time.GetUtcNow().UtcDateTime.AddDays(-ArticlePublishing.BinDays);
        var articles = await db.Articles.IgnoreQueryFilters().Where(a => a.DeletedAt != null && a.DeletedAt <= due)
            .OrderBy(a => a.DeletedAt).Take(200).ToListAsync(ct);
        using (AuditActor.Use("sistem:tempat-sampah"))
        {
            foreach (var article in articles)
            {
                await publishing.PurgeAsync(article, ct);
            }
        }
        if (articles.Count > 0)
        {
            log.LogInformation("Purged {Count} article(s) from the bin", articles.Count);
        }
        return articles.Count;
    }
}
