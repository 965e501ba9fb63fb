using Microsoft.Extensions.Options;
using SatuPintu.Shared;

namespace SatuPintu.Feeds;

/// <summary>Absolute URLs and permanent ids for what leaves the site: feeds, sitemaps, robots.txt, structured data.</summary>
public sealed class PublicUrls(IOptions<SiteOptions> site, IOptions<FeedOptions> feeds)
{
    /// <summary>"https://host[:port]" with no trailing slash: the configured base URL, else the request's own.</summary>
    public string Origin(HttpRequest request) =>
        string.IsNullOrEmpty(site.Value.BaseUrl) ? $"{request.Scheme}://{request.Host}" : site.Value.BaseUrl;

    public string Absolute(HttpRequest request, string path) => Origin(request) + path;

    /// <summary>A tag: URI (RFC 4151) for something with a database key: it survives a changed slug, kind or domain.</summary>
    public string TagId(HttpRequest request, string specific) => $"tag:{Authority(request)}:{specific}";

    private string Authority(HttpRequest request)
    {
        if (!string.IsNullOrEmpty(feeds.Value.IdAuthority))
        {
            return feeds.Value.IdAuthority;
        }
        var host = string.IsNullOrEmpty(site.Value.BaseUrl) ? request.Host.Host : new Uri(site.Value.BaseUrl).Host;
        return host + ",2026";
    }
}
