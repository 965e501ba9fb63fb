using System.Globalization;
using System.Text;
using SatuPintu.Search.Analysis;

namespace SatuPintu.Search.Postgres;

/// <summary>
/// Our analyzer's terms written as PostgreSQL tsvector and tsquery text, so PostgreSQL indexes and
/// matches exactly what Lucene does; no PostgreSQL text search configuration ever analyzes a word.
/// Title terms carry weight A, body terms D; the body's positions start after a gap so a phrase
/// never runs from the title into the body.
/// </summary>
internal static class TsText
{
    private const int MaxPosition = 16383;
    private const int MaxPositionsPerLexeme = 256;
    private const int BodyGap = 100;

    public static string Quote(string lexeme) => "'" + lexeme.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>The terms vector: stems and acronym expansions of title (A) and body (D), with positions.</summary>
    public static string Terms(IReadOnlyList<AnalyzedToken> title, IReadOnlyList<AnalyzedToken> body)
    {
        var positions = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        var at = Add(positions, title, 0, "A");
        Add(positions, body, at + BodyGap, "");
        return Write(positions);
    }

    /// <summary>The surface words as written (no expansions), for the exact-form boost; no positions.</summary>
    public static string Words(IReadOnlyList<AnalyzedToken> title, IReadOnlyList<AnalyzedToken> body) =>
        string.Join(' ', title.Concat(body).Where(t => !t.Expansion).Select(t => t.Surface).Distinct(StringComparer.Ordinal).Select(Quote));

    /// <summary>Every token at its own position (expansions at the words they stand for), as Lucene's token stream gives them.</summary>
    private static int Add(SortedDictionary<string, List<string>> positions, IReadOnlyList<AnalyzedToken> tokens, int start, string weight)
    {
        var last = start;
        foreach (var t in tokens)
        {
            var position = start + t.Position + 1;
            last = Math.Max(last, position);
            var list = positions.TryGetValue(t.Term, out var l) ? l : positions[t.Term] = [];
            if (list.Count < MaxPositionsPerLexeme)
            {
                list.Add(Math.Min(position, MaxPosition).ToString(CultureInfo.InvariantCulture) + weight);
            }
        }
        return last;
    }

    private static string Write(SortedDictionary<string, List<string>> positions)
    {
        var sb = new StringBuilder();
        foreach (var (lexeme, list) in positions)
        {
            sb.Append(Quote(lexeme)).Append(':').AppendJoin(',', list.Distinct()).Append(' ');
        }
        return sb.ToString();
    }

    /// <summary>
    /// A phrase as a tsquery: the terms next to one another, or with one word between any two of
    /// them (Lucene's slop 1, since stop words are not indexed).
    /// </summary>
    public static string Phrase(string[] terms)
    {
        if (terms.Length == 1)
        {
            return Quote(terms[0]);
        }
        var options = new List<string> { string.Join(" <-> ", terms.Select(Quote)) };
        for (var gap = 0; gap < terms.Length - 1; gap++)
        {
            var sb = new StringBuilder(Quote(terms[0]));
            for (var i = 1; i < terms.Length; i++)
            {
                sb.Append(i - 1 == gap ? " <2> " : " <-> ").Append(Quote(terms[i]));
            }
            options.Add(sb.ToString());
        }
        return "(" + string.Join(" | ", options.Select(o => "(" + o + ")")) + ")";
    }
}
