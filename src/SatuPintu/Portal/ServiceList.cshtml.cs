using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using SatuPintu.Content;
using SatuPintu.Directory;
using SatuPintu.Hosting;
using SatuPintu.Shared;

namespace SatuPintu.Portal;

/// <summary>/layanan: every public service of every OPD, A–Z or by topic (?topik=), with the topics and their counts.</summary>
[OutputCache(PolicyName = HostingFeature.PublicPolicy)]
public sealed class ServiceListModel(PublicCatalog catalog) : PageModel
{
    public string? Topic { get; private set; }
    public int Total { get; private set; }
    public IReadOnlyList<(string Slug, string Label, int Count)> Topics { get; private set; } = [];
    /// <summary>The services shown, grouped by their first letter.</summary>
    public IReadOnlyList<IGrouping<char, PublicService>> Letters { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? topik, CancellationToken ct)
    {
        if (topik is not null && !ServiceTopics.IsKnown(topik))
        {
            return this.Answer(404, "Topik layanan itu tidak ada. Pilih dari daftar topik di halaman Layanan.");
        }
        Topic = topik;
        var all = ServiceDirectory.All(await catalog.GetAsync(ct));
        Total = all.Count;
        Topics = ServiceTopics.All.Select(t => (t.Slug, t.Label, all.Count(s => (s.Topic ?? ServiceTopics.Other) == t.Slug))).Where(t => t.Item3 > 0).ToList();
        Letters = all.Where(s => topik is null || (s.Topic ?? ServiceTopics.Other) == topik)
            .GroupBy(s => char.ToUpperInvariant(s.Name[0])).OrderBy(g => g.Key).ToList();
        return Page();
    }
}

/// <summary>The services of the active OPDs, A–Z, with their OPD attached: what /layanan and the home page read.</summary>
public static class ServiceDirectory
{
    public static IReadOnlyList<PublicService> All(CatalogSnapshot c) =>
        c.Opds.SelectMany(o => o.Services.Select(s => { s.Opd = o; return s; }))
            .OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Opd!.SortOrder).ToList();

    /// <summary>The most requested services, by the rank admins give them.</summary>
    public static IReadOnlyList<PublicService> Popular(CatalogSnapshot c, int count) =>
        All(c).Where(s => s.PopularRank is not null).OrderBy(s => s.PopularRank).Take(count).ToList();

    public static string Url(PublicService s) => $"/layanan/{s.Opd!.Slug}/{s.Slug}";
}
