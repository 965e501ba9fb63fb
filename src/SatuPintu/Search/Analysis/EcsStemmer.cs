namespace SatuPintu.Search.Analysis;

/// <summary>
/// Indonesian stemmer of the Nazief–Adriani family with the Enhanced Confix Stripping rules
/// (Arifin, Mahendra and Ciptaningtyas 2009; the disambiguation table as Sastrawi numbers it).
/// A word is only cut down to something the root list holds: a word it cannot explain (a name such
/// as "Kepahiang", a foreign word) comes back whole, which is what keeps it from over-stemming
/// ("pemerintahan" → "perintah", never "erintah").
/// </summary>
public sealed class EcsStemmer(IReadOnlySet<string> roots)
{
    private static readonly string[] Particles = ["lah", "kah", "tah", "pun"];
    private static readonly string[] Possessives = ["nya", "ku", "mu"];

    public string Stem(string word)
    {
        if (word.Length <= 3 || roots.Contains(word))
        {
            return word;
        }
        var dash = word.IndexOf('-', StringComparison.Ordinal);
        return dash > 0 && dash < word.Length - 1 ? StemPlural(word, dash) : StemSingular(word);
    }

    private string StemPlural(string word, int dash)
    {
        var first = word[..dash];
        var second = word[(dash + 1)..];
        // "kuasa-Mu", "allah-lah", "malaikat-malaikat-Nya": a clitic written after a hyphen.
        if (Particles.Contains(second) || Possessives.Contains(second))
        {
            return Stem(first);
        }
        var lastDash = second.LastIndexOf('-');
        if (lastDash > 0 && (Particles.Contains(second[(lastDash + 1)..]) || Possessives.Contains(second[(lastDash + 1)..])))
        {
            second = second[..lastDash];
        }
        // "malaikat-malaikatnya", "buku-bukunya": the clitic belongs to the whole word.
        var r1 = StemSingular(first);
        var r2 = StemSingular(second);
        if (!roots.Contains(second) && r2 == second)
        {
            // "meniru-nirukan": the second half drops the prefix the first half carries.
            r2 = StemSingular("me" + second);
        }
        return r1 == r2 ? r1 : word;
    }

    private string StemSingular(string word)
    {
        if (word.Length <= 3 || roots.Contains(word))
        {
            return word;
        }
        // Confixes whose prefix must come off before the suffix (be-lah, me-i, di-i, pe-i, te-i).
        if (PrefixFirst(word) && TryPrefixes(word, 0) is { } early && roots.Contains(early))
        {
            return early;
        }
        // Inflectional then derivational suffixes, each checked against the roots.
        var stages = new List<(string Word, string? Derivational)> { (word, null) };
        var w = word;
        if (StripOne(w, Particles) is { } p)
        {
            w = p;
            stages.Add((w, null));
            if (roots.Contains(w))
            {
                return w;
            }
        }
        if (StripOne(w, Possessives) is { } q)
        {
            w = q;
            stages.Add((w, null));
            if (roots.Contains(w))
            {
                return w;
            }
        }
        // Loan-word suffixes ("idealisme", "finalisasi"), only when a root is left.
        foreach (var loan in new[] { "isasi", "isme", "is" })
        {
            if (w.EndsWith(loan, StringComparison.Ordinal) && roots.Contains(w[..^loan.Length]))
            {
                return w[..^loan.Length];
            }
        }
        foreach (var suffix in new[] { "kan", "an", "i" })
        {
            if (w.EndsWith(suffix, StringComparison.Ordinal) && w.Length - suffix.Length >= 2)
            {
                var s = w[..^suffix.Length];
                if (roots.Contains(s))
                {
                    return s;
                }
                if (suffix == "kan" && roots.Contains(s + "k"))
                {
                    return s + "k"; // "bisikan" is bisik + -an
                }
                stages.Add((s, suffix));
                break;
            }
        }
        // Prefixes on the most stripped form first, then with suffixes given back (ECS "loop pengembalian akhiran").
        for (var i = stages.Count - 1; i >= 0; i--)
        {
            var (candidate, derivational) = stages[i];
            if (TryPrefixes(candidate, 0, derivational) is { } root)
            {
                return root;
            }
            if (derivational == "kan" && TryPrefixes(candidate + "k", 0, "an") is { } rootK)
            {
                return rootK;
            }
        }
        return word;
    }

    /// <summary>
    /// For search: like <see cref="Stem"/>, but a word the roots cannot explain still loses its
    /// clitics ("albumnya" → "album"), which can never turn one word into another.
    /// </summary>
    public string StemForSearch(string word)
    {
        var stem = Stem(word);
        if (stem != word || word.Contains('-', StringComparison.Ordinal))
        {
            return stem;
        }
        var w = StripOne(word, Particles) ?? word;
        w = StripOne(w, Possessives) is { Length: >= 4 } q && word.EndsWith("nya", StringComparison.Ordinal) ? q : w;
        return w;
    }

    private static bool PrefixFirst(string w) =>
        (w.StartsWith("be", StringComparison.Ordinal) && (w.EndsWith("lah", StringComparison.Ordinal) || w.EndsWith("an", StringComparison.Ordinal)))
        || ((w.StartsWith("me", StringComparison.Ordinal) || w.StartsWith("di", StringComparison.Ordinal) || w.StartsWith("pe", StringComparison.Ordinal) || w.StartsWith("te", StringComparison.Ordinal))
            && w.EndsWith('i'));

    private static string? StripOne(string w, string[] suffixes)
    {
        foreach (var s in suffixes)
        {
            if (w.EndsWith(s, StringComparison.Ordinal) && w.Length - s.Length >= 3)
            {
                return w[..^s.Length];
            }
        }
        return null;
    }

    /// <summary>Up to three prefixes, depth first over the disambiguation choices; the first root reached.</summary>
    private string? TryPrefixes(string w, int depth, string? derivational = null)
    {
        if (depth >= 3 || w.Length < 4)
        {
            return null;
        }
        foreach (var (prefix, rest) in Prefixes.Candidates(w))
        {
            if (depth == 0 && derivational is not null && Prefixes.Forbidden(prefix, derivational))
            {
                continue;
            }
            if (rest.Length < 2)
            {
                continue;
            }
            if (roots.Contains(rest))
            {
                return rest;
            }
            if (TryPrefixes(rest, depth + 1) is { } deeper)
            {
                return deeper;
            }
        }
        return null;
    }
}
