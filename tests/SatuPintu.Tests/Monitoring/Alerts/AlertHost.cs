using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SatuPintu.Monitoring;
using SatuPintu.Monitoring.Alerts;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Monitoring.Alerts;

/// <summary>An app on a fake clock whose alert channels point at loopback sinks (HTTP for webhook and Telegram, SMTP for e-mail).</summary>
public sealed class AlertHost : IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero));
    public HttpSink Http { get; private set; } = null!;
    public SmtpSink Smtp { get; private set; } = null!;
    public Node App { get; private set; } = null!;
    public Personas People { get; private set; } = null!;

    public static Dictionary<string, string?> Settings(HttpSink http, SmtpSink smtp) => new()
    {
        ["SatuPintu:Monitoring:Alerts:GroupSeconds"] = "30",
        ["SatuPintu:Monitoring:Alerts:RetryBaseSeconds"] = "10",
        ["SatuPintu:Monitoring:Alerts:MaxAttempts"] = "4",
        ["SatuPintu:Monitoring:Alerts:TelegramBaseUrl"] = http.Url("/telegram").ToString(),
        ["SatuPintu:Monitoring:Alerts:Smtp:Host"] = "127.0.0.1",
        ["SatuPintu:Monitoring:Alerts:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["SatuPintu:Monitoring:Alerts:Smtp:Security"] = "none",
    };

    public async Task InitializeAsync()
    {
        Http = await HttpSink.StartAsync();
        Smtp = SmtpSink.Start();
        App = Node.Fresh(postgres: false, Settings(Http, Smtp), Clock);
        People = await Personas.CreateAsync(App);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Http.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    public static async Task<long> AddChannelAsync(SatuPintuApp app, Personas people, object body)
    {
        var response = await Personas.Api(app, people.Admin).PostAsJsonAsync("/api/v1/monitoring/channels", body);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    public static Task PublishAsync(SatuPintuApp app, string name, CheckState state, params string[] opds) =>
        app.Services.GetRequiredService<IAlertSink>().PublishAsync(
            new MonitorAlert("state", 1, name, opds, state, default, null, $"{name}: {state}", "uji"), CancellationToken.None);

    /// <summary>Time passes on the fake clock, then one dispatcher pass (the background loop may run it first; passes are serialised).</summary>
    public static async Task PassAsync(SatuPintuApp app, FakeTimeProvider clock, TimeSpan by)
    {
        clock.Advance(by);
        await app.Services.GetRequiredService<AlertDispatcher>().RunDueAsync(CancellationToken.None);
    }
}
