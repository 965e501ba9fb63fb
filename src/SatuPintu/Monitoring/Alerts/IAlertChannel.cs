namespace SatuPintu.Monitoring.Alerts;

/// <summary>One way of sending alerts (one file per kind). Throws when the other side did not take the message.</summary>
public interface IAlertChannel
{
    string Kind { get; }

    /// <summary>Sends <paramref name="alerts"/> (one group: same channel, same state) as one message.</summary>
    Task SendAsync(ChannelAddress address, IReadOnlyList<AlertRecord> alerts, CancellationToken ct);
}

/// <summary>A channel's target and its secret, decrypted for this one send.</summary>
public sealed record ChannelAddress(long ChannelId, string Target, string? Secret);

/// <summary>The words of an alert message, alike for every channel.</summary>
internal static class AlertText
{
    public static string StateWord(CheckState s) => s switch
    {
        CheckState.Up => "NORMAL",
        CheckState.Down => "GANGGUAN",
        CheckState.Unreachable => "TIDAK TERJANGKAU",
        CheckState.Maintenance => "PEMELIHARAAN",
        CheckState.Paused => "DIJEDA",
        _ => "TIDAK DIKETAHUI",
    };

    public static string ApiName(CheckState s) => s.ToString().ToLowerInvariant();

    public static string Subject(IReadOnlyList<AlertRecord> alerts) => alerts.Count == 1
        ? $"[{StateWord(alerts[0].State)}] {alerts[0].Summary}"
        : $"[{StateWord(alerts[0].State)}] {alerts.Count} pemantauan: {string.Join(", ", alerts.Select(a => a.Name).Distinct().Take(5))}{(alerts.Count > 5 ? ", …" : "")}";

    public static string Body(IReadOnlyList<AlertRecord> alerts)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var a in alerts)
        {
            sb.Append("• ").Append(a.Name).Append(" — ").Append(StateWord(a.State)).Append(" (")
              .Append(a.At.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)).Append(" UTC)\n  ")
              .Append(a.Summary).Append('\n');
            if (!string.IsNullOrWhiteSpace(a.Evidence))
            {
                sb.Append("  Bukti: ").Append(a.Evidence.Length > 1500 ? a.Evidence[..1500] + "…" : a.Evidence).Append('\n');
            }
        }
        return sb.ToString();
    }
}
