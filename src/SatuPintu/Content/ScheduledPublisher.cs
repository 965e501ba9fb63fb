using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SatuPintu.Audit;
using SatuPintu.Data;

namespace SatuPintu.Content;

/// <summary>
/// Publishes scheduled articles when their time comes. The schedule lives in the database
/// (status Scheduled + PublishAt), so it survives restarts: the first pass after a start
/// publishes whatever fell due while the app was down. With several nodes on one database only the
/// holder of the <see cref="Job"/> lease publishes; another takes over when the holder stops renewing.
/// </summary>
public sealed class ScheduledPublisher(IServiceScopeFactory scopes, TimeProvider time, IOptions<ContentOptions> options, JobLeases leases, ILogger<ScheduledPublisher> log) : BackgroundService
{
    public const string Job = "scheduled-publisher";

    private readonly TaskCompletionSource _firstPass = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the pass at start has run (what fell due while the app was down is published by then).</summary>
    public Task FirstPass => _firstPass.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SchedulerSeconds), time);
        do
        {
            try
            {
                await PublishDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database hiccup must not end the job; the next tick tries again.
                log.LogError(e, "Scheduled publishing failed; retrying on the next tick");
            }
            finally
            {
                _firstPass.TrySetResult();
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await leases.ReleaseAsync(Job, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Also when the host is already tearing down its services: the lease then simply expires.
            log.LogDebug(e, "Could not release the {Job} lease; it expires by itself", Job);
        }
    }

    /// <summary>Publishes what is due when this instance holds the lease; the number published.</summary>
    public async Task<int> PublishDueAsync(CancellationToken ct)
    {
        // Three ticks long: a holder that misses two ticks in a row (stopped, stuck) hands over.
        if (!await leases.TryAcquireAsync(Job, TimeSpan.FromSeconds(options.Value.SchedulerSeconds * 3), ct))
        {
            return 0;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SatuPintuDb>();
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.Articles.Where(a => a.Status == PublicationStatus.Scheduled && a.PublishAt <= now)
            .OrderBy(a => a.PublishAt).ThenBy(a => a.Id).Take(500).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }
        using (AuditActor.Use("sistem:penjadwal"))
        {
            foreach (var a in due)
            {
                a.Status = PublicationStatus.Published;
                a.FirstPublishedAt ??= a.PublishAt;
                a.UpdatedAt = now;
            }
            await db.SaveChangesAsync(ct);
        }
        log.LogInformation("Published {Count} scheduled article(s)", due.Count);
        return due.Count;
    }
}
