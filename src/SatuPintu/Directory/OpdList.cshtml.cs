using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;
using SatuPintu.Hosting;

namespace SatuPintu.Directory;

/// <summary>/opd: every OPD grouped by kind, with its units; ?q= filters by name or abbreviation.</summary>
[OutputCache(PolicyName = HostingFeature.PublicPolicy)]
public sealed class OpdListModel(SatuPintuDb db) : PageModel
{
    public const int MaxQueryLength = 100;

    public string? Query { get; private set; }
    public int Total { get; private set; }
    public IReadOnlyList<IGrouping<OpdKind, Opd>> Groups { get; private set; } = [];

    public async Task OnGetAsync(string? q, CancellationToken ct)
    {
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, MaxQueryLength)];
        var opds = await db.Opds.AsNoTracking().Public()
            .Include(o => o.Units.Where(u => u.ArchivedAt == null).OrderBy(u => u.SortOrder))
            .OrderBy(o => o.SortOrder).ThenBy(o => o.Name)
            .ToListAsync(ct);
        Total = opds.Count;
        // 34 rows: filtering in memory keeps the match the same on SQLite and PostgreSQL (case, accents).
        if (Query is not null)
        {
            opds = opds.Where(o => Matches(o, Query)).ToList();
        }
        Groups = opds.GroupBy(o => o.Kind).OrderBy(g => g.Key).ToList();
    }

    private static bool Matches(Opd o, string q) =>
        o.Name.Contains(q, StringComparison.OrdinalIgnoreCase)
        || (o.ShortName?.Contains(q, StringComparison.OrdinalIgnoreCase) ?? false)
        || o.Units.Any(u => u.Name.Contains(q, StringComparison.OrdinalIgnoreCase) || (u.ShortName?.Contains(q, StringComparison.OrdinalIgnoreCase) ?? false));
}
