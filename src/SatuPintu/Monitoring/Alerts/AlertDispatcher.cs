using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SatuPintu.Data;

namespace SatuPintu.Monitoring.Alerts;

/// <summary>
/// Delivers the outbox. When a channel's oldest waiting alert is due (its grouping window has passed),
/// every waiting alert of that channel goes with it, one message per state; a failure retries with
/// exponential backoff up to <see cref="AlertOptions.MaxAttempts"/>; every attempt is logged. The outbox
/// lives in the database, so a restart loses nothing and resends nothing already sent. With several
/// nodes only the holder of the <see cref="Job"/> lease sends;
/// a node takes or renews that lease only when something is due, so an idle poll writes nothing.
/// </summary>
public sealed class AlertDispatcher(
    IServiceScopeFactory scopes, TimeProvider time, IOptions<AlertOptions> options, JobLeases leases, AlertWakeup wakeup,
    IEnumerable<IAlertChannel> channels, IDataProtectionProvider protection, ILogger<AlertDispatcher> log) : BackgroundService
{
    public const string Job = "alert-dispatcher";
    public const string SecretPurpose = "SatuPintu.Monitoring.Alerts.ChannelSecret";
    private const int MaxPerMessage = 50;

    private readonly SemaphoreSlim _pass = new(1, 1);
    private readonly Dictionary<string, IAlertChannel> _byKind = channels.ToDictionary(c => c.Kind);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunDueAsync(stoppingToken);
                await wakeup.WaitAsync(TimeSpan.FromSeconds(options.Value.PollSeconds), time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A database hiccup must not end delivery; the next poll tries again.
                log.LogError(e, "Alert dispatch failed; retrying on the next poll");
                await Task.Delay(TimeSpan.FromSeconds(options.Value.PollSeconds), time, stoppingToken);
            }
        }
    }

    /// <summary>One pass over what is due; the number of messages attempted.</summary>
    public async Task<int> RunDueAsync(CancellationToken ct)
    {
        await _pass.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<SatuPintuDb>();
            var now = time.GetUtcNow().UtcDateTime;
            // Idle polls only read: the lease (a write) is taken or renewed only when something is due.
            if (!await db.AlertDeliveries.AnyAsync(d => d.Status == DeliveryStatus.Pending && d.DueAt <= now, ct)
                || !await leases.TryAcquireAsync(Job, TimeSpan.FromSeconds(Math.Max(30, options.Value.PollSeconds * 3)), ct))
            {
                return 0;
            }
            var dueChannels = await db.AlertDeliveries.Where(d => d.Status == DeliveryStatus.Pending && d.DueAt <= now)
                .Select(d => d.ChannelId).Distinct().OrderBy(id => id).Take(100).ToListAsync(ct);
            if (dueChannels.Count == 0)
            {
                return 0;
            }
            // A fresh alert joins the group; one waiting for its retry keeps its backoff.
            var waiting = await db.AlertDeliveries.Include(d => d.Alert).Include(d => d.Channel)
                .Where(d => d.Status == DeliveryStatus.Pending && dueChannels.Contains(d.ChannelId) && (d.DueAt <= now || d.Attempts == 0))
                .OrderBy(d => d.Id).ToListAsync(ct);
            var groups = waiting.GroupBy(d => (d.ChannelId, d.Alert!.State))
                .SelectMany(g => g.Chunk(MaxPerMessage)).ToList();
            var results = new Exception?[groups.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, groups.Count), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct },
                async (i, token) => results[i] = await SendAsync(groups[i], token));
            for (var i = 0; i < groups.Count; i++)
            {
                foreach (var d in groups[i])
                {
                    Record(db, d, results[i], now);
                }
            }
            await db.SaveChangesAsync(ct);
            return groups.Count;
        }
        finally
        {
            _pass.Release();
        }
    }

    private async Task<Exception?> SendAsync(AlertDelivery[] group, CancellationToken ct)
    {
        var channel = group[0].Channel!;
        try
        {
            if (!channel.Enabled)
            {
                return new InvalidOperationException("Kanal dinonaktifkan");
            }
            if (!_byKind.TryGetValue(channel.Kind, out var sender))
            {
                return new InvalidOperationException($"Jenis kanal tidak dikenal: {channel.Kind}");
            }
            var secret = channel.ProtectedSecret is null ? null : protection.CreateProtector(SecretPurpose).Unprotect(channel.ProtectedSecret);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds * 2));
            await sender.SendAsync(new ChannelAddress(channel.Id, channel.Target, secret), [.. group.Select(d => d.Alert!)], timeout.Token);
            return null;
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogWarning("Alert channel {Channel} ({Kind}) failed: {Error}", channel.Id, channel.Kind, e.Message);
            return e;
        }
    }

    private void Record(SatuPintuDb db, AlertDelivery d, Exception? error, DateTime now)
    {
        d.Attempts++;
        string status;
        if (error is null)
        {
            d.Status = DeliveryStatus.Sent;
            d.SentAt = now;
            status = "sent";
        }
        else if (d.Attempts >= options.Value.MaxAttempts || !d.Channel!.Enabled)
        {
            d.Status = DeliveryStatus.Failed;
            status = "gave-up";
        }
        else
        {
            d.DueAt = now + Backoff(d.Attempts);
            status = "failed";
        }
        db.NotificationLog.Add(new NotificationLogEntry
        {
            ChannelId = d.ChannelId, AlertId = d.AlertId, Status = status, Attempt = d.Attempts, At = now,
            Error = error is null ? null : Describe(error),
        });
    }

    /// <summary>base · 2^(attempt−1), capped: 10 s, 20 s, 40 s … 15 min by default.</summary>
    public TimeSpan Backoff(int attempt)
    {
        var o = options.Value;
        var seconds = Math.Min(o.RetryMaxSeconds, o.RetryBaseSeconds * Math.Pow(2, Math.Min(30, attempt - 1)));
        return TimeSpan.FromSeconds(seconds);
    }

    private static string Describe(Exception e)
    {
        var text = e is OperationCanceledException ? "Waktu habis" : e.Message;
        return text.Length > 1000 ? text[..999] + "…" : text;
    }
}
