using Microsoft.AspNetCore.Mvc.RazorPages;
using SatuPintu.Accounts;
using SatuPintu.Hosting;
using SatuPintu.Hosting.Cli;
using SatuPintu.Shared;
using SatuPintu.Syndication.Outbound;

namespace SatuPintu.Syndication;

/// <summary>
/// Syndication in: the OPDs' own sites (RSS, Atom, JSON Feed, WordPress REST) imported as articles of
/// their OPD, polled in the background, every request through the outbound checks of <see cref="SafeFetcher"/>.
/// </summary>
public static class SyndicationFeature
{
    public static void AddSyndication(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<SyndicationOptions, SyndicationOptionsValidator>(SyndicationOptions.Section);
        AddOutbound(builder.Services);
        var services = builder.Services;
        services.AddScoped<Discovery>();
        services.AddScoped<ImportImages>();
        services.AddScoped<Importer>();
        services.AddScoped<ImportGone>();
        services.AddScoped<SourceEditing>();
        services.AddSingleton<WriteTurn>();
        services.AddSingleton<SourcePolling>();
        services.AddHostedService<SyndicationPoller>();
        builder.AddCliVerb(SourcesVerb.Verb);
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Syndication/Admin", Access.StaffPolicy));
    }

    /// <summary>The outbound part alone (address policy, connector, client, fetcher); tests build it with their own settings.</summary>
    public static void AddOutbound(IServiceCollection services)
    {
        services.AddSingleton<AddressPolicy>();
        services.AddSingleton<SafeConnector>();
        services.AddSingleton<SafeFetcher>();
        services.AddHttpClient(SafeFetcher.Client).ConfigurePrimaryHttpMessageHandler(SafeConnector.Handler).SetHandlerLifetime(Timeout.InfiniteTimeSpan);
    }

    public static void MapSyndication(this WebApplication app) => SourcesApi.Map(app.MapApiV1());
}
