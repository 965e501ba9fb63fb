using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SatuPintu.Accounts;
using SatuPintu.Hosting;
using SatuPintu.Shared;

namespace SatuPintu.Monitoring.Alerts;

/// <summary>
/// Alert delivery: channels (webhook, e-mail, Telegram) with per-OPD subscriptions, the durable outbox
/// behind <see cref="IAlertSink"/>, the dispatcher (grouping, retries, the notification log),
/// /api/v1/monitoring/channels and /admin/pemantauan/kanal.
/// </summary>
public static class AlertsFeature
{
    public static void AddMonitoringAlerts(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<AlertOptions, AlertOptionsValidator>(AlertOptions.Section);
        builder.Services.AddSingleton<AlertWakeup>();
        builder.Services.AddSingleton<AlertOutbox>();
        builder.Services.AddSingleton<IAlertSink>(s => s.GetRequiredService<AlertOutbox>());
        builder.Services.AddScoped<ChannelEditing>();
        builder.Services.AddSingleton<IAlertChannel, WebhookChannel>();
        builder.Services.AddSingleton<IAlertChannel, EmailChannel>();
        builder.Services.AddSingleton<IAlertChannel, TelegramChannel>();
        foreach (var client in new[] { WebhookChannel.Client, TelegramChannel.Client })
        {
            builder.Services.AddHttpClient(client, (s, c) => c.Timeout = TimeSpan.FromSeconds(s.GetRequiredService<IOptions<AlertOptions>>().Value.TimeoutSeconds))
                .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        }
        builder.Services.AddSingleton<AlertDispatcher>();
        builder.Services.AddHostedService(s => s.GetRequiredService<AlertDispatcher>());
        builder.Services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Monitoring/Alerts/Admin", Access.AdminPolicy));
    }

    public static void MapMonitoringAlerts(this WebApplication app) => ChannelsApi.Map(app.MapApiV1());
}
