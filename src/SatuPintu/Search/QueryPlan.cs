using SatuPintu.Search.Analysis;

namespace SatuPintu.Search;

/// <summary>
/// A query in index terms, the same for both backends: each word analyzed like the text, phrases
/// as term sequences, and a word the index has never seen replaced by its nearest indexed spelling
/// (edit distance 1, or 2 for words of six letters or more), which is also what "Mungkin maksud
/// Anda" shows.
/// </summary>
public sealed record QueryPlan(IReadOnlyList<string> Terms, IReadOnlyList<string[]> Phrases, string? Correction)
{
    /// <summary>Each term's word forms as typed (or as corrected), for the exact-form boost.</summary>
    public IReadOnlyDictionary<string, string[]> Surfaces { get; init; } = new Dictionary<string, string[]>();

    /// <summary>Per term, the term sequences that also count as it: the admins' acronym groups, expanded in the query.</summary>
    public IReadOnlyDictionary<string, string[][]> Alternates { get; init; } = new Dictionary<string, string[][]>();

    public bool IsEmpty => Terms.Count == 0 && Phrases.Count == 0;

    public IEnumerable<string> AllTerms => Terms.Concat(Phrases.SelectMany(p => p)).Distinct();

    /// <param name="known">Whether a term is in the index.</param>
    /// <param name="nearest">The closest indexed surface word to a typed word, or null.</param>
    public static QueryPlan Make(QueryText query, TextAnalyzer analyzer, Func<string, bool> known, Func<string, int, string?> nearest)
    {
        var terms = new List<string>();
        var surfaces = new List<(string Term, string Surface)>();
        var corrected = false;
        var shown = new List<string>();
        foreach (var word in query.Words)
        {
            var tokens = analyzer.Analyze(word, false);
            var replacement = word;
            foreach (var t in tokens)
            {
                if (known(t.Term) || char.IsAsciiDigit(t.Surface[0]) || analyzer.IsQueryAcronym(t.Term))
                {
                    terms.Add(t.Term);
                    surfaces.Add((t.Term, t.Surface));
                    continue;
                }
                var near = t.Surface.Length >= 4 ? nearest(t.Surface, t.Surface.Length >= 6 ? 2 : 1) : null;
                if (near is null)
                {
                    terms.Add(t.Term);
                    continue;
                }
                corrected = true;
                replacement = replacement.Replace(t.Surface, near, StringComparison.OrdinalIgnoreCase);
                foreach (var n in analyzer.Analyze(near, false))
                {
                    terms.Add(n.Term);
                    surfaces.Add((n.Term, n.Surface));
                }
            }
            shown.Add(replacement);
        }
        var phrases = query.Phrases.Select(p => analyzer.Analyze(p, false).Select(t => t.Term).ToArray()).Where(p => p.Length > 0).ToList();
        string? correction = null;
        if (corrected)
        {
            correction = string.Join(' ', query.Phrases.Select(p => $"\"{p}\"").Concat(shown));
        }
        return new QueryPlan(terms.Distinct().ToList(), phrases, correction)
        {
            Surfaces = surfaces.GroupBy(s => s.Term).ToDictionary(g => g.Key, g => g.Select(s => s.Surface).Distinct().ToArray()),
            Alternates = AlternatesOf(terms, analyzer.QueryAlternatives),
        };
    }

    /// <summary>
    /// Each run of terms that is one phrase of a group lends every term of the run the group's other
    /// phrases: "sktm" also matches "surat keterangan tidak mampu", and each of those three words also
    /// matches "sktm", so a text with either form holds every query word.
    /// </summary>
    private static Dictionary<string, string[][]> AlternatesOf(List<string> terms, IReadOnlyList<QueryAlternative> groups)
    {
        var result = new Dictionary<string, List<string[]>>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            for (var i = 0; i + group.Terms.Length <= terms.Count; i++)
            {
                if (!group.Terms.AsSpan().SequenceEqual(terms.GetRange(i, group.Terms.Length).ToArray()))
                {
                    continue;
                }
                foreach (var term in group.Terms)
                {
                    var list = result.TryGetValue(term, out var l) ? l : result[term] = [];
                    list.AddRange(group.Others.Where(o => !list.Any(x => x.SequenceEqual(o))));
                }
            }
        }
        return result.ToDictionary(r => r.Key, r => r.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>
    /// Edit distance with adjacent transpositions counted as one edit (optimal string alignment),
    /// since swapped letters are the commonest typo; max + 1 as soon as it must exceed <paramref name="max"/>.
    /// </summary>
    public static int Distance(string a, string b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }
        var before = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], before[j - 2] + 1);
                }
                rowMin = Math.Min(rowMin, current[j]);
            }
            if (rowMin > max)
            {
                return max + 1;
            }
            (before, previous, current) = (previous, current, before);
        }
        return previous[b.Length];
    }
}
