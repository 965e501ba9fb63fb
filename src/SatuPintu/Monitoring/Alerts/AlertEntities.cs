namespace SatuPintu.Monitoring.Alerts;

/// <summary>Where alerts go: a webhook URL, an e-mail address or a Telegram chat.</summary>
public sealed class AlertChannel
{
    public long Id { get; set; }
    /// <summary><c>webhook</c>, <c>email</c> or <c>telegram</c> (see <see cref="AlertChannelKinds"/>).</summary>
    public required string Kind { get; set; }
    public required string Name { get; set; }
    /// <summary>The webhook URL, the e-mail address, or the Telegram chat id.</summary>
    public required string Target { get; set; }
    /// <summary>The webhook signing secret or the Telegram bot token, encrypted with data protection; never shown back.</summary>
    public string? ProtectedSecret { get; set; }
    public bool Enabled { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public List<AlertSubscription> Subscriptions { get; set; } = [];
}

/// <summary>Which alerts a channel gets: those of one OPD, or (OpdId null) every alert, as Diskominfo does.</summary>
public sealed class AlertSubscription
{
    public long Id { get; set; }
    public long ChannelId { get; set; }
    public AlertChannel? Channel { get; set; }
    public int? OpdId { get; set; }
    public Directory.Opd? Opd { get; set; }
}

/// <summary>An accepted alert, stored before <see cref="IAlertSink.PublishAsync"/> returns.</summary>
public sealed class AlertRecord
{
    public long Id { get; set; }
    public required string Kind { get; set; }
    public long? CheckId { get; set; }
    public required string Name { get; set; }
    /// <summary>The OPD slugs, space-separated.</summary>
    public string OpdSlugs { get; set; } = "";
    public CheckState State { get; set; }
    public DateTime At { get; set; }
    public long? IncidentId { get; set; }
    public required string Summary { get; set; }
    public string? Evidence { get; set; }
    public DateTime AcceptedAt { get; set; }
}

public enum DeliveryStatus
{
    Pending,
    Sent,
    Failed,
}

/// <summary>The outbox: one alert for one channel, until it is sent or given up.</summary>
public sealed class AlertDelivery
{
    public long Id { get; set; }
    public long AlertId { get; set; }
    public AlertRecord? Alert { get; set; }
    public long ChannelId { get; set; }
    public AlertChannel? Channel { get; set; }
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    /// <summary>When the dispatcher next looks at it: the end of the grouping window, then the next retry.</summary>
    public DateTime DueAt { get; set; }
    public DateTime? SentAt { get; set; }
}

/// <summary>Every attempt to notify: which channel, which alert, what happened.</summary>
public sealed class NotificationLogEntry
{
    public long Id { get; set; }
    public long ChannelId { get; set; }
    public long AlertId { get; set; }
    /// <summary><c>sent</c>, <c>failed</c> (will retry) or <c>gave-up</c>.</summary>
    public required string Status { get; set; }
    public int Attempt { get; set; }
    public string? Error { get; set; }
    public DateTime At { get; set; }
}

public static class AlertChannelKinds
{
    public const string Webhook = "webhook";
    public const string Email = "email";
    public const string Telegram = "telegram";
    public static readonly string[] All = [Webhook, Email, Telegram];
}
