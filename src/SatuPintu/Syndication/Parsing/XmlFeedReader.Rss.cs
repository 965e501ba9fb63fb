using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SatuPintu.Syndication.Parsing;

/// <summary>RSS 0.9x/2.0 and RSS 1.0/0.90 (RDF), with the Dublin Core, content, iTunes and Media RSS elements real feeds use.</summary>
internal static partial class XmlFeedReader
{
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
            Title = Trim(Child(item, "title")?.Value ?? item.Element(XName.Get("title", Dc))?.Value ?? Media(item, "title").FirstOrDefault()?.Value),
            Summary = ResolveHtml(Markup(Child(item, "description") ?? item.Element(XName.Get("description", Dc)) ?? Itunes(item, "summary")), item, doc),
            Content = ResolveHtml(Markup(item.Element(XName.Get("encoded", Content)) ?? item.Element(XName.Get("body", Xhtml))), item, doc),
            Author = PersonName(Child(item, "author")?.Value ?? Itunes(item, "author")?.Value),
        };
        SetDates(entry, Child(item, "pubDate"), null);
        foreach (var c in Children(item, "category"))
        {
            AddCategory(entry, c.Value);
        }
        // Podcast and video plugins file posts under these instead: nested iTunes categories read in order.
        foreach (var c in item.Descendants().Where(c => c.Name.LocalName == "category" && c.Name.NamespaceName.Equals(ItunesNs, StringComparison.OrdinalIgnoreCase)))
        {
            AddCategory(entry, (string?)c.Attribute("text"));
        }
        foreach (var c in Media(item, "category"))
        {
            AddCategory(entry, c.Value);
        }
        AddDublinCore(entry, item);
        return entry;
    }

    /// <summary>Media RSS, whose namespace is written with and without its final slash.</summary>
    private static IEnumerable<XElement> Media(XElement e, string local) =>
        e.Elements().Where(c => c.Name.LocalName == local && c.Name.NamespaceName.TrimEnd('/') == MediaNs);

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

    /// <summary>The iTunes namespace as podcasts write it, in any letter case.</summary>
    private static XElement? Itunes(XElement e, string local) =>
        e.Elements().FirstOrDefault(c => c.Name.LocalName == local && c.Name.NamespaceName.Equals(ItunesNs, StringComparison.OrdinalIgnoreCase));

    /// <summary>RSS elements by local name in no namespace or the feed's default one (some feeds put RSS 2.0 in a namespace).</summary>
    private static XElement? Child(XElement e, string local) => Children(e, local).FirstOrDefault();

    private static IEnumerable<XElement> Children(XElement e, string local) =>
        e.Elements().Where(c => string.Equals(c.Name.LocalName, local, StringComparison.OrdinalIgnoreCase) && (c.Name.Namespace == e.Name.Namespace || c.Name.Namespace == XNamespace.None || c.Name.NamespaceName is Rss090 or "http://purl.org/rss/1.0/"));

    [GeneratedRegex(@"^(?:\S+@\S+\s*\((?<n>[^)]*)\)|(?<n>[^<(]+?)\s*[<(]\S+@\S+[>)])$")]
    private static partial Regex PersonPattern();
}
