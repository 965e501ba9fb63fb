using System.Xml;

namespace SatuPintu.Feeds;

/// <summary>Atom 1.0 (RFC 4287) with RFC 5005 paging links ("first", "next").</summary>
internal static class AtomWriter
{
    private const string Ns = "http://www.w3.org/2005/Atom";

    public static void Write(Stream output, FeedView feed, bool fullContent)
    {
        using var x = XmlWriter.Create(output, FeedText.Xml);
        x.WriteStartDocument();
        x.WriteStartElement("feed", Ns);
        x.WriteAttributeString("xml", "lang", null, "id");
        x.WriteElementString("id", Ns, feed.Id);
        Text(x, "title", feed.Title);
        Text(x, "subtitle", feed.Description);
        x.WriteElementString("updated", Ns, FeedText.Rfc3339(feed.Updated));
        Link(x, "self", feed.SelfUrl, "application/atom+xml");
        Link(x, "alternate", feed.PageUrl, "text/html");
        Link(x, "first", feed.FirstUrl, "application/atom+xml");
        if (feed.NextUrl is not null)
        {
            Link(x, "next", feed.NextUrl, "application/atom+xml");
        }
        Person(x, feed.Publisher);
        x.WriteElementString("generator", Ns, "SatuPintu");
        foreach (var item in feed.Items)
        {
            var e = item.Entry;
            x.WriteStartElement("entry", Ns);
            x.WriteElementString("id", Ns, item.Id);
            Text(x, "title", e.Title);
            Link(x, "alternate", item.Url, "text/html");
            x.WriteElementString("published", Ns, FeedText.Rfc3339(e.Published));
            x.WriteElementString("updated", Ns, FeedText.Rfc3339(e.Updated));
            Person(x, e.OpdName);
            foreach (var tag in e.Tags)
            {
                x.WriteStartElement("category", Ns);
                x.WriteAttributeString("term", FeedText.Clean(tag));
                x.WriteEndElement();
            }
            if (!string.IsNullOrWhiteSpace(e.Summary))
            {
                Text(x, "summary", e.Summary);
            }
            if (fullContent && e.Html is not null)
            {
                x.WriteStartElement("content", Ns);
                x.WriteAttributeString("type", "html");
                x.WriteString(FeedText.Clean(e.Html));
                x.WriteEndElement();
            }
            else if (string.IsNullOrWhiteSpace(e.Summary))
            {
                // Atom wants a summary or content when the entry has no content of its own: the title stands in.
                Text(x, "summary", e.Title);
            }
            x.WriteEndElement();
        }
        x.WriteEndElement();
        x.WriteEndDocument();
    }

    private static void Text(XmlWriter x, string name, string? value)
    {
        x.WriteStartElement(name, Ns);
        x.WriteAttributeString("type", "text");
        x.WriteString(FeedText.Clean(value));
        x.WriteEndElement();
    }

    private static void Link(XmlWriter x, string rel, string href, string type)
    {
        x.WriteStartElement("link", Ns);
        x.WriteAttributeString("rel", rel);
        x.WriteAttributeString("type", type);
        x.WriteAttributeString("href", href);
        x.WriteEndElement();
    }

    private static void Person(XmlWriter x, string name)
    {
        x.WriteStartElement("author", Ns);
        x.WriteElementString("name", Ns, FeedText.Clean(name));
        x.WriteEndElement();
    }
}
