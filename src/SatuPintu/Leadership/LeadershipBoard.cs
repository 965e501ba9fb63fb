using Microsoft.EntityFrameworkCore;
using SatuPintu.Content;
using SatuPintu.Data;
using SatuPintu.Directory;
using SatuPintu.Network;

namespace SatuPintu.Leadership;

/// <summary>One OPD on the leadership page: what it published lately, what its profile and services lack.</summary>
public sealed record OpdActivity(Opd Opd, int Last30Days, int Last90Days, DateTime? LastPublished, int Services, IReadOnlyList<string> Missing)
{
    /// <summary>Higher needs attention sooner: nothing published in 90 days weighs most, then gaps in the profile and services.</summary>
    public int Attention => (Last90Days == 0 ? 4 : 0) + (Last30Days == 0 ? 1 : 0) + Missing.Count;
}

public sealed record LeadershipView(DateTime AsOf, IReadOnlyList<OpdActivity> Opds, NetworkSnapshot Network);

/// <summary>
/// The figures of /admin/pimpinan: content activity and completeness per active OPD, sorted by what needs
/// attention, beside the network programme's headline figures (from <see cref="NetworkProgress"/>, the
/// same numbers /jaringan and the network report show).
/// </summary>
public sealed class LeadershipBoard(SatuPintuDb db, NetworkProgress network, TimeProvider time)
{
    public async Task<LeadershipView> BuildAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var since = now.AddDays(-90);
        var recent = now.AddDays(-30);
        var opds = await db.Opds.AsNoTracking().Where(o => o.ArchivedAt == null).Include(o => o.Services).AsSplitQuery().ToListAsync(ct);
        // Published articles and documents that are due, by OPD: one small query each, the counts made here.
        var articles = await db.Articles.AsNoTracking().Where(a => a.Status == PublicationStatus.Published && a.PublishAt != null && a.PublishAt <= now)
            .GroupBy(a => a.OpdId).Select(g => new { OpdId = g.Key, Last = g.Max(a => a.PublishAt), In90 = g.Count(a => a.PublishAt >= since), In30 = g.Count(a => a.PublishAt >= recent) })
            .ToListAsync(ct);
        var documents = await db.Documents.AsNoTracking().Where(d => d.Status == PublicationStatus.Published && d.PublishAt != null && d.PublishAt <= now)
            .GroupBy(d => d.OpdId).Select(g => new { OpdId = g.Key, Last = g.Max(d => d.PublishAt), In90 = g.Count(d => d.PublishAt >= since), In30 = g.Count(d => d.PublishAt >= recent) })
            .ToListAsync(ct);
        var activity = articles.Concat(documents).ToLookup(x => x.OpdId);
        var rows = opds.Select(o =>
        {
            var a = activity[o.Id].ToList();
            return new OpdActivity(o, a.Sum(x => x.In30), a.Sum(x => x.In90), a.Max(x => x.Last), o.Services.Count, Missing(o));
        }).OrderByDescending(r => r.Attention).ThenBy(r => r.LastPublished ?? DateTime.MinValue).ThenBy(r => r.Opd.SortOrder).ToList();
        return new LeadershipView(now, rows, await network.SnapshotAsync(ct));
    }

    /// <summary>What the public profile and services lack, in the words the page and the workbook use.</summary>
    public static IReadOnlyList<string> Missing(Opd o)
    {
        var missing = new List<string>();
        void Need(bool ok, string what)
        {
            if (!ok)
            {
                missing.Add(what);
            }
        }
        Need(!o.Hidden, "tampil di portal (masih disembunyikan)");
        Need(Has(o.Summary), "ringkasan");
        Need(Has(o.Address), "alamat");
        Need(Has(o.Phone) || Has(o.Email), "kontak");
        Need(Has(o.Hours), "jam layanan");
        Need(Has(o.HeadName), "nama pimpinan");
        Need(Has(o.Vision) && Has(o.Mission), "visi dan misi");
        Need(Has(o.Duties), "tupoksi");
        Need(o.Services.Count > 0, "layanan publik");
        var incomplete = o.Services.Count(s => !Has(s.Requirements) || !Has(s.Procedure));
        Need(incomplete == 0, $"persyaratan atau prosedur {incomplete} layanan");
        return missing;
    }

    private static bool Has(string? s) => !string.IsNullOrWhiteSpace(s);
}
