using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SatuPintu.Data;

namespace SatuPintu.Monitoring.Alerts;

/// <summary>
/// The <see cref="IAlertSink"/>: stores the alert and one delivery per subscribed, enabled channel in
/// one transaction, then wakes the dispatcher and returns. The engine never waits for a channel.
/// </summary>
public sealed class AlertOutbox(IServiceScopeFactory scopes, TimeProvider time, IOptions<AlertOptions> options, AlertWakeup wakeup) : IAlertSink
{
    public async Task PublishAsync(MonitorAlert alert, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SatuPintuDb>();
        var slugs = alert.OpdSlugs.Select(s => s.Trim().ToLowerInvariant()).Where(s => s.Length > 0).Distinct().ToList();
        var channels = await db.AlertChannels.AsNoTracking()
            .Where(c => c.Enabled && c.Subscriptions.Any(s => s.OpdId == null || slugs.Contains(s.Opd!.Slug)))
            .Select(c => c.Id).ToListAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var record = ToRecord(alert, slugs, now);
        db.Alerts.Add(record);
        foreach (var id in channels)
        {
            db.AlertDeliveries.Add(new AlertDelivery { Alert = record, ChannelId = id, DueAt = now.AddSeconds(options.Value.GroupSeconds) });
        }
        await db.SaveChangesAsync(cancellationToken);
        wakeup.Wake();
    }

    /// <summary>A test message to one channel, sent at once (no grouping), logged like every other.</summary>
    public async Task<long> SendTestAsync(long channelId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SatuPintuDb>();
        var now = time.GetUtcNow().UtcDateTime;
        var record = ToRecord(new MonitorAlert("test", null, "Uji kanal", [], CheckState.Up, now, null,
            "Pesan uji dari Pemantauan SatuPintu: kanal ini menerima peringatan.", null), [], now);
        db.Alerts.Add(record);
        db.AlertDeliveries.Add(new AlertDelivery { Alert = record, ChannelId = channelId, DueAt = now });
        await db.SaveChangesAsync(ct);
        wakeup.Wake();
        return record.Id;
    }

    private static AlertRecord ToRecord(MonitorAlert a, List<string> slugs, DateTime now) => new()
    {
        Kind = Cut(a.Kind, 20), CheckId = a.CheckId, Name = Cut(a.Name, 300), OpdSlugs = Cut(string.Join(' ', slugs), 2000), State = a.State,
        At = a.At == default ? now : a.At.ToUniversalTime(), IncidentId = a.IncidentId, Summary = Cut(a.Summary, 500),
        Evidence = a.Evidence is null ? null : Cut(a.Evidence, 8000), AcceptedAt = now,
    };

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}

/// <summary>Wakes the dispatcher when an alert was accepted, so it need not wait for its next poll.</summary>
public sealed class AlertWakeup
{
    private readonly System.Threading.Channels.Channel<bool> _signal = System.Threading.Channels.Channel.CreateBounded<bool>(
        new System.Threading.Channels.BoundedChannelOptions(1) { FullMode = System.Threading.Channels.BoundedChannelFullMode.DropWrite });

    public void Wake() => _signal.Writer.TryWrite(true);

    /// <summary>Waits for a wake-up or for <paramref name="poll"/> to pass on <paramref name="time"/>.</summary>
    public async Task WaitAsync(TimeSpan poll, TimeProvider time, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var woke = _signal.Reader.WaitToReadAsync(cts.Token).AsTask();
        var delay = Task.Delay(poll, time, cts.Token);
        await Task.WhenAny(woke, delay);
        await cts.CancelAsync();
        _signal.Reader.TryRead(out _);
        ct.ThrowIfCancellationRequested();
    }
}
