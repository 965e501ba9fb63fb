namespace SatuPintu.Content;

/// <summary>
/// A linear look at a body before it is rendered. Markdig and AngleSharp (under HtmlSanitizer) spend time
/// quadratic in the number of constructs left open — each unclosed link destination is rescanned to the end,
/// each unclosed HTML element is re-nested under the next — so a 200 kB body of <c>[a](b</c> or <c>&lt;i&gt;</c>
/// costs minutes of CPU. Real writing closes what it opens; a body with more open constructs than
/// <see cref="MaxOpen"/> is refused with a message saying what to fix.
/// </summary>
public static class MarkdownShape
{
    public const int MaxOpen = 100;

    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    };

    /// <summary>An Indonesian message when the body has too many open constructs; null when it is fine to render.</summary>
    public static string? Problem(string markdown)
    {
        var (links, brackets, tags) = Count(markdown);
        if (links > MaxOpen)
        {
            return $"Isi memuat {links} tautan yang tidak ditutup (\"](\" tanpa \")\"); paling banyak {MaxOpen}. Periksa penulisan tautan [teks](alamat).";
        }
        if (brackets > MaxOpen)
        {
            return $"Isi memuat {brackets} tanda \"[\" yang tidak ditutup; paling banyak {MaxOpen}.";
        }
        if (tags > MaxOpen)
        {
            return $"Isi memuat {tags} tag HTML yang tidak ditutup; paling banyak {MaxOpen}. Tutup setiap tag (misalnya <i>…</i>) atau gunakan format Markdown.";
        }
        return null;
    }

    private static (int Links, int Brackets, int Tags) Count(string s)
    {
        int links = 0, brackets = 0;
        var linkOpen = false;
        var opened = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < s.Length; i++)
        {
            switch (s[i])
            {
                case '[':
                    brackets++;
                    break;
                case ']':
                    brackets = Math.Max(0, brackets - 1);
                    if (i + 1 < s.Length && s[i + 1] == '(')
                    {
                        // The previous "](" never met its ")": an open destination.
                        links += linkOpen ? 1 : 0;
                        linkOpen = true;
                        i++;
                    }
                    break;
                case ')':
                    linkOpen = false;
                    break;
                case '<':
                    i = Tag(s, i, opened);
                    break;
            }
        }
        return (links + (linkOpen ? 1 : 0), brackets, opened.Values.Sum());
    }

    /// <summary>Counts an opening tag up and a closing tag down; returns the index of the tag's last name character.</summary>
    private static int Tag(string s, int start, Dictionary<string, int> opened)
    {
        var i = start + 1;
        var closing = i < s.Length && s[i] == '/';
        if (closing)
        {
            i++;
        }
        var nameStart = i;
        while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] == ':') && i - nameStart < 32)
        {
            i++;
        }
        if (i == nameStart || !char.IsAsciiLetter(s[nameStart]))
        {
            return start;
        }
        var name = s[nameStart..i];
        if (Void.Contains(name))
        {
            return i - 1;
        }
        opened.TryGetValue(name, out var n);
        opened[name] = closing ? Math.Max(0, n - 1) : n + 1;
        return i - 1;
    }
}
