using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SatuPintu.Syndication.Parsing;

/// <summary>What both formats share: dates, categories, inline XHTML, and URLs resolved against xml:base.</summary>
internal static partial class XmlFeedReader
{
    private static void SetDates(FeedEntry entry, XElement? published, XElement? updated)
    {
        if (Trim(published?.Value) is { } p)
        {
            entry.PublishedText = p;
            entry.Published = FeedDates.Parse(p);
        }
        if (Trim(updated?.Value) is { } u)
        {
            entry.UpdatedText = u;
            entry.Updated = FeedDates.Parse(u);
        }
    }

    private static void AddCategory(FeedEntry entry, string? name)
    {
        if (Trim(name) is { } n && !entry.Categories.Contains(n, StringComparer.OrdinalIgnoreCase))
        {
            entry.Categories.Add(n);
        }
    }

    private static string InnerXhtml(XElement e, bool stripDiv)
    {
        var div = e.Elements().FirstOrDefault(c => c.Name.LocalName == "div");
        var holder = stripDiv && div is not null && e.Elements().Count() == 1 ? div : e;
        var parts = holder.Nodes().Select(n => n is XElement x ? StripNamespaces(x).ToString(SaveOptions.DisableFormatting) : n is XText t ? WebUtility.HtmlEncode(t.Value) : "");
        return string.Concat(parts).Trim();
    }

    private static XElement StripNamespaces(XElement e) => new(e.Name.LocalName,
        e.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => new XAttribute(a.Name.LocalName, a.Value)),
        e.Nodes().Select(n => n is XElement c ? StripNamespaces(c) : n));

    /// <summary>The base URL in effect at <paramref name="e"/>: its xml:base and its ancestors', over the document's URL.</summary>
    private static Uri? BaseOf(XElement e, Uri? doc)
    {
        var chain = e.AncestorsAndSelf().Select(x => (string?)x.Attribute(XmlBase)).Where(b => b is not null).Reverse();
        var current = doc;
        foreach (var b in chain)
        {
            current = current is null ? (Uri.TryCreate(b, UriKind.Absolute, out var abs) ? abs : null)
                : Uri.TryCreate(current, b, out var rel) ? rel : current;
        }
        return current;
    }

    private static string? Resolve(string? url, XElement at, Uri? doc)
    {
        if (Trim(url) is not { } u)
        {
            return null;
        }
        if (IsAbsolute(u) && Uri.TryCreate(u, UriKind.Absolute, out var abs) && abs.Scheme is "http" or "https" or "mailto")
        {
            return abs.OriginalString;
        }
        return BaseOf(at, doc) is { } b && Uri.TryCreate(b, u, out var resolved) ? resolved.AbsoluteUri : u;
    }

    private static string? ResolveHtml(string? html, XElement at, Uri? doc)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return null;
        }
        var trimmed = html.Trim();
        if (BaseOf(at, doc) is not { } b)
        {
            return trimmed;
        }
        return UrlAttribute().Replace(trimmed, m =>
        {
            var value = WebUtility.HtmlDecode(m.Groups["v"].Value);
            if (IsAbsolute(value) || value.StartsWith('#') || !Uri.TryCreate(b, value, out var r))
            {
                return m.Value;
            }
            return $"{m.Groups["a"].Value}{m.Groups["q"].Value}{WebUtility.HtmlEncode(r.AbsoluteUri)}{m.Groups["q"].Value}";
        });
    }

    /// <summary>
    /// Whether a reference names its scheme. Uri.TryCreate alone is not the test: on Unix it takes "/path" for an
    /// absolute file URI.
    /// </summary>
    internal static bool IsAbsolute(string v)
    {
        var colon = v.IndexOf(':', StringComparison.Ordinal);
        var slash = v.IndexOf('/', StringComparison.Ordinal);
        return colon > 0 && (slash == -1 || colon < slash) && Uri.TryCreate(v, UriKind.Absolute, out _);
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    [GeneratedRegex("(?<a>\\s(?:href|src)\\s*=\\s*)(?<q>[\"'])(?<v>.*?)\\k<q>", RegexOptions.IgnoreCase)]
    private static partial Regex UrlAttribute();
}
