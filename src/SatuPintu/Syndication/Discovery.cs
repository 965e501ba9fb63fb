using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using SatuPintu.Syndication.Outbound;
using SatuPintu.Syndication.Parsing;

namespace SatuPintu.Syndication;

/// <summary>
/// From what a person enters (a site's home page or a feed) to the feeds usable there: the URL itself
/// when it is a feed; else the page's &lt;link rel="alternate"&gt; feeds, the WordPress REST API (Link
/// header or page link rel="https://api.w.org/") and the common feed paths. Each candidate is fetched
/// and parsed, so what the person sees (title, kind, items, a sample) is what an import would get.
/// </summary>
public sealed partial class Discovery(SafeFetcher fetcher)
{
    public sealed record Candidate(string Url, SourceKind Kind, string Title, int Items, string? Sample, int? TotalPages);

    public sealed record Found(IReadOnlyList<Candidate> Candidates, string? Error)
    {
        public Candidate? Best => Candidates.Count == 0 ? null : Candidates[0];
    }

    private static readonly string[] CommonPaths = ["/feed/", "/rss.xml", "/atom.xml", "/feed.json", "/index.xml", "/feed.xml"];

    public async Task<Found> DiscoverAsync(string input, CancellationToken ct)
    {
        if (!Uri.TryCreate(input?.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return new([], "Masukkan alamat lengkap situs atau umpan, diawali http:// atau https://.");
        }
        var page = await fetcher.GetAsync(url, ct, accept: "text/html, application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, */*;q=0.5");
        if (!page.Ok)
        {
            return new([], page.Error ?? "Alamat tidak menjawab.");
        }
        var candidates = new List<Candidate>();
        if (TryParse(page) is { } direct)
        {
            candidates.Add(Describe(page.FinalUri.AbsoluteUri, direct));
            return new(candidates, null);
        }
        var urls = new List<(string Url, bool WordPress)>();
        if (page.Headers is { } headers && headers.TryGetValue("Link", out var link) && WpApiHeader().Match(link) is { Success: true } m)
        {
            urls.Add((PostsUrl(new Uri(page.FinalUri, m.Groups[1].Value)), true));
        }
        var html = new HtmlParser().ParseDocument(FeedDecoding.Decode(page.Body!, page.ContentType, out _));
        foreach (var l in html.QuerySelectorAll("link[href]"))
        {
            var rel = (l.GetAttribute("rel") ?? "").ToLowerInvariant();
            var type = (l.GetAttribute("type") ?? "").ToLowerInvariant();
            if (!Uri.TryCreate(page.FinalUri, l.GetAttribute("href"), out var href))
            {
                continue;
            }
            if (rel == "https://api.w.org/")
            {
                urls.Add((PostsUrl(href), true));
            }
            else if (rel.Split(' ').Contains("alternate") && (type.Contains("rss") || type.Contains("atom") || type.Contains("feed+json") || type == "application/json"))
            {
                urls.Add((href.AbsoluteUri, false));
            }
        }
        if (urls.Count == 0)
        {
            urls.AddRange(CommonPaths.Select(p => (new Uri(page.FinalUri, p).AbsoluteUri, false)));
        }
        foreach (var (candidate, _) in urls.DistinctBy(u => u.Url).Take(8))
        {
            var fetched = await fetcher.GetAsync(new Uri(candidate), ct, accept: "application/rss+xml, application/atom+xml, application/feed+json, application/json, application/xml;q=0.9, */*;q=0.5");
            if (fetched.Ok && TryParse(fetched) is { } feed)
            {
                candidates.Add(Describe(candidate, feed, html.Title));
            }
        }
        // WordPress REST first (the whole archive, categories, featured images), then the feed with most items.
        candidates = [.. candidates.OrderByDescending(c => c.Kind == SourceKind.WordPress).ThenByDescending(c => c.Items)];
        return candidates.Count > 0 ? new(candidates, null)
            : new([], $"Tidak ada umpan RSS, Atom, JSON Feed atau API WordPress yang dapat dibaca di {url.Host}.");
    }

    /// <summary>The posts endpoint of a WordPress REST root ("…/wp-json/" or "…/?rest_route=/"), with embeds and the largest page.</summary>
    public static string PostsUrl(Uri apiRoot)
    {
        var root = apiRoot.AbsoluteUri;
        return root.Contains("rest_route=", StringComparison.Ordinal)
            ? root.TrimEnd('/') + "/wp/v2/posts&_embed=1&per_page=100"
            : root.TrimEnd('/') + "/wp/v2/posts?_embed=1&per_page=100";
    }

    internal static ParsedFeed? TryParse(FetchResult fetched)
    {
        try
        {
            var feed = FeedParser.Parse(fetched.Body!, fetched.ContentType, fetched.FinalUri);
            if (feed.Format == "wordpress" && fetched.Headers?.GetValueOrDefault("X-WP-TotalPages") is { } pages && int.TryParse(pages, out var n))
            {
                feed.TotalPages = n;
            }
            return feed;
        }
        catch (FeedFormatException)
        {
            return null;
        }
    }

    public static SourceKind KindOf(ParsedFeed feed) => feed.Format switch
    {
        "wordpress" => SourceKind.WordPress,
        "atom03" or "atom10" => SourceKind.Atom,
        "json10" or "json11" => SourceKind.JsonFeed,
        _ => SourceKind.Rss,
    };

    private static Candidate Describe(string url, ParsedFeed feed, string? pageTitle = null)
    {
        var title = Content.HtmlCleaner.PlainText(feed.Title ?? pageTitle) is { Length: > 0 } t ? t : new Uri(url).Host;
        var sample = feed.Entries.Select(e => Content.HtmlCleaner.PlainText(e.TitleIsHtml ? System.Net.WebUtility.HtmlDecode(StripTags(e.Title)) : e.Title)).FirstOrDefault(s => s.Length > 0);
        return new(url, KindOf(feed), Clip(title, 300), feed.Entries.Count, sample is null ? null : Clip(sample, 200), feed.TotalPages);
    }

    internal static string StripTags(string? html) => html is null ? "" : Tags().Replace(html, "");

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max];

    [GeneratedRegex("<([^>]+)>\\s*;\\s*rel=\"?https://api\\.w\\.org/\"?")]
    private static partial Regex WpApiHeader();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
