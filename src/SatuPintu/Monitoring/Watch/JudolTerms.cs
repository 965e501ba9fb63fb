using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SatuPintu.Monitoring.Watch;

/// <summary>
/// The judol (online-gambling spam) vocabulary and how it is matched. <b>Strong</b> phrases are the
/// marketing slang of gambling sites ("slot gacor", "maxwin", "deposit pulsa"): a pemda page has no use
/// for them, so a few in visible text, or one in a link or hidden text, is a finding. <b>Weak</b> words
/// ("togel", "judi", "slot") also appear in honest news ("polisi ungkap judi online", "slot waktu
/// layanan"), so they count only in hidden text, in a hidden or foreign link's text, or in a link's domain.
/// </summary>
public sealed class JudolTerms
{
    /// <summary>The shipped list; admins add phrases and switch shipped ones off on /admin/pemantauan/situs.</summary>
    public static readonly string[] ShippedStrong =
    [
        "slot gacor", "situs gacor", "gacor hari ini", "pola gacor", "jam gacor", "link gacor", "maxwin", "max win",
        "rtp live", "rtp slot", "bocoran rtp", "info rtp", "deposit pulsa", "depo pulsa", "slot pulsa", "slot dana",
        "slot deposit", "slot online", "daftar slot", "agen slot", "link slot", "slot88", "slot777", "slot thailand",
        "slot demo", "scatter hitam", "mahjong ways", "gates of olympus", "sweet bonanza", "starlight princess",
        "pragmatic play", "bonus new member", "wd kilat", "toto macau", "togel hongkong", "togel sgp", "bandar slot",
    ];

    public static readonly string[] ShippedWeak =
    [
        "slot", "togel", "judi", "gacor", "jackpot", "casino", "kasino", "poker", "toto", "sbobet", "scatter", "mahjong",
        "judi online", "togel online", "bandar togel", "situs togel", "situs judi", "situs slot", "agen judi", "judi bola",
    ];

    /// <summary>Weak words that, inside a domain name, mark a gambling site ("slot88gacor.xyz", "togelhk.net").</summary>
    private static readonly string[] DomainWords = ["slot", "togel", "judi", "gacor", "casino", "kasino", "poker", "sbobet", "maxwin", "jackpot"];

    private readonly (string Phrase, Regex Plain)[] _strong;
    private readonly (string Phrase, Regex Plain)[] _weak;

    public JudolTerms(IEnumerable<string> strong, IEnumerable<string> weak)
    {
        _strong = [.. strong.Select(Normalise).Where(p => p.Length > 2).Distinct().Select(p => (p, Pattern(p)))];
        _weak = [.. weak.Select(Normalise).Where(p => p.Length > 2).Distinct().Select(p => (p, Pattern(p)))];
    }

    public static JudolTerms Shipped { get; } = new(ShippedStrong, ShippedWeak);

    public IEnumerable<string> StrongPhrases => _strong.Select(s => s.Phrase);

    /// <summary>Strong phrases in <paramref name="text"/> (already normalised), with where each was found.</summary>
    public IEnumerable<(string Phrase, int Index)> Strong(string text)
    {
        // "slot gacor" also matches "slot-gacor" and "slotgacor": the words may be joined by nothing.
        foreach (var (phrase, plain) in _strong)
        {
            foreach (Match m in plain.Matches(text))
            {
                yield return (phrase, m.Index);
            }
        }
    }

    /// <summary>Strong phrases that only appear once the text is de-obfuscated (s l o t g a c o r, sl0t g4c0r).</summary>
    public IEnumerable<string> Obfuscated(string text)
    {
        var plain = Strong(text).Select(h => h.Phrase).ToHashSet();
        var clear = Deobfuscate(text);
        return clear == text ? [] : Strong(clear).Select(h => h.Phrase).Distinct().Where(p => !plain.Contains(p));
    }

    public string? AnyWeakOrStrong(string text) =>
        Strong(text).Select(h => h.Phrase).FirstOrDefault() ?? _weak.FirstOrDefault(w => w.Plain.IsMatch(text)).Phrase;

    public static string? DomainWord(string host) => DomainWords.FirstOrDefault(w => host.Contains(w, StringComparison.Ordinal));

    /// <summary>
    /// Lower case, NFKC, without zero-width characters and soft hyphens, Cyrillic look-alikes mapped to
    /// Latin, whitespace collapsed: what injected spam uses to slip past a plain search.
    /// </summary>
    public static string Normalise(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u00AD')
            {
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space)
            {
                sb.Append(' ');
                space = false;
            }
            sb.Append(c switch
            {
                'а' or 'А' => 'a', 'о' or 'О' => 'o', 'е' or 'Е' => 'e', 'с' or 'С' => 'c', 'р' or 'Р' => 'p',
                'х' or 'Х' => 'x', 'і' or 'І' => 'i', 'ѕ' or 'Ѕ' => 's', 'т' or 'Т' => 't', 'у' => 'y',
                _ => char.ToLower(c, CultureInfo.InvariantCulture),
            });
        }
        return sb.ToString();
    }

    private static readonly Regex SpacedLetters = new(@"(?<![\p{L}\p{N}])(?:[\p{L}\p{N}][\s.\-_*|]){3,}[\p{L}\p{N}](?![\p{L}\p{N}])", RegexOptions.Compiled, TimeSpan.FromSeconds(1));
    private static readonly Regex LeetWord = new(@"(?<![\p{L}\p{N}])(?=[\p{L}013457]*\p{L})(?=[\p{L}]*[013457])[\p{L}013457]{3,}(?![\p{L}\p{N}])", RegexOptions.Compiled, TimeSpan.FromSeconds(1));

    /// <summary>Letters spaced out are joined, digits standing for letters in a word are read as letters.</summary>
    public static string Deobfuscate(string text)
    {
        var joined = SpacedLetters.Replace(text, m => Squeeze(m.Value));
        return LeetWord.Replace(joined, m => Leet(m.Value));
    }

    private static string Leet(string word) => string.Concat(word.Select(c => c switch
    {
        '0' => 'o', '1' => 'i', '3' => 'e', '4' => 'a', '5' => 's', '7' => 't', _ => c,
    }));

    private static string Squeeze(string s) => string.Concat(s.Where(char.IsLetterOrDigit));

    private static Regex Pattern(string phrase) => new(
        @"(?<![\p{L}\p{N}])" + string.Join(@"[\s\-_.]*", phrase.Split(' ').Select(Regex.Escape)) + @"(?![\p{L}])",
        RegexOptions.Compiled, TimeSpan.FromSeconds(1));
}
