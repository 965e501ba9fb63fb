namespace SatuPintu.Syndication.Parsing;

/// <summary>
/// The one entry to the parsers: bytes as fetched (already capped in size by the fetcher), the
/// response's Content-Type and the URL they came from. Throws only <see cref="FeedFormatException"/>.
/// </summary>
public static class FeedParser
{
    /// <summary>Characters a document may have after decoding; the fetcher caps bytes, this caps what decoding can make of them.</summary>
    public const long MaxChars = 64L * 1024 * 1024;

    public static ParsedFeed Parse(byte[] body, string? contentType, Uri? documentUri)
    {
        var text = FeedDecoding.Decode(body, contentType, out var encoding);
        if (text.Length > MaxChars)
        {
            throw new FeedFormatException("Dokumen terlalu besar.");
        }
        var start = text.AsSpan().TrimStart();
        ParsedFeed feed;
        try
        {
            feed = start.Length > 0 && start[0] is '{' or '[' ? JsonFeedReader.Read(text, documentUri) : XmlFeedReader.Read(text, documentUri, MaxChars);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or OverflowException or UriFormatException)
        {
            // A reader bug on hostile input must not take the poller down; the source gets a plain error instead.
            throw new FeedFormatException($"Dokumen tidak dapat dibaca ({e.GetType().Name}).");
        }
        feed.Encoding = encoding;
        return feed;
    }
}
