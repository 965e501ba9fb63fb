using SatuPintu.Hosting;

namespace SatuPintu.Feeds;

/// <summary>
/// Discovery out: Atom, RSS and JSON feeds (whole site, per kind, per OPD, per OPD and kind), the sitemap index
/// and its children, robots.txt, and the schema.org JSON-LD the public pages carry.
/// </summary>
public static class FeedsFeature
{
    public static void AddFeeds(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<FeedOptions, FeedOptionsValidator>(FeedOptions.Section);
        builder.Services.AddSingleton<PublicUrls>();
    }

    public static void MapFeeds(this WebApplication app)
    {
        FeedEndpoints.Map(app);
        Sitemap.Map(app);
    }
}
