using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace SatuPintu.Search.Analysis;

/// <summary>
/// A term and where it came from in the text; <see cref="Surface"/> is the lower-cased word as written.
/// <see cref="Position"/> counts the text's own words; an acronym expansion starts at the position of the
/// first word it stands for and runs on from there, so it neither moves the words after it (a quoted
/// phrase still finds "ktp elektronik" in a text that also carries its expansions) nor loses its own order.
/// </summary>
public readonly record struct AnalyzedToken(string Term, string Surface, int Start, int End, bool Expansion, int Position = 0);

/// <summary>A query-side acronym: where the query's terms hold <see cref="Terms"/> in a row, any of <see cref="Others"/> matches too.</summary>
public sealed record QueryAlternative(string[] Terms, string[][] Others);

/// <summary>
/// The one analysis both backends index and query with: words (with "anak-anak", "KTP-el" and
/// "2.500" kept whole), lower case, stop words out, proper names kept, the rest stemmed, and at
/// index time the acronym groups matched both ways (a text saying "KTP" also carries "kartu tanda
/// duduk", a text saying "kartu tanda penduduk" also carries "ktp").
/// </summary>
public sealed class TextAnalyzer
{
    private const int StemCacheLimit = 200_000;
    private readonly EcsStemmer _stemmer;
    private readonly FrozenSet<string> _stopWords;
    private readonly ConcurrentDictionary<string, string> _stems = new(StringComparer.Ordinal);
    private volatile AcronymSet _acronyms = AcronymSet.Empty;
    private volatile FrozenSet<string> _protected;

    /// <summary>
    /// The acronym groups as terms: <see cref="Groups"/> for index-time expansion (longest phrase first),
    /// <see cref="Words"/> the one-word forms kept whole, <see cref="Query"/> the groups expanded in queries.
    /// Swapped whole, so a search never sees half a list.
    /// </summary>
    private sealed record AcronymSet((string[] Terms, string[][] Others)[] Groups, FrozenSet<string> Words, QueryAlternative[] Query, FrozenSet<string> QueryTerms)
    {
        public static readonly AcronymSet Empty = new([], FrozenSet<string>.Empty, [], FrozenSet<string>.Empty);
    }

    public TextAnalyzer() : this(WordLists.Roots, WordLists.StopWords, WordLists.ProtectedNames, WordLists.Acronyms())
    {
    }

    public TextAnalyzer(IReadOnlySet<string> roots, FrozenSet<string> stopWords, IEnumerable<string> protectedNames, IReadOnlyList<string[]> acronyms)
    {
        _stemmer = new EcsStemmer(roots);
        _stopWords = stopWords;
        _protected = protectedNames.ToFrozenSet(StringComparer.Ordinal);
        SetAcronyms(acronyms, []);
    }

    /// <summary>
    /// Replaces the acronym list: <paramref name="acronyms"/> expand at index time, <paramref name="queryExpanded"/>
    /// (the admins' own groups, which text indexed earlier does not carry yet) also in queries.
    /// </summary>
    public void SetAcronyms(IReadOnlyList<string[]> acronyms, IReadOnlyList<string[]> queryExpanded)
    {
        // Phrases are analyzed with the new list's one-word forms only (never the list held before), so
        // "ktp-el" in the list gives the term a text saying "KTP-el" gets, whatever was there earlier.
        var words = acronyms.SelectMany(g => g).Where(p => !p.Contains(' ', StringComparison.Ordinal)).ToFrozenSet(StringComparer.Ordinal);
        var phraseSet = AcronymSet.Empty with { Words = words };
        string[][] Phrases(string[] group) =>
            group.Select(p => Analyze(p, false, phraseSet).Select(t => t.Term).ToArray()).Where(p => p.Length > 0).ToArray();
        // One group per phrase: a phrase named on several lines ("ktp elektronik" stands for both "ktp-el"
        // and "e-ktp") carries the other phrases of all of them.
        var byPhrase = new Dictionary<string, (string[] Terms, List<string[]> Others)>(StringComparer.Ordinal);
        foreach (var phrases in acronyms.Select(Phrases))
        {
            foreach (var phrase in phrases)
            {
                var key = string.Join(' ', phrase);
                var group = byPhrase.TryGetValue(key, out var g) ? g : byPhrase[key] = (phrase, []);
                foreach (var other in phrases.Where(o => !o.SequenceEqual(phrase) && !group.Others.Any(x => x.SequenceEqual(o))))
                {
                    group.Others.Add(other);
                }
            }
        }
        var groups = byPhrase.Values.Select(g => (g.Terms, g.Others.ToArray())).ToList();
        var query = new List<QueryAlternative>();
        foreach (var phrases in queryExpanded.Select(Phrases))
        {
            query.AddRange(phrases.Select(phrase => new QueryAlternative(phrase, phrases.Where(o => !o.SequenceEqual(phrase)).ToArray())));
        }
        _acronyms = new AcronymSet(
            groups.OrderByDescending(g => g.Item1.Length).ToArray(),
            words,
            query.OrderByDescending(q => q.Terms.Length).ToArray(),
            query.SelectMany(q => q.Terms).ToFrozenSet(StringComparer.Ordinal));
    }

    /// <summary>The groups a query expands: a run of query terms equal to one phrase also matches the group's other phrases.</summary>
    public IReadOnlyList<QueryAlternative> QueryAlternatives => _acronyms.Query;

