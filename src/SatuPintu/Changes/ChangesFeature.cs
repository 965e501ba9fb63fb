using SatuPintu.Content;
using SatuPintu.Data;
using SatuPintu.Hosting;

namespace SatuPintu.Changes;

/// <summary>
/// The change feed: public entities declared by each capability (<see cref="PublicEntityRegistration.AddPublicEntity"/>),
/// a feed row for each of their changes in the same transaction, and on every node a reader that
/// hands new rows to the consumers (catalog, output cache; the search index later adds itself as one
/// more <see cref="IChangeConsumer"/>).
/// </summary>
public static class ChangesFeature
{
    public static void AddChanges(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ChangeFeedOptions>().Bind(builder.Configuration.GetSection(ChangeFeedOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<PublicEntities>();
        builder.Services.AddSingleton<ISaveCompanion, ChangeFeedWriter>();
        builder.Services.AddSingleton<ChangeFeedPoller>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ChangeFeedPoller>());
        builder.Services.AddSingleton<IChangeConsumer>(sp => sp.GetRequiredService<PublicCatalog>());
        builder.Services.AddSingleton<IChangeConsumer, OutputCacheEviction>();
    }
}
