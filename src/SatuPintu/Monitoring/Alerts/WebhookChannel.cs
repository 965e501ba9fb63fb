using System.Globalization;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SatuPintu.Monitoring.Alerts;

/// <summary>
/// A JSON POST per group: <c>name</c> (the check, or the checks joined by ", "), <c>state</c> (the new
/// state, shared by the group), <c>names</c> and every alert. With a secret, the body is signed:
/// <c>X-SatuPintu-Signature: sha256=&lt;hex HMAC of the body&gt;</c>.
/// </summary>
public sealed class WebhookChannel(IHttpClientFactory http) : IAlertChannel
{
    public const string Client = "alerts-webhook";
    public string Kind => AlertChannelKinds.Webhook;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task SendAsync(ChannelAddress address, IReadOnlyList<AlertRecord> alerts, CancellationToken ct)
    {
        var names = alerts.Select(a => a.Name).Distinct().ToList();
        var payload = new
        {
            name = string.Join(", ", names),
            state = AlertText.ApiName(alerts[0].State),
            names,
            summary = AlertText.Subject(alerts),
            alerts = alerts.Select(a => new
            {
                id = a.Id, kind = a.Kind, checkId = a.CheckId, name = a.Name, state = AlertText.ApiName(a.State),
                opds = a.OpdSlugs.Split(' ', StringSplitOptions.RemoveEmptyEntries),
                at = a.At.ToString("O", CultureInfo.InvariantCulture), incidentId = a.IncidentId, summary = a.Summary, evidence = a.Evidence,
            }),
        };
        var body = JsonSerializer.SerializeToUtf8Bytes(payload, Json);
        using var request = new HttpRequestMessage(HttpMethod.Post, address.Target) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        if (!string.IsNullOrEmpty(address.Secret))
        {
            var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(address.Secret), body);
            request.Headers.Add("X-SatuPintu-Signature", "sha256=" + Convert.ToHexStringLower(mac));
        }
        using var response = await http.CreateClient(Client).SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"HTTP {(int)response.StatusCode} dari webhook", null, response.StatusCode);
        }
    }
}
