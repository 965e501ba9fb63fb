using Microsoft.AspNetCore.Mvc.RazorPages;
using SatuPintu.Changes;
using SatuPintu.Hosting;
using SatuPintu.Shared;

namespace SatuPintu.Network;

/// <summary>
/// Program Internet Satu Pintu: the registry of sites, links, uplinks and subnets, the rollout
/// lifecycle, phases and budget; the public /jaringan page and /api/v1/network.
/// </summary>
public static class NetworkFeature
{
    /// <summary>The change-feed kind of every public network row, and the cache tag of /jaringan.</summary>
    public const string Kind = "network";

    public static void AddNetwork(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<NetworkOptions, NetworkOptionsValidator>(NetworkOptions.Section);
        builder.Services.AddSingleton<SubnetGate>();
        builder.Services.AddScoped<NetworkEditing>();
        builder.Services.AddScoped<SiteEditing>();
        builder.Services.AddScoped<PlanEditing>();
        builder.Services.AddScoped<NetworkProgress>();
        // What /jaringan and the OPD pages show; subnets and the history are admin-only and no public change.
        builder.Services.AddPublicEntity<Site>(Kind, _ => null);
        builder.Services.AddPublicEntity<SiteOpd>(Kind, o => o.OpdId);
        builder.Services.AddPublicEntity<Link>(Kind, _ => null);
        builder.Services.AddPublicEntity<Uplink>(Kind, _ => null);
        builder.Services.AddPublicEntity<Phase>(Kind, _ => null);
        builder.Services.AddPublicEntity<BudgetLine>(Kind, _ => null);
        builder.Services.AddSingleton<Data.ISaveCompanion, SiteOpdChanges>();
        builder.Services.AddSingleton<NetworkSnapshotCache>();
        builder.Services.AddSingleton<IChangeConsumer>(sp => sp.GetRequiredService<NetworkSnapshotCache>());
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(NetworkAccess.ReadPolicy, p => p.RequireAuthenticatedUser().RequireAssertion(c => c.User.MaySeeNetworkAdmin()));
        builder.Services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Network/Admin", NetworkAccess.ReadPolicy));
        builder.AddNetworkIo();
    }

    public static void MapNetwork(this WebApplication app) => NetworkApi.Map(app.MapApiV1());
}