    /// <summary>Whether a term is part of a query-expanded group (never "corrected" as a typo).</summary>
    public bool IsQueryAcronym(string term) => _acronyms.QueryTerms.Contains(term);

    /// <summary>Names from the directory (OPD short names, heads) that must not be stemmed.</summary>
    public void Protect(IEnumerable<string> names)
    {
        var words = names.SelectMany(n => Words(n)).Select(w => w.Word).Where(w => w.Length > 2);
        _protected = _protected.Concat(words).ToFrozenSet(StringComparer.Ordinal);
        _stems.Clear();
    }

    public string Stem(string word)
    {
        if (_protected.Contains(word))
        {
            return word;
        }
        if (_stems.TryGetValue(word, out var stem))
        {
            return stem;
        }
        stem = _stemmer.StemForSearch(word);
        if (_stems.Count < StemCacheLimit)
        {
            _stems[word] = stem;
        }
        return stem;
    }

    public bool IsStopWord(string word) => _stopWords.Contains(word);

    /// <summary>The terms of <paramref name="text"/>; <paramref name="expand"/> adds the acronym groups (index time).</summary>
    public List<AnalyzedToken> Analyze(string? text, bool expand) => Analyze(text, expand, _acronyms);

    private List<AnalyzedToken> Analyze(string? text, bool expand, AcronymSet acronyms)
    {
        var tokens = new List<AnalyzedToken>();
        if (string.IsNullOrEmpty(text))
        {
            return tokens;
        }
        foreach (var (word, start, end) in Words(text))
        {
            if (word.Contains('-', StringComparison.Ordinal) && !acronyms.Words.Contains(word))
            {
                var stem = Stem(word);
                if (stem != word || _protected.Contains(word))
                {
                    tokens.Add(new AnalyzedToken(stem, word, start, end, false));
                    continue;
                }
                // "KTP-el" style compounds are two words; an acronym group may still name the whole.
                var offset = start;
                foreach (var part in word.Split('-', StringSplitOptions.RemoveEmptyEntries))
                {
                    var at = text.IndexOf(part, offset, StringComparison.OrdinalIgnoreCase);
                    at = at < 0 ? offset : at;
                    AddWord(tokens, part, at, at + part.Length, acronyms);
                    offset = at + part.Length;
                }
                continue;
            }
            AddWord(tokens, word, start, end, acronyms);
        }
        for (var i = 0; i < tokens.Count; i++)
        {
            tokens[i] = tokens[i] with { Position = i };
        }
        return expand ? Expand(tokens, acronyms.Groups) : tokens;
    }

    private void AddWord(List<AnalyzedToken> tokens, string word, int start, int end, AcronymSet acronyms)
    {
        if (_stopWords.Contains(word) && !acronyms.Words.Contains(word))
        {
            return;
        }
        var term = char.IsAsciiDigit(word[0]) ? word : Stem(word);
        tokens.Add(new AnalyzedToken(term, word, start, end, false));
    }

    /// <summary>
    /// After each word, the other phrases of every group whose phrase ends there (a text saying "dinas
    /// kependudukan dan pencatatan sipil" is "disdukcapil" and, by its last four words, "dukcapil" too),
    /// each phrase once, placed from the first word matched (see <see cref="AnalyzedToken.Position"/>).
    /// </summary>
    private static List<AnalyzedToken> Expand(List<AnalyzedToken> tokens, (string[] Terms, string[][] Others)[] groups)
    {
        if (groups.Length == 0)
        {
            return tokens;
        }
        var result = new List<AnalyzedToken>(tokens.Count + 8);
        var added = new HashSet<(int, string)>();
        for (var i = 0; i < tokens.Count; i++)
        {
            result.Add(tokens[i]);
            foreach (var (terms, others) in groups)
            {
                if (!EndsHere(tokens, i, terms))
                {
                    continue;
                }
                var first = tokens[i - terms.Length + 1];
                foreach (var other in others)
                {
                    if (!added.Add((first.Position, string.Join(' ', other))))
                    {
                        continue;
                    }
                    for (var k = 0; k < other.Length; k++)
                    {
                        result.Add(new AnalyzedToken(other[k], other[k], first.Start, tokens[i].End, true, first.Position + k));
                    }
                }
            }
        }
        return result;
    }

    private static bool EndsHere(List<AnalyzedToken> tokens, int i, string[] terms)
    {
        if (i + 1 < terms.Length)
        {
            return false;
        }
        for (var k = 0; k < terms.Length; k++)
        {
            if (tokens[i - terms.Length + 1 + k].Term != terms[k])
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Lower-cased words with offsets: letters and digits, joined by an inner hyphen or (between digits) a dot or comma.</summary>
    public static IEnumerable<(string Word, int Start, int End)> Words(string text)
    {
        var sb = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            sb.Clear();
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsLetterOrDigit(c))
                {
                    sb.Append(char.ToLowerInvariant(c));
                    i++;
                }
                else if (c == '-' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]) && sb.Length > 0)
                {
                    sb.Append('-');
                    i++;
                }
                else if (c is '.' or ',' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]) && sb.Length > 0 && char.IsAsciiDigit(sb[^1]))
                {
                    i++;
                }
                else
                {
                    break;
                }
            }
            if (sb.Length <= 64)
            {
                yield return (Fold(sb.ToString()), start, i);
            }
        }
    }

    /// <summary>Diacritics off ("é" → "e"), so a loan word typed without them still matches.</summary>
    private static string Fold(string word)
    {
        if (word.All(char.IsAscii))
        {
            return word;
        }
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c);
            }
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
