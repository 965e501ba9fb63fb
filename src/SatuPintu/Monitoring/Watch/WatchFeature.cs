using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SatuPintu.Accounts;
using SatuPintu.Hosting;

namespace SatuPintu.Monitoring.Watch;

/// <summary>
/// The judol (online-gambling spam) and defacement watch of the OPD websites: targets, baselines and
/// findings in its own tables, the scheduler, and /admin/pemantauan/situs.
/// </summary>
public static class WatchFeature
{
    public static void AddWebsiteWatch(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<WatchOptions, WatchOptionsValidator>(WatchOptions.Section);
        builder.Services.AddHttpClient(PageFetcher.Client, (s, c) => c.Timeout = TimeSpan.FromSeconds(s.GetRequiredService<IOptions<WatchOptions>>().Value.TimeoutSeconds))
            .ConfigurePrimaryHttpMessageHandler(s =>
            {
                var o = s.GetRequiredService<IOptions<WatchOptions>>().Value;
                return new SocketsHttpHandler
                {
                    AllowAutoRedirect = o.MaxRedirects > 0, MaxAutomaticRedirections = Math.Max(1, o.MaxRedirects), UseCookies = false,
                    AutomaticDecompression = System.Net.DecompressionMethods.All, MaxResponseHeadersLength = 64,
                };
            });
        builder.Services.AddSingleton<PageFetcher>();
        builder.Services.AddScoped<TargetInspection>();
        builder.Services.AddScoped<WatchEditing>();
        builder.Services.AddSingleton<WebsiteWatch>();
        builder.Services.AddHostedService(s => s.GetRequiredService<WebsiteWatch>());
        builder.Services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Monitoring/Watch/Admin", Access.AdminPolicy));
    }
}
