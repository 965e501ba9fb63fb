using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using SatuPintu.Shared;

namespace SatuPintu.Feeds;

/// <summary>
/// Absolute URLs and permanent ids for what leaves the site: canonical links, feeds, sitemaps, robots.txt,
/// structured data. They come from SatuPintu:Site:BaseUrl, never from the Host a request names: a forged
/// Host header must not put another domain into a cached page or a feed. Without the setting (a developer's
/// machine) the address Kestrel listens on stands in.
/// </summary>
public sealed class PublicUrls(IOptions<SiteOptions> site, IOptions<FeedOptions> feeds, IServer server)
{
    private string? _listening;

    /// <summary>"https://host[:port]" with no trailing slash.</summary>
    public string Origin(HttpRequest request) => string.IsNullOrEmpty(site.Value.BaseUrl) ? Listening() : site.Value.BaseUrl;

    public string Absolute(HttpRequest request, string path) => Origin(request) + path;

    /// <summary>A tag: URI (RFC 4151) for something with a database key: it survives a changed slug, kind or domain.</summary>
    public string TagId(HttpRequest request, string specific) => $"tag:{Authority(request)}:{specific}";

    private string Authority(HttpRequest request) =>
        !string.IsNullOrEmpty(feeds.Value.IdAuthority) ? feeds.Value.IdAuthority : new Uri(Origin(request)).Host + ",2026";

    /// <summary>The first address the server listens on, a wildcard host named "localhost".</summary>
    private string Listening()
    {
        if (_listening is not null)
        {
            return _listening;
        }
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost";
        var at = address.IndexOf("://", StringComparison.Ordinal);
        var scheme = at < 0 ? "http" : address[..at];
        var rest = at < 0 ? address : address[(at + 3)..];
        var colon = rest.LastIndexOf(':');
        var host = colon > 0 && !rest.EndsWith(']') ? rest[..colon] : rest;
        var port = colon > 0 && !rest.EndsWith(']') ? rest[colon..].TrimEnd('/') : "";
        if (host is "+" or "*" or "[::]" or "0.0.0.0" or "")
        {
            host = "localhost";
        }
        return _listening = $"{scheme}://{host}{port}";
    }
}
