using System.Net;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace SatuPintu.Syndication.Parsing;

/// <summary>
/// RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0 into <see cref="ParsedFeed"/>. DTDs are ignored
/// (no external entities, no entity expansion), documents are capped in size and depth, and every
/// link and every URL inside content is resolved against its xml:base, else the document's URL.
/// </summary>
internal static partial class XmlFeedReader
{
    public const int MaxDepth = 64;
    private const string Atom10 = "http://www.w3.org/2005/Atom";
    private const string Atom03 = "http://purl.org/atom/ns#";
    private const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private const string Rss090 = "http://my.netscape.com/rdf/simple/0.9/";
    private const string Content = "http://purl.org/rss/1.0/modules/content/";
    private const string Dc = "http://purl.org/dc/elements/1.1/";
    private const string DcTerms = "http://purl.org/dc/terms/";
    private const string ItunesNs = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    private const string Xhtml = "http://www.w3.org/1999/xhtml";
    private static readonly XName XmlBase = XNamespace.Xml + "base";

    public static ParsedFeed Read(string xml, Uri? documentUri, long maxChars)
    {
        var doc = Load(FeedDecoding.NamedEntitiesToNumeric(xml), maxChars);
        var root = doc.Root ?? throw new FeedFormatException("Dokumen XML kosong.");
        var ns = root.Name.NamespaceName;
        return root.Name.LocalName switch
        {
            // Atom 0.3 was written under several namespaces before it settled.
            "feed" => ReadAtom(root, documentUri, ns == Atom10 ? "atom10" : "atom03"),
            "rss" or "channel" => ReadRss(root, documentUri),
            "RDF" when ns == Rdf => ReadRdf(root, documentUri),
            _ => throw new FeedFormatException($"Dokumen XML ini bukan RSS atau Atom (elemen akar <{root.Name.LocalName}>)."),
        };
    }

