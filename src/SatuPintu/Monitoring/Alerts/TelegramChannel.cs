using System.Net.Http.Json;
using Microsoft.Extensions.Options;

namespace SatuPintu.Monitoring.Alerts;

/// <summary>The Telegram bot API's <c>sendMessage</c> to one chat; the bot token is the channel's secret.</summary>
public sealed class TelegramChannel(IHttpClientFactory http, IOptions<AlertOptions> options) : IAlertChannel
{
    public const string Client = "alerts-telegram";
    public string Kind => AlertChannelKinds.Telegram;

    public async Task SendAsync(ChannelAddress address, IReadOnlyList<AlertRecord> alerts, CancellationToken ct)
    {
        var url = $"{options.Value.TelegramBaseUrl.TrimEnd('/')}/bot{address.Secret}/sendMessage";
        var text = AlertText.Subject(alerts) + "\n\n" + AlertText.Body(alerts);
        // Telegram refuses messages over 4096 characters.
        var payload = new { chat_id = address.Target, text = text.Length > 4000 ? text[..4000] + "…" : text, disable_web_page_preview = true };
        using var response = await http.CreateClient(Client).PostAsJsonAsync(url, payload, ct);
        if (!response.IsSuccessStatusCode)
        {
            // The URL holds the token: never put it in the error.
            throw new HttpRequestException($"HTTP {(int)response.StatusCode} dari Telegram", null, response.StatusCode);
        }
    }
}
