using System.Collections.Frozen;

namespace SatuPintu.Search.Analysis;

/// <summary>The analyzer's shipped lists (embedded files under Analysis/Data; see ATTRIBUTION.md there).</summary>
public static class WordLists
{
    private static readonly Lazy<FrozenSet<string>> LazyRoots = new(() =>
        Read("roots-ud.txt").Concat(Read("roots-extra.txt")).ToFrozenSet(StringComparer.Ordinal));
    private static readonly Lazy<FrozenSet<string>> LazyStopWords = new(() => Read("stopwords.txt").ToFrozenSet(StringComparer.Ordinal));
    private static readonly Lazy<FrozenSet<string>> LazyProtected = new(() => Read("protected.txt").ToFrozenSet(StringComparer.Ordinal));

    public static FrozenSet<string> Roots => LazyRoots.Value;
    public static FrozenSet<string> StopWords => LazyStopWords.Value;
    public static FrozenSet<string> ProtectedNames => LazyProtected.Value;

    /// <summary>The shipped acronym file: groups of equivalent phrases, the short form first.</summary>
    public static IReadOnlyList<string[]> Acronyms() => ParseAcronyms(Read("acronyms.txt"));

    /// <summary>Lines of "short = long | long"; anything else is skipped.</summary>
    public static IReadOnlyList<string[]> ParseAcronyms(IEnumerable<string> lines) =>
        lines.Select(l => l.Split('=', 2))
            .Where(p => p.Length == 2)
            .Select(p => new[] { p[0].Trim() }.Concat(p[1].Split('|').Select(s => s.Trim())).Where(s => s.Length > 0).ToArray())
            .Where(g => g.Length > 1)
            .ToList();

    public static IEnumerable<string> Read(string name)
    {
        using var stream = typeof(WordLists).Assembly.GetManifestResourceStream("SatuPintu.Search." + name)
            ?? throw new InvalidOperationException($"Embedded word list {name} is missing.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                lines.Add(line);
            }
        }
        return lines;
    }
}
