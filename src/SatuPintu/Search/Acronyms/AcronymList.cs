using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;
using SatuPintu.Search.Analysis;

namespace SatuPintu.Search.Acronyms;

/// <summary>Where a group of the list comes from, as the admin page shows it.</summary>
public enum AcronymOrigin { Shipped, Changed, Added, Removed }

/// <summary>One group: the short form and its long forms.</summary>
public sealed record AcronymGroup(string Abbreviation, IReadOnlyList<string> Phrases, AcronymOrigin Origin)
{
    public string[] AsGroup() => [Abbreviation, .. Phrases];
}

/// <summary>
/// The acronym list search uses: the shipped file with the admins' changes (<see cref="SearchAcronym"/>)
/// on top. Loaded into the analyzer at start and whenever a change arrives through the change feed, so
/// every node uses the same list. Index-time expansion takes the whole list (for text indexed from then
/// on, and for all of it after a rebuild); the admins' own groups are also expanded in the query, so they
/// work at once on text indexed before.
/// </summary>
public sealed class AcronymList(IServiceScopeFactory scopes, TextAnalyzer analyzer)
{
    public const int MaxShort = 40;
    public const int MaxPhrases = 600;

    public static IReadOnlyList<AcronymGroup> Shipped { get; } =
        WordLists.Acronyms().Select(g => new AcronymGroup(g[0], g[1..], AcronymOrigin.Shipped)).ToList();

    /// <summary>The list as the rows change it; removed shipped groups are listed too (with no effect), so they can be restored.</summary>
    public static List<AcronymGroup> Merge(IEnumerable<SearchAcronym> rows)
    {
        var byShort = rows.ToDictionary(r => r.Abbreviation, StringComparer.Ordinal);
        var list = new List<AcronymGroup>();
        foreach (var g in Shipped)
        {
            if (!byShort.Remove(g.Abbreviation, out var row))
            {
                list.Add(g);
            }
            else
            {
                list.Add(row.Phrases is null ? g with { Origin = AcronymOrigin.Removed } : new AcronymGroup(g.Abbreviation, Split(row.Phrases), AcronymOrigin.Changed));
            }
        }
        list.AddRange(byShort.Values.Where(r => r.Phrases is not null).Select(r => new AcronymGroup(r.Abbreviation, Split(r.Phrases!), AcronymOrigin.Added)));
        return list.OrderBy(g => g.Abbreviation, StringComparer.Ordinal).ToList();
    }

    public static string[] Split(string phrases) =>
        phrases.Split(['|', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => string.Join(' ', p.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))).Where(p => p.Length > 0)
            .Distinct(StringComparer.Ordinal).ToArray();

    public async Task<List<AcronymGroup>> ReadAsync(SatuPintuDb db, CancellationToken ct) =>
        Merge(await db.SearchAcronyms.AsNoTracking().ToListAsync(ct));

    /// <summary>Reads the list from the database and hands it to the analyzer.</summary>
    public async Task LoadAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var list = await ReadAsync(scope.ServiceProvider.GetRequiredService<SatuPintuDb>(), ct);
        var active = list.Where(g => g.Origin != AcronymOrigin.Removed).ToList();
        analyzer.SetAcronyms(active.Select(g => g.AsGroup()).ToList(),
            active.Where(g => g.Origin is AcronymOrigin.Changed or AcronymOrigin.Added).Select(g => g.AsGroup()).ToList());
    }
}
