using SatuPintu.Hosting;

namespace SatuPintu.Portal;

/// <summary>Pages that combine capabilities (home, OPD page, search) and the sitemap.</summary>
public static class PortalFeature
{
    public static void MapPortal(this WebApplication app)
    {
        app.MapGet("/sitemap.xml", Sitemap.HandleAsync).CacheOutput(HostingFeature.PublicPolicy);
        // robots.txt needs the sitemap as an absolute URL, so it is written per host rather than served as a file.
        app.MapGet("/robots.txt", (HttpRequest r) => Results.Text(
            $"User-agent: *\nDisallow: /admin\nDisallow: /api/\nSitemap: {r.Scheme}://{r.Host}/sitemap.xml\n", "text/plain; charset=utf-8"));
    }
}
