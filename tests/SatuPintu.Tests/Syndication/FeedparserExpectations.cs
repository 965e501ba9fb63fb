using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using SatuPintu.Syndication.Parsing;

namespace SatuPintu.Tests.Syndication;

/// <summary>
/// Reads the Universal Feed Parser corpus's embedded expectations (a Python expression over
/// feedparser's result) and checks the ones about what we import — title, link, id, dates, author,
/// content, encoding — against <see cref="ParsedFeed"/>. An expectation with any other clause
/// (enclosures, itunes, feed description, bozo, …) is "not mapped" and only proves we do not crash.
/// </summary>
public static partial class FeedparserExpectations
{
    public enum Verdict { Pass, Fail, NotMapped }

    public sealed record Case(string RelativePath, string Expect, string? ContentType, Uri BaseUri);

    public static Case? Read(string root, string file)
    {
        var bytes = File.ReadAllBytes(file);
        var text = bytes switch
        {
            [0x00, 0x00, 0xFE, 0xFF, ..] or [0x00, 0x00, 0x00, 0x3C, ..] => new UTF32Encoding(true, false).GetString(bytes),
            [0xFF, 0xFE, 0x00, 0x00, ..] or [0x3C, 0x00, 0x00, 0x00, ..] => new UTF32Encoding(false, false).GetString(bytes),
            [0xFE, 0xFF, ..] or [0x00, 0x3C, ..] => Encoding.BigEndianUnicode.GetString(bytes),
            [0xFF, 0xFE, ..] or [0x3C, 0x00, ..] => Encoding.Unicode.GetString(bytes),
            _ => Encoding.UTF8.GetString(bytes),
        };
        var m = ExpectPattern().Match(text);
        if (!m.Success)
        {
            return null;
        }
        var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
        var url = new Uri($"http://127.0.0.1:8097/tests/{relative}");
        string? contentType = null;
        foreach (Match h in HeaderPattern().Matches(text[..m.Index]))
        {
            var (name, value) = (h.Groups[1].Value.Trim(), h.Groups[2].Value.Trim());
            if (name.Equals("Content-type", StringComparison.OrdinalIgnoreCase))
            {
                contentType = value;
            }
            else if (name.Equals("Content-Location", StringComparison.OrdinalIgnoreCase) && Uri.TryCreate(url, value, out var location))
            {
                url = location;
            }
        }
        return new Case(relative, m.Groups[1].Value.Trim(), contentType, url);
    }

    public static Verdict Check(ParsedFeed? feed, string expect)
    {
        var clauses = SplitAnd(expect).Where(c => c is not "not bozo").ToList();
        if (clauses.Count == 0)
        {
            return Verdict.NotMapped;
        }
        var verdict = Verdict.Pass;
        foreach (var clause in clauses)
        {
            var m = ComparePattern().Match(clause);
            if (!m.Success || Literal(m.Groups["rhs"].Value) is not { } expected)
            {
                return Verdict.NotMapped;
            }
            if (feed is null)
            {
                if (!Mapped(m.Groups["lhs"].Value))
                {
                    return Verdict.NotMapped;
                }
                verdict = Verdict.Fail;
                continue;
            }
            var (mapped, actual) = Lookup(feed, m.Groups["lhs"].Value);
            if (!mapped)
            {
                return Verdict.NotMapped;
            }
            var equal = Equals(expected.Value, actual) || (expected.Value is string s && actual is string a && string.Equals(s.Trim(), a.Trim(), StringComparison.Ordinal));
            if (equal != (m.Groups["op"].Value == "=="))
            {
                verdict = Verdict.Fail;
            }
        }
        return verdict;
    }

    private static bool Mapped(string path) => Lookup(new ParsedFeed { Format = "" }, path).Mapped;

    private static (bool Mapped, object? Value) Lookup(ParsedFeed feed, string path)
    {
        var parts = PathPart().Matches(path).Select(p => p.Groups[1].Success ? p.Groups[1].Value : p.Groups[2].Success ? p.Groups[2].Value : p.Groups[3].Value).ToList();
        if (parts is ["encoding"])
        {
            return (true, feed.Encoding);
        }
        if (parts.Count >= 2 && parts[0] == "feed")
        {
            return string.Join('.', parts.Skip(1)) switch { "title" or "title_detail.value" => (true, feed.Title), "link" => (true, feed.Link), _ => (false, null) };
        }
        if (parts.Count < 3 || parts[0] != "entries" || !int.TryParse(parts[1], out var i))
        {
            return (false, null);
        }
        var e = i < feed.Entries.Count ? feed.Entries[i] : null;
        var rest = string.Join('.', parts.Skip(2));
        return rest switch
        {
            "title" or "title_detail.value" => (true, e?.Title),
            "link" => (true, e?.Link),
            "id" => (true, e?.Id),
            "author" or "author_detail.name" => (true, e?.Author),
            "published" => (true, e?.PublishedText),
            "updated" => (true, e?.UpdatedText ?? e?.PublishedText),
            "published_parsed" => (true, Tuple(e?.Published)),
            "updated_parsed" => (true, Tuple(e?.Updated ?? e?.Published)),
            "content.0.value" => (true, e?.Content),
            "summary" or "description" or "summary_detail.value" => (true, e?.Summary ?? e?.Content),
            "category" or "tags.0.term" => (true, e?.Categories.FirstOrDefault()),
            _ => (false, null),
        };
    }

