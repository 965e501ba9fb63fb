namespace SatuPintu.Portal;

/// <summary>Pages that combine capabilities (home, OPD page, search).</summary>
public static class PortalFeature
{
    public static void MapPortal(this WebApplication app)
    {
        // The sitemap and robots.txt moved to the Feeds capability; the pages here route themselves.
        _ = app;
    }
}
