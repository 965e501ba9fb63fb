using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace SatuPintu.Monitoring.Watch;

/// <summary>
/// Links that a page hides from a plain look at its markup: written by script from string pieces
/// (<c>'ht'+'tps://sl'+'ot88.xyz'</c>), decoded from base64 (<c>atob('aHR0cHM6…')</c>) or from char codes
/// (<c>String.fromCharCode(104,116,…)</c>), or spelled with HTML entities in an <c>href</c>. Only what
/// can be decided without running the script.
/// </summary>
internal static partial class ScriptLinks
{
    [GeneratedRegex(@"['""]\s*\+\s*['""]", RegexOptions.None, 1000)]
    private static partial Regex Concatenation();

    [GeneratedRegex(@"(?:atob\s*\(\s*)?['""]([A-Za-z0-9+/]{12,}={0,2})['""]", RegexOptions.None, 1000)]
    private static partial Regex Base64Literal();

    [GeneratedRegex(@"fromCharCode\s*\(([0-9,\s]{5,})\)", RegexOptions.None, 1000)]
    private static partial Regex CharCodes();

    [GeneratedRegex(@"(?:https?:)?//[A-Za-z0-9.\-]+\.[A-Za-z]{2,}[^\s'""<>)]*", RegexOptions.None, 1000)]
    private static partial Regex Url();

    [GeneratedRegex(@"href\s*=\s*(""[^""]*""|'[^']*')", RegexOptions.IgnoreCase, 1000)]
    private static partial Regex HrefAttribute();

    /// <summary>The decoded strings of a script (or an <c>on…</c> attribute, or a <c>javascript:</c> URL), and how each was hidden.</summary>
    public static IEnumerable<(string Text, string How)> Decoded(string script)
    {
        var joined = Concatenation().Replace(script, "");
        if (joined != script)
        {
            yield return (joined, "disusun dari potongan teks");
        }
        foreach (Match m in Base64Literal().Matches(script))
        {
            if (TryBase64(m.Groups[1].Value) is { } text)
            {
                yield return (text, "disandikan base64");
            }
        }
        foreach (Match m in CharCodes().Matches(script))
        {
            var chars = m.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(n => int.TryParse(n, out var c) && c is > 0 and < 0x10000 ? (char)c : '\0');
            yield return (new string([.. chars]), "disusun dari kode karakter");
        }
    }

    /// <summary>URLs inside a decoded string.</summary>
    public static IEnumerable<string> Urls(string text) => Url().Matches(text).Select(m => m.Value);

    /// <summary>Hrefs in the raw markup written with three or more character references (&amp;#104;&amp;#116;…), decoded.</summary>
    public static IEnumerable<string> EntityEncodedHrefs(string html)
    {
        foreach (Match m in HrefAttribute().Matches(html))
        {
            var raw = m.Groups[1].Value[1..^1];
            if (Regex.Count(raw, "&#", RegexOptions.None, TimeSpan.FromSeconds(1)) >= 3)
            {
                yield return WebUtility.HtmlDecode(raw);
            }
        }
    }

    private static string? TryBase64(string value)
    {
        var padded = value.Length % 4 == 0 ? value : value + new string('=', 4 - (value.Length % 4));
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(padded));
            // Only text worth reading: a URL or words, not random bytes.
            return text.All(c => !char.IsControl(c) || c is '\n' or '\r' or '\t') && text.Any(char.IsLetter) ? text : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
