using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace SatuPintu.Search.Analysis;

/// <summary>A term and where it came from in the text; <see cref="Surface"/> is the lower-cased word as written.</summary>
public readonly record struct AnalyzedToken(string Term, string Surface, int Start, int End, bool Expansion);

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
    private readonly (string[] Terms, string[] Others)[] _groups = [];
    private readonly FrozenSet<string> _groupWords = FrozenSet<string>.Empty;
    private volatile FrozenSet<string> _protected;

    public TextAnalyzer() : this(WordLists.Roots, WordLists.StopWords, WordLists.ProtectedNames, WordLists.Acronyms())
    {
    }

    public TextAnalyzer(IReadOnlySet<string> roots, FrozenSet<string> stopWords, IEnumerable<string> protectedNames, IReadOnlyList<string[]> acronyms)
    {
        _stemmer = new EcsStemmer(roots);
        _stopWords = stopWords;
        _protected = protectedNames.ToFrozenSet(StringComparer.Ordinal);
        var groups = new List<(string[], string[])>();
        foreach (var group in acronyms)
        {
            var phrases = group.Select(p => Analyze(p, false).Select(t => t.Term).ToArray()).Where(p => p.Length > 0).ToArray();
            foreach (var phrase in phrases)
            {
                var others = phrases.Where(o => !o.SequenceEqual(phrase)).SelectMany(o => o).Distinct().ToArray();
                groups.Add((phrase, others));
            }
        }
        // Longest phrases first, so "ktp-el" wins over "ktp".
        _groups = groups.OrderByDescending(g => g.Item1.Length).ToArray();
        _groupWords = acronyms.SelectMany(g => g).Where(p => !p.Contains(' ', StringComparison.Ordinal)).ToFrozenSet(StringComparer.Ordinal);
    }

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
    public List<AnalyzedToken> Analyze(string? text, bool expand)
    {
        var tokens = new List<AnalyzedToken>();
        if (string.IsNullOrEmpty(text))
        {
            return tokens;
        }
        foreach (var (word, start, end) in Words(text))
        {
            if (word.Contains('-', StringComparison.Ordinal) && !IsGroupPhrase(word))
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
                    AddWord(tokens, part, at, at + part.Length);
                    offset = at + part.Length;
                }
                continue;
            }
            AddWord(tokens, word, start, end);
        }
        return expand ? Expand(tokens) : tokens;
    }

    private bool IsGroupPhrase(string word) => _groupWords.Contains(word);

    private void AddWord(List<AnalyzedToken> tokens, string word, int start, int end)
    {
        if (_stopWords.Contains(word) && !IsGroupPhrase(word))
        {
            return;
        }
        var term = char.IsAsciiDigit(word[0]) ? word : Stem(word);
        tokens.Add(new AnalyzedToken(term, word, start, end, false));
    }

    private List<AnalyzedToken> Expand(List<AnalyzedToken> tokens)
    {
        if (_groups.Length == 0)
        {
            return tokens;
        }
        var result = new List<AnalyzedToken>(tokens.Count + 8);
        for (var i = 0; i < tokens.Count; i++)
        {
            result.Add(tokens[i]);
            foreach (var (terms, others) in _groups)
            {
                if (!EndsHere(tokens, i, terms))
                {
                    continue;
                }
                var first = tokens[i - terms.Length + 1];
                foreach (var other in others)
                {
                    result.Add(new AnalyzedToken(other, other, first.Start, tokens[i].End, true));
                }
                break;
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
