using SatuPintu.Hosting;

namespace SatuPintu.Portal;

/// <summary>Pages that combine capabilities (home, OPD page, search) and the sitemap.</summary>
public static class PortalFeature
{
    public static void MapPortal(this WebApplication app)
    {
        app.MapGet("/sitemap.xml", Sitemap.HandleAsync).CacheOutput(HostingFeature.PublicPolicy);
    }
}
