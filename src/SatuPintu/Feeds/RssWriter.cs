using System.Xml;

namespace SatuPintu.Feeds;

/// <summary>RSS 2.0, with atom:link for self and the RFC 5005 paging links RSS itself lacks.</summary>
internal static class RssWriter
{
    private const string Atom = "http://www.w3.org/2005/Atom";
    private const string Dc = "http://purl.org/dc/elements/1.1/";

    public static void Write(Stream output, FeedView feed, bool fullContent)
    {
        using var x = XmlWriter.Create(output, FeedText.Xml);
        x.WriteStartDocument();
        x.WriteStartElement("rss");
        x.WriteAttributeString("version", "2.0");
        x.WriteAttributeString("xmlns", "atom", null, Atom);
        x.WriteAttributeString("xmlns", "dc", null, Dc);
        x.WriteStartElement("channel");
        x.WriteElementString("title", FeedText.Clean(feed.Title));
        x.WriteElementString("link", feed.PageUrl);
        x.WriteElementString("description", FeedText.Clean(feed.Description));
        x.WriteElementString("language", "id");
        x.WriteElementString("lastBuildDate", FeedText.Rfc822(feed.Updated));
        x.WriteElementString("generator", "SatuPintu");
        Link(x, "self", feed.SelfUrl);
        Link(x, "first", feed.FirstUrl);
        if (feed.NextUrl is not null)
        {
            Link(x, "next", feed.NextUrl);
        }
        foreach (var item in feed.Items)
        {
            var e = item.Entry;
            x.WriteStartElement("item");
            x.WriteElementString("title", FeedText.Clean(e.Title));
            x.WriteElementString("link", item.Url);
            x.WriteStartElement("guid");
            x.WriteAttributeString("isPermaLink", "false");
            x.WriteString(item.Id);
            x.WriteEndElement();
            x.WriteElementString("pubDate", FeedText.Rfc822(e.Published));
            x.WriteElementString("dc", "creator", Dc, FeedText.Clean(e.OpdName));
            foreach (var tag in e.Tags)
            {
                x.WriteElementString("category", FeedText.Clean(tag));
            }
            var description = fullContent && e.Html is not null ? e.Html : e.Summary ?? e.Title;
            x.WriteElementString("description", FeedText.Clean(description));
            x.WriteEndElement();
        }
        x.WriteEndElement();
        x.WriteEndElement();
        x.WriteEndDocument();
    }

    private static void Link(XmlWriter x, string rel, string href)
    {
        x.WriteStartElement("atom", "link", Atom);
        x.WriteAttributeString("rel", rel);
        x.WriteAttributeString("type", "application/rss+xml");
        x.WriteAttributeString("href", href);
        x.WriteEndElement();
    }
}
