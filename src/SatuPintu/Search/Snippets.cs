using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;
using SatuPintu.Search.Analysis;

namespace SatuPintu.Search;

/// <summary>
/// A short piece of the text around the densest run of matched words, HTML-encoded, with the
/// matched words in &lt;mark&gt;. Built from our analyzer's offsets, so both backends highlight alike
/// and no stored markup ever reaches the page.
/// </summary>
public static partial class Snippets
{
    public const int Length = 220;

    public static IHtmlContent Make(TextAnalyzer analyzer, string text, IReadOnlyCollection<string> terms)
    {
        if (string.IsNullOrEmpty(text))
        {
            return HtmlString.Empty;
        }
        var wanted = terms.ToHashSet(StringComparer.Ordinal);
        var slice = text.Length > 20_000 ? text[..20_000] : text;
        var matches = analyzer.Analyze(slice, true).Where(t => wanted.Contains(t.Term)).Select(t => (t.Start, t.End)).Distinct().OrderBy(m => m.Start).ToList();
        var start = 0;
        if (matches.Count > 0)
        {
            var best = 0;
            var bestCount = 0;
            for (var i = 0; i < matches.Count; i++)
            {
                var count = matches.Skip(i).TakeWhile(m => m.End - matches[i].Start <= Length).Count();
                if (count > bestCount)
                {
                    (best, bestCount) = (i, count);
                }
            }
            start = Math.Max(0, matches[best].Start - 40);
            while (start > 0 && !char.IsWhiteSpace(slice[start - 1]))
            {
                start--;
            }
        }
        var end = Math.Min(slice.Length, start + Length);
        while (end < slice.Length && end < start + Length + 20 && !char.IsWhiteSpace(slice[end]))
        {
            end++;
        }
        var sb = new StringBuilder();
        if (start > 0)
        {
            sb.Append("… ");
        }
        var at = start;
        foreach (var (s, e) in matches.Where(m => m.Start >= start && m.End <= end))
        {
            if (s < at)
            {
                continue;
            }
            sb.Append(Encode(slice[at..s])).Append("<mark>").Append(Encode(slice[s..e])).Append("</mark>");
            at = e;
        }
        sb.Append(Encode(slice[at..end]));
        if (end < slice.Length)
        {
            sb.Append(" …");
        }
        return new HtmlString(sb.ToString());
    }

    /// <summary>The plain-text form for the API: no markup at all.</summary>
    public static string Plain(IHtmlContent snippet) =>
        WebUtility.HtmlDecode(snippet.ToString()!.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal));

    private static string Encode(string s) => WebUtility.HtmlEncode(Whitespace().Replace(s, " "));

    [System.Text.RegularExpressions.GeneratedRegex(@"\s+")]
    private static partial System.Text.RegularExpressions.Regex Whitespace();
}
