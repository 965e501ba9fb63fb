namespace SatuPintu.Search.Analysis;

/// <summary>
/// The ECS prefix disambiguation rules: for a word, the (prefix, remainder) readings in the order
/// the rules try them. Numbers in comments are the rule numbers of the published table.
/// </summary>
internal static class Prefixes
{
    private static bool Vowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';
    private static bool Consonant(char c) => char.IsAsciiLetterLower(c) && !Vowel(c);
    private static char At(string w, int i) => i < w.Length ? w[i] : '\0';

    /// <summary>Confixes the language does not form (be-i, di-an, ke-i, ke-kan, me-an, se-i, se-kan, te-an).</summary>
    public static bool Forbidden(string prefix, string suffix) => (prefix[..Math.Min(2, prefix.Length)], suffix) switch
    {
        ("be", "i") or ("di", "an") or ("ke", "i") or ("ke", "kan") or ("me", "an") or ("se", "i") or ("se", "kan") or ("te", "an") => true,
        _ => false,
    };

    public static IEnumerable<(string Prefix, string Remainder)> Candidates(string w)
    {
        foreach (var plain in new[] { "di", "ke", "se" })
        {
            if (w.StartsWith(plain, StringComparison.Ordinal))
            {
                yield return (plain, w[2..]);
            }
        }
        if (w.StartsWith("ku", StringComparison.Ordinal))
        {
            yield return ("ku", w[2..]); // 41
        }
        if (w.StartsWith("kau", StringComparison.Ordinal))
        {
            yield return ("kau", w[3..]); // 42
        }
        if (w.StartsWith("be", StringComparison.Ordinal))
        {
            foreach (var c in Be(w))
            {
                yield return c;
            }
        }
        if (w.StartsWith("te", StringComparison.Ordinal))
        {
            foreach (var c in Te(w))
            {
                yield return c;
            }
        }
        if (w.StartsWith("me", StringComparison.Ordinal))
        {
            foreach (var c in Nasal(w, "me"))
            {
                yield return c;
            }
        }
        if (w.StartsWith("pe", StringComparison.Ordinal))
        {
            foreach (var c in Pe(w))
            {
                yield return c;
            }
        }
        // 37–40: the infixes -er-, -el-, -em-, -in- ("gerigi" → "gigi", "telunjuk" → "tunjuk").
        if (w.Length > 4 && Consonant(w[0]) && w.Substring(1, 2) is "er" or "el" or "em" or "in" && Vowel(w[3]))
        {
            yield return ("", w[0] + w[3..]);
        }
    }

    private static IEnumerable<(string, string)> Be(string w)
    {
        if (w == "belajar" || w.StartsWith("belajar", StringComparison.Ordinal))
        {
            yield return ("bel", w[3..]); // 4
        }
        if (At(w, 2) == 'r')
        {
            if (Vowel(At(w, 3)))
            {
                yield return ("ber", w[3..]); // 1a
                yield return ("be", w[2..]); // 1b
            }
            else if (Consonant(At(w, 3)) && At(w, 3) != 'r')
            {
                yield return ("ber", w[3..]); // 2, 3
            }
        }
        else if (Consonant(At(w, 2)) && At(w, 3) == 'e' && At(w, 4) == 'r')
        {
            yield return ("be", w[2..]); // 5
        }
    }

    private static IEnumerable<(string, string)> Te(string w)
    {
        if (At(w, 2) == 'r')
        {
            if (Vowel(At(w, 3)))
            {
                yield return ("ter", w[3..]); // 6a
                yield return ("te", w[2..]); // 6b
            }
            else if (Consonant(At(w, 3)) && At(w, 3) != 'r')
            {
                yield return ("ter", w[3..]); // 7, 8
            }
        }
        else if (Consonant(At(w, 2)) && At(w, 3) == 'e' && At(w, 4) == 'r')
        {
            yield return ("te", w[2..]); // 9
        }
    }

    /// <summary>me- and the nasal forms of pe- (mem/men/meng/meny, pem/pen/peng/peny).</summary>
    private static IEnumerable<(string, string)> Nasal(string w, string p)
    {
        var n = p.Length;
        var c2 = At(w, n);
        if (c2 is 'l' or 'r' or 'w' or 'y' && Vowel(At(w, n + 1)))
        {
            yield return (p, w[n..]); // 10, 20
        }
        if (c2 == 'm')
        {
            var c3 = At(w, n + 1);
            if (c3 is 'b' or 'f' or 'v')
            {
                yield return (p + "m", w[(n + 1)..]); // 11, 25
            }
            else if (c3 == 'p' && At(w, n + 2) == 'e')
            {
                yield return (p + "m", w[(n + 1)..]); // 12: memper-
            }
            else if (c3 == 'p')
            {
                yield return (p + "m", w[(n + 1)..]); // 19
            }
            if (Vowel(c3) || (c3 == 'r' && Vowel(At(w, n + 2))))
            {
                yield return (p, "m" + w[(n + 1)..]); // 13a, 26a
                yield return (p, "p" + w[(n + 1)..]); // 13b, 26b
            }
        }
        if (c2 == 'n')
        {
            var c3 = At(w, n + 1);
            if (c3 is 'c' or 'd' or 'j' or 's' or 't' or 'z')
            {
                yield return (p + "n", w[(n + 1)..]); // 14, 27
            }
            else if (Vowel(c3))
            {
                yield return (p, "n" + w[(n + 1)..]); // 15a, 28a
                yield return (p, "t" + w[(n + 1)..]); // 15b, 28b
            }
            else if (c3 == 'g')
            {
                var c4 = At(w, n + 2);
                if (c4 is 'g' or 'h' or 'q' or 'k')
                {
                    yield return (p + "ng", w[(n + 2)..]); // 16, 29
                }
                else if (Vowel(c4))
                {
                    if (c4 == 'e' && w.Length > n + 3)
                    {
                        yield return (p + "nge", w[(n + 3)..]); // 17c, 30c
                    }
                    yield return (p + "ng", w[(n + 2)..]); // 17a, 30a
                    yield return (p + "ng", "k" + w[(n + 2)..]); // 17b, 30b
                    yield return (p, "ng" + w[(n + 2)..]); // 17d
                }
            }
            else if (c3 == 'y' && Vowel(At(w, n + 2)))
            {
                yield return (p + "ny", "s" + w[(n + 2)..]); // 18a, 31a
                yield return (p, "ny" + w[(n + 2)..]); // 18b, 31b
            }
        }
    }

    private static IEnumerable<(string, string)> Pe(string w)
    {
        if (w.StartsWith("pelajar", StringComparison.Ordinal))
        {
            yield return ("pel", w[3..]); // 32, exception
        }
        if (At(w, 2) == 'r')
        {
            if (Vowel(At(w, 3)))
            {
                yield return ("per", w[3..]); // 21a
                yield return ("pe", w[2..]); // 21b
            }
            else if (Consonant(At(w, 3)) && At(w, 3) != 'r')
            {
                yield return ("per", w[3..]); // 23, 24
            }
        }
        foreach (var c in Nasal(w, "pe"))
        {
            yield return c;
        }
        var c2 = At(w, 2);
        if (c2 == 'l' && Vowel(At(w, 3)))
        {
            yield return ("pe", w[2..]); // 32
        }
        if (Consonant(c2) && c2 is not ('r' or 'w' or 'y' or 'l' or 'm' or 'n'))
        {
            yield return ("pe", w[2..]); // 34, 35, 36
        }
    }
}