    private static string? Tuple(DateTimeOffset? d) => d is not { } v ? null : string.Join(',', v.UtcDateTime.Year, v.UtcDateTime.Month, v.UtcDateTime.Day,
        v.UtcDateTime.Hour, v.UtcDateTime.Minute, v.UtcDateTime.Second, ((int)v.UtcDateTime.DayOfWeek + 6) % 7, v.UtcDateTime.DayOfYear, 0);

    private sealed record Literal1(object? Value);

    /// <summary>A Python literal: a string (any quoting, with escapes), a tuple of integers, or None.</summary>
    private static Literal1? Literal(string text)
    {
        var t = text.Trim();
        if (t == "None")
        {
            return new(null);
        }
        if (TuplePattern().Match(t) is { Success: true } tuple)
        {
            return new(string.Join(',', tuple.Groups[1].Value.Split(',').Select(n => int.Parse(n.Trim(), CultureInfo.InvariantCulture))));
        }
        var m = StringPattern().Match(t);
        return m.Success ? new(Unescape(m.Groups["s"].Value)) : null;
    }

    private static string Unescape(string s)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] != '\\' || i + 1 >= s.Length)
            {
                sb.Append(s[i]);
                continue;
            }
            var c = s[++i];
            switch (c)
            {
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case 'r': sb.Append('\r'); break;
                case 'x': sb.Append((char)Convert.ToInt32(s.Substring(i + 1, 2), 16)); i += 2; break;
                case 'u': sb.Append((char)Convert.ToInt32(s.Substring(i + 1, 4), 16)); i += 4; break;
                case 'U': sb.Append(char.ConvertFromUtf32(Convert.ToInt32(s.Substring(i + 1, 8), 16))); i += 8; break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    private static List<string> SplitAnd(string expr)
    {
        var parts = new List<string>();
        var depth = 0;
        char? quote = null;
        var start = 0;
        for (var i = 0; i < expr.Length; i++)
        {
            var c = expr[i];
            if (quote is { } q)
            {
                if (c == '\\') { i++; }
                else if (c == q) { quote = null; }
                continue;
            }
            if (c is '\'' or '"') { quote = c; }
            else if (c is '(' or '[' or '{') { depth++; }
            else if (c is ')' or ']' or '}') { depth--; }
            else if (depth == 0 && string.CompareOrdinal(expr, i, " and ", 0, 5) == 0)
            {
                parts.Add(expr[start..i].Trim());
                start = i + 5;
                i += 4;
            }
        }
        parts.Add(expr[start..].Trim());
        return parts;
    }

    [GeneratedRegex(@"Description:\s*(?:.*?)\s*Expect:\s*(.*?)\s*(?:-->|"")", RegexOptions.Singleline)]
    private static partial Regex ExpectPattern();

    [GeneratedRegex(@"Header:\s*([A-Za-z-]+):(.*)")]
    private static partial Regex HeaderPattern();

    [GeneratedRegex(@"^(?<lhs>(?:feed|entries)(?:\[\d+\]|\[u?'[A-Za-z_]+'\]|\[u?""[A-Za-z_]+""\]|\.[A-Za-z_]+)+|encoding)\s*(?<op>==|!=)\s*(?<rhs>.+)$", RegexOptions.Singleline)]
    private static partial Regex ComparePattern();

    [GeneratedRegex(@"\['([A-Za-z_]+)'\]|\[""([A-Za-z_]+)""\]|\[?\.?([A-Za-z_]+|\d+)\]?")]
    private static partial Regex PathPart();

    [GeneratedRegex(@"^\(([\d,\s]+)\)$")]
    private static partial Regex TuplePattern();

    [GeneratedRegex(@"^[uUbBrR]?(?:""""""(?<s>.*)""""""|'''(?<s>.*)'''|'(?<s>(?:[^'\\]|\\.)*)'|""(?<s>(?:[^""\\]|\\.)*)"")$", RegexOptions.Singleline)]
    private static partial Regex StringPattern();
}
