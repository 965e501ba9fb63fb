using System.Net;
using System.Text.RegularExpressions;

namespace SatuPintu.Tests.Infrastructure;

/// <summary>Small readers for server-rendered HTML; enough for asserting what a visitor sees.</summary>
public static partial class Html
{
    public static async Task<(HttpStatusCode Status, string Body)> FetchAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<string> GetOkAsync(this HttpClient client, string url)
    {
        var (status, body) = await client.FetchAsync(url);
        Assert.True(status == HttpStatusCode.OK, $"GET {url} answered {(int)status}");
        return body;
    }

    /// <summary>Hrefs of links, in document order.</summary>
    public static IReadOnlyList<string> Links(string html, string prefix = "/") =>
        HrefRegex().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Where(h => h.StartsWith(prefix, StringComparison.Ordinal)).ToList();

    public static string? Meta(string html, string property) =>
        Regex.Match(html, $"<meta (?:property|name)=\"{Regex.Escape(property)}\" content=\"([^\"]*)\"") is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : null;

    public static string? Canonical(string html) =>
        CanonicalRegex().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    public static int Count(string html, string fragment) =>
        (html.Length - html.Replace(fragment, "", StringComparison.Ordinal).Length) / fragment.Length;

    /// <summary>Items of the article/document lists (each is one &lt;li&gt; with an &lt;h3&gt; link).</summary>
    public static IReadOnlyList<string> ListItemLinks(string html) =>
        ItemRegex().Matches(html).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex HrefRegex();

    [GeneratedRegex("<link rel=\"canonical\" href=\"([^\"]+)\"")]
    private static partial Regex CanonicalRegex();

    [GeneratedRegex("<li>\\s*<h3><a href=\"([^\"]+)\"")]
    private static partial Regex ItemRegex();
}
