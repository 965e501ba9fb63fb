using System.Globalization;
using System.Text;
using System.Xml;

namespace SatuPintu.Feeds;

/// <summary>Everything a feed writer needs, URLs already absolute; each format only lays it out.</summary>
public sealed record FeedView(
    string Id, string Title, string Description, string Publisher, string PageUrl, string SelfUrl, string FirstUrl,
    string? NextUrl, DateTime Updated, IReadOnlyList<FeedView.Item> Items)
{
    public sealed record Item(string Id, string Url, FeedEntry Entry);
}

/// <summary>What the three XML/JSON writers share.</summary>
internal static class FeedText
{
    public static readonly XmlWriterSettings Xml = new()
    {
        Encoding = new UTF8Encoding(false),
        Indent = false,
        // Text is cleaned of what XML 1.0 cannot hold (Clean), so a hostile title never makes the writer throw.
        CheckCharacters = true,
        Async = false,
    };

    /// <summary>Drops characters XML 1.0 cannot carry (most C0 controls, lone surrogates, U+FFFE/FFFF).</summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var firstBad = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (!Ok(text, i, out var width))
            {
                firstBad = i;
                break;
            }
            i += width - 1;
        }
        if (firstBad < 0)
        {
            return text;
        }
        var sb = new StringBuilder(text.Length);
        sb.Append(text, 0, firstBad);
        for (var i = firstBad; i < text.Length; i++)
        {
            if (Ok(text, i, out var width))
            {
                sb.Append(text, i, width);
                i += width - 1;
            }
        }
        return sb.ToString();
    }

    private static bool Ok(string text, int i, out int width)
    {
        width = 1;
        if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
        {
            width = 2;
            return true;
        }
        return XmlConvert.IsXmlChar(text[i]);
    }

    public static string Rfc3339(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>RSS 2.0 wants RFC 822 dates, with English day and month names whatever the culture.</summary>
    public static string Rfc822(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
}
