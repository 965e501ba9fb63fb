using System.Net;
using System.Xml.Linq;

namespace SatuPintu.Syndication.Parsing;

/// <summary>Atom 0.3 and 1.0: entries, links by rel and type, text constructs (text, html, xhtml, base64).</summary>
internal static partial class XmlFeedReader
{
    private static ParsedFeed ReadAtom(XElement feed, Uri? doc, string format)
    {
        XNamespace a = feed.Name.Namespace;
        var result = new ParsedFeed { Format = format, Title = TextConstruct(feed.Element(a + "title"), doc, out _), Link = AtomLink(feed, a, doc) };
        foreach (var e in feed.Elements(a + "entry"))
        {
            var entry = new FeedEntry
            {
                Id = IdOf(e.Element(a + "id"), doc),
                Link = AtomLink(e, a, doc),
                Author = Trim((e.Element(a + "author") ?? feed.Element(a + "author"))?.Element(a + "name")?.Value),
                Summary = ContentHtml(e.Element(a + "summary"), doc),
                Content = ContentHtml(e.Element(a + "content"), doc),
            };
            entry.Title = TextConstruct(e.Element(a + "title"), doc, out var html);
            entry.TitleIsHtml = html;
            SetDates(entry, First(e, a + "published", a + "issued", a + "created"), e.Elements(a + "updated").LastOrDefault() ?? e.Element(a + "modified"));
            foreach (var c in e.Elements(a + "category"))
            {
                AddCategory(entry, (string?)c.Attribute("term") ?? (string?)c.Attribute("label"));
            }
            AddDublinCore(entry, e);
            result.Entries.Add(entry);
        }
        return result;
    }

    private static string? AtomLink(XElement e, XNamespace a, Uri? doc)
    {
        var links = e.Elements(a + "link").ToList();
        var best = links.FirstOrDefault(l => ((string?)l.Attribute("rel") ?? "alternate") == "alternate" && ((string?)l.Attribute("type") ?? "text/html").Contains("html", StringComparison.Ordinal))
            ?? links.FirstOrDefault(l => ((string?)l.Attribute("rel") ?? "alternate") == "alternate");
        return best is null ? null : Resolve((string?)best.Attribute("href"), best, doc);
    }

    /// <summary>An Atom text construct as the feed means it; <paramref name="html"/> tells whether it is markup.</summary>
    private static string? TextConstruct(XElement? e, Uri? doc, out bool html)
    {
        html = false;
        if (e is null)
        {
            return null;
        }
        var type = ((string?)e.Attribute("type"))?.ToLowerInvariant();
        var mode = (string?)e.Attribute("mode");
        // Atom 1.0: a media type that is neither text nor XML means base64; Atom 0.3 says so with mode.
        if (mode == "base64" || (type is { } media && media.Contains('/', StringComparison.Ordinal) && !media.StartsWith("text/", StringComparison.Ordinal) && !media.EndsWith("xml", StringComparison.Ordinal)))
        {
            html = type is not ("text" or "text/plain");
            try
            {
                var decoded = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(e.Value.Trim()));
                return html ? ResolveHtml(decoded, e, doc) : Trim(decoded);
            }
            catch (FormatException)
            {
                return null;
            }
        }
        if (type is "xhtml" || e.HasElements)
        {
            html = true;
            return ResolveHtml(InnerXhtml(e, stripDiv: type is "xhtml"), e, doc);
        }
        html = type is "html" or "text/html" || mode == "escaped";
        return html ? ResolveHtml(e.Value, e, doc) : Trim(e.Value) is { } t ? t : null;
    }

    /// <summary>Atom content or summary as HTML: text is escaped, HTML and XHTML are kept (and resolved).</summary>
    private static string? ContentHtml(XElement? e, Uri? doc)
    {
        if (e is null)
        {
            return null;
        }
        var value = TextConstruct(e, doc, out var html);
        return value is null ? null : html ? value : WebUtility.HtmlEncode(value);
    }

    /// <summary>An id that is a relative reference is resolved like a link; tag: and urn: ids stay as they are.</summary>
    private static string? IdOf(XElement? id, Uri? doc) =>
        Trim(id?.Value) is not { } v ? null : IsAbsolute(v) ? v : Resolve(v, id!, doc);

    private static XElement? First(XElement e, params XName[] names) => names.Select(e.Element).FirstOrDefault(x => x is not null);
}