    private static XDocument Load(string xml, long maxChars)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore, XmlResolver = null, MaxCharactersFromEntities = 1024, MaxCharactersInDocument = maxChars,
            CheckCharacters = false, IgnoreProcessingInstructions = true, IgnoreComments = true,
        };
        try
        {
            using (var check = XmlReader.Create(new StringReader(xml), settings))
            {
                while (check.Read())
                {
                    if (check.Depth > MaxDepth)
                    {
                        throw new FeedFormatException($"Dokumen XML bersarang lebih dari {MaxDepth} tingkat.");
                    }
                }
            }
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            return XDocument.Load(reader);
        }
        catch (XmlException e)
        {
            throw new FeedFormatException($"XML tidak sah (baris {e.LineNumber}, kolom {e.LinePosition}).");
        }
    }

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

    private static ParsedFeed ReadRss(XElement root, Uri? doc)
    {
        var channel = root.Name.LocalName == "channel" ? root : Child(root, "channel") ?? root;
        var version = (string?)root.Attribute("version") switch
        {
            "0.91" => "rss091", "0.92" => "rss092", "0.93" => "rss093", "0.94" => "rss094", "2.0" or "2" => "rss20", _ => "rss",
        };
        var result = new ParsedFeed { Format = version, Title = Trim(Child(channel, "title")?.Value ?? channel.Element(XName.Get("title", Dc))?.Value), Link = Resolve(Child(channel, "link")?.Value, channel, doc) };
        // RSS 0.9x puts items beside the channel inside <rss>, some writers do.
        var items = Children(channel, "item").Concat(root == channel ? [] : Children(root, "item"));
        foreach (var item in items)
        {
            result.Entries.Add(RssItem(item, doc));
        }
        return result;
    }

    private static ParsedFeed ReadRdf(XElement root, Uri? doc)
    {
        var channel = Child(root, "channel");
        var format = channel?.Name.NamespaceName == Rss090 ? "rss090" : "rss10";
        var result = new ParsedFeed { Format = format, Title = Trim(channel is null ? null : Child(channel, "title")?.Value), Link = channel is null ? null : Resolve(Child(channel, "link")?.Value, channel, doc) };
        foreach (var item in Children(root, "item"))
        {
            var entry = RssItem(item, doc);
            entry.Id ??= (string?)item.Attribute(XName.Get("about", Rdf));
            result.Entries.Add(entry);
        }
        return result;
    }

    private static FeedEntry RssItem(XElement item, Uri? doc)
    {
        var guid = Child(item, "guid");
        var link = Resolve(Child(item, "link")?.Value, item, doc);
        var guidIsLink = guid is not null && !string.Equals((string?)guid.Attribute("isPermaLink"), "false", StringComparison.OrdinalIgnoreCase);
        var entry = new FeedEntry
        {
            Id = Trim(guid?.Value),
            Link = link ?? (guidIsLink ? Resolve(guid!.Value, item, doc) : null),
            Title = Trim(Child(item, "title")?.Value ?? item.Element(XName.Get("title", Dc))?.Value),
            Summary = ResolveHtml(Markup(Child(item, "description") ?? item.Element(XName.Get("description", Dc)) ?? Itunes(item, "summary")), item, doc),
            Content = ResolveHtml(Markup(item.Element(XName.Get("encoded", Content)) ?? item.Element(XName.Get("body", Xhtml))), item, doc),
            Author = PersonName(Child(item, "author")?.Value ?? Itunes(item, "author")?.Value),
        };
        SetDates(entry, Child(item, "pubDate"), null);
        foreach (var c in Children(item, "category"))
        {
            AddCategory(entry, c.Value);
        }
        AddDublinCore(entry, item);
        return entry;
    }

    private static void AddDublinCore(FeedEntry entry, XElement e)
    {
        entry.Author ??= PersonName(e.Element(XName.Get("creator", Dc))?.Value ?? e.Element(XName.Get("author", Dc))?.Value);
        if (entry.PublishedText is null && (e.Element(XName.Get("issued", DcTerms)) ?? e.Element(XName.Get("created", DcTerms))) is { } issued)
        {
            SetDates(entry, issued, null);
        }
        if (entry.PublishedText is null && entry.UpdatedText is null && e.Element(XName.Get("date", Dc)) is { } date)
        {
            SetDates(entry, null, date);
        }
        if ((e.Element(XName.Get("modified", DcTerms)) ?? e.Element(XName.Get("date", DcTerms))) is { } modified && entry.UpdatedText is null)
        {
            SetDates(entry, null, modified);
        }
        foreach (var s in e.Elements(XName.Get("subject", Dc)))
        {
            AddCategory(entry, s.Value);
        }
    }

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

    /// <summary>Markup written inline (not escaped) in an RSS element, as HTML text.</summary>
    private static string? Markup(XElement? e) => e is null ? null : e.HasElements ? InnerXhtml(e, stripDiv: false) : e.Value;

    /// <summary>"Name", "email (Name)", "Name &lt;email&gt;": only the name is published.</summary>
    private static string? PersonName(string? raw)
    {
        if (Trim(raw) is not { } s)
        {
            return null;
        }
        var m = PersonPattern().Match(s);
        return m.Success ? Trim(m.Groups["n"].Value) ?? s : s.Contains('@', StringComparison.Ordinal) ? null : s;
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

    /// <summary>An id that is a relative reference is resolved like a link; tag: and urn: ids stay as they are.</summary>
    private static string? IdOf(XElement? id, Uri? doc) =>
        Trim(id?.Value) is not { } v ? null : IsAbsolute(v) ? v : Resolve(v, id!, doc);

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

    /// <summary>The iTunes namespace as podcasts write it, in any letter case.</summary>
    private static XElement? Itunes(XElement e, string local) =>
        e.Elements().FirstOrDefault(c => c.Name.LocalName == local && c.Name.NamespaceName.Equals(ItunesNs, StringComparison.OrdinalIgnoreCase));

    private static XElement? First(XElement e, params XName[] names) => names.Select(e.Element).FirstOrDefault(x => x is not null);

    /// <summary>RSS elements by local name in no namespace or the feed's default one (some feeds put RSS 2.0 in a namespace).</summary>
    private static XElement? Child(XElement e, string local) => Children(e, local).FirstOrDefault();

    private static IEnumerable<XElement> Children(XElement e, string local) =>
        e.Elements().Where(c => string.Equals(c.Name.LocalName, local, StringComparison.OrdinalIgnoreCase) && (c.Name.Namespace == e.Name.Namespace || c.Name.Namespace == XNamespace.None || c.Name.NamespaceName is Rss090 or "http://purl.org/rss/1.0/"));

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    [GeneratedRegex(@"^(?:\S+@\S+\s*\((?<n>[^)]*)\)|(?<n>[^<(]+?)\s*[<(]\S+@\S+[>)])$")]
    private static partial Regex PersonPattern();

    [GeneratedRegex("(?<a>\\s(?:href|src)\\s*=\\s*)(?<q>[\"'])(?<v>.*?)\\k<q>", RegexOptions.IgnoreCase)]
    private static partial Regex UrlAttribute();
}
