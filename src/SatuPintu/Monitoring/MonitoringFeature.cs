using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using SatuPintu.Data;
using SatuPintu.Hosting;
using SatuPintu.Monitoring.Engine;
using SatuPintu.Monitoring.Probes;
using SatuPintu.Monitoring.Samples;
using SatuPintu.Shared;

namespace SatuPintu.Monitoring;

/// <summary>
/// Monitoring: checks (ICMP, TCP, HTTP(S), DNS) scheduled from the database, judged into states and
/// incidents, raw samples per day plus hour and day rollups, the public /status page and /metrics.
/// </summary>
public static class MonitoringFeature
{
    public static void AddMonitoring(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<MonitoringOptions, MonitoringOptionsValidator>(MonitoringOptions.Section);
        var services = builder.Services;
        services.AddSingleton<TlsSeen>();
        services.AddHttpClient(HttpProbe.Client).ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30),
            SslOptions = { RemoteCertificateValidationCallback = sp.GetRequiredService<TlsSeen>().Validate },
        }).SetHandlerLifetime(Timeout.InfiniteTimeSpan)
            // Hundreds of probes a second: the factory's request logging (a scope and two checks per request) cost more than it told.
            .RemoveAllLoggers();
        services.AddSingleton<IProbe, TcpProbe>();
        services.AddSingleton<IProbe, HttpProbe>();
        services.AddSingleton<IProbe, DnsProbe>();
        services.AddSingleton<IProbe, IcmpProbe>();
        services.AddSingleton<MonitorMetrics>();
        if (builder.Configuration.UsesPostgres())
        {
            services.AddSingleton(_ => NpgsqlDataSource.Create(builder.Configuration.GetConnectionString("Postgres")!));
            services.AddSingleton<ISampleStore, PostgresSampleStore>();
        }
        else
        {
            services.AddSingleton<ISampleStore>(sp => new SqliteSampleStore(Path.Combine(sp.GetRequiredService<DataOptions>().DataDirFullPath, "samples")));
        }
        services.AddSingleton<ResultWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<ResultWriter>());
        services.AddSingleton<CheckRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<CheckRunner>());
        services.AddSingleton<Rollups>();
        services.AddHostedService(sp => sp.GetRequiredService<Rollups>());
        services.AddScoped<CheckEditing>();
        services.AddScoped<IncidentBook>();
        services.AddScoped<IIncidentBook>(sp => sp.GetRequiredService<IncidentBook>());
        services.AddScoped<StatusBoard>();
        services.AddSingleton<StatusCache>();
        builder.AddDefaultChecks();
        MonitoringApi.AddPolicy(services);
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Monitoring/Admin", MonitoringApi.AdminPolicy));
    }

    public static void MapMonitoring(this WebApplication app)
    {
        MonitoringApi.Map(app.MapApiV1());
        var options = app.Services.GetRequiredService<IOptions<MonitoringOptions>>().Value;
        if (options.MetricsEnabled)
        {
            var registry = app.Services.GetRequiredService<MonitorMetrics>().Registry;
            app.MapGet("/metrics", async (HttpContext http) =>
            {
                if (options.MetricsToken is { Length: > 0 } token && http.Request.Headers.Authorization != $"Bearer {token}")
                {
                    http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return;
                }
                http.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
                await registry.CollectAndExportAsTextAsync(http.Response.Body, http.RequestAborted);
            }).ExcludeFromDescription();
        }
    }
}
