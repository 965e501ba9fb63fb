using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace SatuPintu.Syndication.Parsing;

/// <summary>
/// Bytes to text the way feeds need it: a byte-order mark wins, then the charset of the HTTP
/// Content-Type, then the XML declaration, else UTF-8. Legacy code pages (windows-1252,
/// iso-8859-x, …) come from CodePagesEncodingProvider. HTML named entities, which XML does not
/// know but feeds use all the time, become numeric references before the XML parser sees them.
/// </summary>
public static partial class FeedDecoding
{
    // Field initializers run before a static constructor: the provider is registered by the first one.
    private static readonly Encoding Windows1252 = RegisterCodePages();

    private static Encoding RegisterCodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    public static string Decode(byte[] bytes, string? contentType, out string encodingName)
    {
        var (bom, skip) = FromBom(bytes);
        var encoding = bom ?? Named(CharsetOf(contentType)) ?? FromDeclaration(bytes) ?? Sniff16(bytes) ?? Encoding.UTF8;
        encodingName = encoding.WebName.ToLowerInvariant() switch { "utf-16" => "utf-16le", "utf-32" => "utf-32le", var n => n };
        // As browsers do (WHATWG): text labelled Latin-1 or ASCII is windows-1252, whose 0x80–0x9F are the curly quotes Word writes.
        var reading = encoding.CodePage is 28591 or 20127 ? Encoding.GetEncoding(1252) : encoding;
        return Demoronize(reading.GetString(bytes, skip, bytes.Length - skip));
    }

    /// <summary>C1 control characters in text are windows-1252 bytes decoded as Latin-1 somewhere upstream: the quotes Word wrote.</summary>
    private static string Demoronize(string text)
    {
        if (!text.Any(c => c is >= '\u0080' and <= '\u009F'))
        {
            return text;
        }
        return string.Create(text.Length, text, (span, t) =>
        {
            for (var i = 0; i < t.Length; i++)
            {
                span[i] = t[i] is >= '\u0080' and <= '\u009F' ? Windows1252.GetString([(byte)t[i]])[0] : t[i];
            }
        });
    }

    public static string? CharsetOf(string? contentType)
    {
        if (contentType is null)
        {
            return null;
        }
        var m = CharsetPattern().Match(contentType);
        return m.Success ? m.Groups[1].Value : null;
    }

    private static Encoding? Named(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        try
        {
            var trimmed = name.Trim();
            // GB18030 is a superset of GB2312 that feeds labelled GB2312 really use.
            return Encoding.GetEncoding(trimmed.Equals("gb2312", StringComparison.OrdinalIgnoreCase) ? "gb18030" : trimmed);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static (Encoding?, int) FromBom(byte[] b) => b switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (Encoding.UTF8, 3),
        [0x00, 0x00, 0xFE, 0xFF, ..] => (new UTF32Encoding(bigEndian: true, byteOrderMark: false), 4),
        [0xFF, 0xFE, 0x00, 0x00, ..] => (new UTF32Encoding(bigEndian: false, byteOrderMark: false), 4),
        [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
        [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
        _ => (null, 0),
    };

    /// <summary>UTF-16/32 without a mark, told by the "&lt;?" it starts with.</summary>
    private static Encoding? Sniff16(byte[] b) => b switch
    {
        [0x00, 0x00, 0x00, 0x3C, ..] => new UTF32Encoding(true, false),
        [0x3C, 0x00, 0x00, 0x00, ..] => new UTF32Encoding(false, false),
        [0x00, 0x3C, 0x00, _, ..] => Encoding.BigEndianUnicode,
        [0x3C, 0x00, _, 0x00, ..] => Encoding.Unicode,
        _ => null,
    };

    private static Encoding? FromDeclaration(byte[] bytes)
    {
        var start = Sniff16(bytes) is { } wide ? wide.GetString(bytes, 0, Math.Min(bytes.Length, 400)) : Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 200));
        var m = DeclarationPattern().Match(start);
        if (!m.Success)
        {
            return null;
        }
        var named = Named(m.Groups[1].Value);
        // A declaration of UTF-16 in bytes that are plainly single-byte is a lie; UTF-8 reads them. Wide bytes tell their own byte order.
        return named is UnicodeEncoding or UTF32Encoding ? Sniff16(bytes) : named;
    }

    /// <summary>HTML named entities to numeric references; unknown ones become literal text instead of failing the document.</summary>
    public static string NamedEntitiesToNumeric(string xml) => EntityPattern().Replace(xml, m =>
    {
        var name = m.Groups[1].Value;
        if (name is "amp" or "lt" or "gt" or "quot" or "apos")
        {
            return m.Value;
        }
        var decoded = WebUtility.HtmlDecode(m.Value);
        if (decoded == m.Value)
        {
            return "&amp;" + name + ";";
        }
        var sb = new StringBuilder();
        foreach (var rune in decoded.EnumerateRunes())
        {
            sb.Append("&#").Append(rune.Value).Append(';');
        }
        return sb.ToString();
    });

    [GeneratedRegex("charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]+)", RegexOptions.IgnoreCase)]
    private static partial Regex CharsetPattern();

    [GeneratedRegex("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9_.:-]+)[\"']", RegexOptions.IgnoreCase)]
    private static partial Regex DeclarationPattern();

    [GeneratedRegex("&([A-Za-z][A-Za-z0-9]{0,31});")]
    private static partial Regex EntityPattern();
}
