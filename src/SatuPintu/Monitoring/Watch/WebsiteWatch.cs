using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SatuPintu.Data;

namespace SatuPintu.Monitoring.Watch;

/// <summary>
/// The watch's scheduler: every tick it adds a (paused) target for each OPD website not yet watched,
/// then inspects the resumed targets that are due, a few at a time. The schedule lives in the database
/// (<see cref="WatchTarget.NextDueAt"/>); with several nodes only the holder of the <see cref="Job"/> lease runs it.
/// </summary>
public sealed class WebsiteWatch(IServiceScopeFactory scopes, TimeProvider time, IOptions<WatchOptions> options, JobLeases leases, ILogger<WebsiteWatch> log) : BackgroundService
{
    public const string Job = "website-watch";
    private readonly SemaphoreSlim _pass = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunDueAsync(stoppingToken);
                await Task.Delay(TimeSpan.FromSeconds(options.Value.TickSeconds), time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogError(e, "Website watch pass failed; retrying on the next tick");
                await Task.Delay(TimeSpan.FromSeconds(options.Value.TickSeconds), time, stoppingToken);
            }
        }
    }

    /// <summary>One pass: targets for new OPD websites, then every due target inspected; the number inspected.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        await _pass.WaitAsync(ct);
        try
        {
            if (!await leases.TryAcquireAsync(Job, TimeSpan.FromSeconds(Math.Max(120, options.Value.TickSeconds * 3)), ct))
            {
                return 0;
            }
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SatuPintuDb>();
            await AddOpdWebsitesAsync(db, ct);
            var now = time.GetUtcNow().UtcDateTime;
            var due = await db.WatchTargets.Where(t => !t.Paused && t.NextDueAt != null && t.NextDueAt <= now)
                .OrderBy(t => t.NextDueAt).Select(t => t.Id).Take(500).ToListAsync(ct);
            await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency, CancellationToken = ct },
                async (id, token) => await InspectAsync(id, token));
            return due.Count;
        }
        finally
        {
            _pass.Release();
        }
    }

    /// <summary>Inspects one target now (also when paused: an admin asked for it).</summary>
    public async Task<int> InspectAsync(long targetId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var inspection = scope.ServiceProvider.GetRequiredService<TargetInspection>();
        try
        {
            return await inspection.RunAsync(targetId, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.LogWarning(e, "Inspecting watch target {Target} failed", targetId);
            return 0;
        }
    }

    /// <summary>Each OPD's website, when it has one, becomes a target: paused, so nothing is fetched until an admin resumes it.</summary>
    private static async Task AddOpdWebsitesAsync(SatuPintuDb db, CancellationToken ct)
    {
        // By address, not by OPD: an OPD with another page watched (or a new website) still gets its website watched.
        var missing = await db.Opds.Where(o => o.Website != null && o.Website != "").Select(o => new { o.Id, o.Website }).ToListAsync(ct);
        var known = (await db.WatchTargets.Select(t => t.Url).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var o in missing)
        {
            if (Uri.TryCreate(o.Website!.Trim(), UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && known.Add(url.AbsoluteUri))
            {
                db.WatchTargets.Add(new WatchTarget { OpdId = o.Id, Url = url.AbsoluteUri, Paused = true });
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
