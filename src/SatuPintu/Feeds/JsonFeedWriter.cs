using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace SatuPintu.Feeds;

/// <summary>JSON Feed 1.1 (jsonfeed.org), paged through "next_url".</summary>
internal static class JsonFeedWriter
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static void Write(Stream output, FeedView feed, bool fullContent)
    {
        using var j = new Utf8JsonWriter(output, Options);
        j.WriteStartObject();
        j.WriteString("version", "https://jsonfeed.org/version/1.1");
        j.WriteString("title", feed.Title);
        j.WriteString("home_page_url", feed.PageUrl);
        j.WriteString("feed_url", feed.SelfUrl);
        j.WriteString("description", feed.Description);
        j.WriteString("language", "id");
        if (feed.NextUrl is not null)
        {
            j.WriteString("next_url", feed.NextUrl);
        }
        Authors(j, feed.Publisher);
        j.WriteStartArray("items");
        foreach (var item in feed.Items)
        {
            var e = item.Entry;
            j.WriteStartObject();
            j.WriteString("id", item.Id);
            j.WriteString("url", item.Url);
            j.WriteString("title", e.Title);
            if (fullContent && e.Html is not null)
            {
                j.WriteString("content_html", e.Html);
            }
            else
            {
                j.WriteString("content_text", e.Summary ?? e.Title);
            }
            if (!string.IsNullOrWhiteSpace(e.Summary))
            {
                j.WriteString("summary", e.Summary);
            }
            j.WriteString("date_published", FeedText.Rfc3339(e.Published));
            j.WriteString("date_modified", FeedText.Rfc3339(e.Updated));
            Authors(j, e.OpdName);
            if (e.Tags.Count > 0)
            {
                j.WriteStartArray("tags");
                foreach (var tag in e.Tags)
                {
                    j.WriteStringValue(tag);
                }
                j.WriteEndArray();
            }
            j.WriteEndObject();
        }
        j.WriteEndArray();
        j.WriteEndObject();
    }

    private static void Authors(Utf8JsonWriter j, string name)
    {
        j.WriteStartArray("authors");
        j.WriteStartObject();
        j.WriteString("name", name);
        j.WriteEndObject();
        j.WriteEndArray();
    }
}
