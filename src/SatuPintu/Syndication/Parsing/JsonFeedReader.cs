using System.Net;
using System.Text.Json;

namespace SatuPintu.Syndication.Parsing;

/// <summary>JSON Feed 1.0/1.1 (an object with "version") and WordPress REST posts (an array, with or without _embed).</summary>
internal static class JsonFeedReader
{
    public static ParsedFeed Read(string json, Uri? documentUri)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = XmlFeedReader.MaxDepth, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new FeedFormatException($"JSON tidak sah (baris {e.LineNumber + 1}).");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Array)
            {
                return ReadWordPress(root, documentUri);
            }
            if (root.ValueKind == JsonValueKind.Object && Str(root, "version") is { } v && v.Contains("jsonfeed.org/version/", StringComparison.Ordinal))
            {
                return ReadJsonFeed(root, documentUri, v.EndsWith("1.1", StringComparison.Ordinal) ? "json11" : "json10");
            }
            throw new FeedFormatException("Dokumen JSON ini bukan JSON Feed atau daftar tulisan WordPress.");
        }
    }

    private static ParsedFeed ReadJsonFeed(JsonElement root, Uri? doc, string format)
    {
        var feed = new ParsedFeed { Format = format, Title = Str(root, "title"), Link = Absolute(Str(root, "home_page_url"), doc) };
        var feedAuthor = AuthorOf(root);
        if (root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            foreach (var i in items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
            {
                var entry = new FeedEntry
                {
                    Id = Str(i, "id") ?? (i.TryGetProperty("id", out var n) && n.ValueKind == JsonValueKind.Number ? n.GetRawText() : null),
                    Link = Absolute(Str(i, "url"), doc),
                    Title = Str(i, "title"),
                    Summary = Str(i, "summary") is { } s ? WebUtility.HtmlEncode(s) : null,
                    Content = Str(i, "content_html") ?? (Str(i, "content_text") is { } t ? WebUtility.HtmlEncode(t) : null),
                    Author = AuthorOf(i) ?? feedAuthor,
                    PublishedText = Str(i, "date_published"),
                    UpdatedText = Str(i, "date_modified"),
                    ImageUrl = Absolute(Str(i, "image") ?? Str(i, "banner_image"), doc),
                };
                entry.Published = FeedDates.Parse(entry.PublishedText);
                entry.Updated = FeedDates.Parse(entry.UpdatedText);
                if (i.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array)
                {
                    entry.Categories.AddRange(tags.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!.Trim()).Where(t => t.Length > 0).Distinct());
                }
                feed.Entries.Add(entry);
            }
        }
        return feed;
    }

    private static ParsedFeed ReadWordPress(JsonElement posts, Uri? doc)
    {
        var feed = new ParsedFeed { Format = "wordpress" };
        foreach (var p in posts.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.Object))
        {
            var embedded = p.TryGetProperty("_embedded", out var em) && em.ValueKind == JsonValueKind.Object ? em : default;
            var entry = new FeedEntry
            {
                Id = Rendered(p, "guid") ?? (p.TryGetProperty("id", out var id) ? id.GetRawText() : null),
                Link = Absolute(Str(p, "link"), doc),
                Title = Rendered(p, "title"),
                TitleIsHtml = true,
                Summary = Rendered(p, "excerpt"),
                Content = Rendered(p, "content"),
                PublishedText = Str(p, "date_gmt") ?? Str(p, "date"),
                UpdatedText = Str(p, "modified_gmt") ?? Str(p, "modified"),
            };
            // WordPress's *_gmt fields carry no zone: they are UTC by name.
            entry.Published = FeedDates.Parse(Zoned(Str(p, "date_gmt")) ?? Str(p, "date"));
            entry.Updated = FeedDates.Parse(Zoned(Str(p, "modified_gmt")) ?? Str(p, "modified"));
            if (embedded.ValueKind == JsonValueKind.Object)
            {
                if (embedded.TryGetProperty("author", out var authors) && authors.ValueKind == JsonValueKind.Array && authors.GetArrayLength() > 0)
                {
                    entry.Author = Str(authors[0], "name");
                }
                if (embedded.TryGetProperty("wp:featuredmedia", out var media) && media.ValueKind == JsonValueKind.Array && media.GetArrayLength() > 0)
                {
                    entry.ImageUrl = Absolute(Str(media[0], "source_url"), doc);
                }
                if (embedded.TryGetProperty("wp:term", out var terms) && terms.ValueKind == JsonValueKind.Array)
                {
                    foreach (var t in terms.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.Array).SelectMany(t => t.EnumerateArray()))
                    {
                        if (t.ValueKind == JsonValueKind.Object && WebUtility.HtmlDecode(Str(t, "name")) is { Length: > 0 } name && name != "Uncategorized"
                            && !entry.Categories.Contains(name, StringComparer.OrdinalIgnoreCase))
                        {
                            entry.Categories.Add(name);
                        }
                    }
                }
            }
            feed.Entries.Add(entry);
        }
        return feed;
    }

    private static string? Zoned(string? gmt) => gmt is null ? null : gmt.EndsWith('Z') ? gmt : gmt + "Z";

    private static string? AuthorOf(JsonElement e)
    {
        if (e.TryGetProperty("authors", out var list) && list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0 && list[0].ValueKind == JsonValueKind.Object)
        {
            return Str(list[0], "name");
        }
        return e.TryGetProperty("author", out var a) && a.ValueKind == JsonValueKind.Object ? Str(a, "name") : null;
    }

    private static string? Rendered(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? Str(v, "rendered") : null;

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { } s && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;

    private static string? Absolute(string? url, Uri? doc) =>
        url is null ? null : XmlFeedReader.IsAbsolute(url) && Uri.TryCreate(url, UriKind.Absolute, out var abs) ? abs.AbsoluteUri : doc is not null && Uri.TryCreate(doc, url, out var r) ? r.AbsoluteUri : url;
}
