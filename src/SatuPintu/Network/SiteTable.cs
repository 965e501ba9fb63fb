using SatuPintu.Shared;

namespace SatuPintu.Network;

/// <summary>A site as the public table lists it: where it hangs in the tree and which OPDs it houses.</summary>
public sealed record SiteRow(Site Site, int? KecamatanSiteId, IReadOnlySet<string> OpdSlugs);

/// <summary>What one request asked the public site table for, and what it gets.</summary>
public sealed record SiteQuery(ConnectionState? State, int? Kecamatan, string? Opd, PagedList<SiteRow> List, IReadOnlyList<string> Problems);

/// <summary>
/// The public site table of /jaringan, built once per snapshot: at 500 sites the page shows one page
/// of it, filtered by status, kecamatan (a kecamatan office and every site below it in the tree) and
/// OPD through plain GET parameters, so no JavaScript is needed and every view has its own link.
/// </summary>
public sealed class SiteTable
{
    public const string StateKey = "status";
    public const string KecamatanKey = "kecamatan";
    public const string OpdKey = "opd";

    public IReadOnlyList<SiteRow> Rows { get; }
    public IReadOnlyList<(int Id, string Name)> Kecamatan { get; }
    public IReadOnlyList<(string Slug, string Name)> Opds { get; }

    public SiteTable(IReadOnlyList<Site> sites, IReadOnlyDictionary<int, string> opdSlugs, IReadOnlyList<OpdStatus> opds)
    {
        var byId = sites.ToDictionary(s => s.Id);
        int? KecamatanOf(Site site)
        {
            var seen = new HashSet<int>();
            for (Site? at = site; at is not null && seen.Add(at.Id); at = at.ParentSiteId is { } p ? byId.GetValueOrDefault(p) : null)
            {
                if (at.Kind == SiteKind.Kecamatan)
                {
                    return at.Id;
                }
            }
            return null;
        }
        Rows = [.. sites.Select(s => new SiteRow(s, KecamatanOf(s),
            s.Opds.Select(o => opdSlugs.GetValueOrDefault(o.OpdId)).OfType<string>().ToHashSet(StringComparer.Ordinal)))];
        Kecamatan = [.. sites.Where(s => s.Kind == SiteKind.Kecamatan).OrderBy(s => s.Name, StringComparer.Ordinal).Select(s => (s.Id, s.Name))];
        var housed = Rows.SelectMany(r => r.OpdSlugs).ToHashSet(StringComparer.Ordinal);
        Opds = [.. opds.Where(o => housed.Contains(o.Slug)).Select(o => (o.Slug, o.Name))];
    }

    /// <summary>One page of the filtered table; a filter value that names nothing is reported and ignored, never a 500.</summary>
    public SiteQuery Query(IQueryCollection query, int pageSize)
    {
        var problems = new List<string>();
        ConnectionState? state = null;
        if (Given(query, StateKey) is { } rawState)
        {
            if (Lifecycle.TryParse(rawState, out var s))
            {
                state = s;
            }
            else
            {
                problems.Add($"Status \"{Short(rawState)}\" tidak dikenal; semua status ditampilkan.");
            }
        }
        int? kecamatan = null;
        if (Given(query, KecamatanKey) is { } rawKecamatan)
        {
            if (int.TryParse(rawKecamatan, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var k) && Kecamatan.Any(x => x.Id == k))
            {
                kecamatan = k;
            }
            else
            {
                problems.Add($"Kecamatan \"{Short(rawKecamatan)}\" tidak ditemukan; semua kecamatan ditampilkan.");
            }
        }
        string? opd = null;
        if (Given(query, OpdKey) is { } rawOpd)
        {
            if (Opds.Any(o => o.Slug == rawOpd))
            {
                opd = rawOpd;
            }
            else
            {
                problems.Add($"OPD \"{Short(rawOpd)}\" tidak menempati lokasi mana pun; semua OPD ditampilkan.");
            }
        }
        var page = PageRequest.Parse(query, pageSize, out var pageError) ?? new PageRequest(1, pageSize);
        if (pageError is not null)
        {
            problems.Add(pageError);
        }
        var matching = Rows.Where(r => (state is null || r.Site.State == state) && (kecamatan is null || r.KecamatanSiteId == kecamatan)
            && (opd is null || r.OpdSlugs.Contains(opd))).ToList();
        var total = matching.Count;
        var pages = Math.Max(1, (total + page.Size - 1) / page.Size);
        if (page.Number > pages)
        {
            problems.Add($"Halaman {page.Number} tidak ada; daftar ini {pages} halaman.");
            page = page with { Number = pages };
        }
        return new SiteQuery(state, kecamatan, opd, new PagedList<SiteRow>([.. matching.Skip(page.Skip).Take(page.Size)], page, total), problems);
    }

    private static string? Given(IQueryCollection query, string key) =>
        query.TryGetValue(key, out var v) && v.ToString() is { Length: > 0 } s ? s.Trim() : null;

    private static string Short(string s) => s.Length > 40 ? s[..40] + "…" : s;
}
