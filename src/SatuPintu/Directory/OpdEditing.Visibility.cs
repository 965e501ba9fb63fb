using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Changes;
using SatuPintu.Content;
using SatuPintu.Shared;

namespace SatuPintu.Directory;

public sealed partial class OpdEditing
{
    /// <summary>
    /// Shows an OPD to the public ("Tampilkan ke publik") or hides it again (admins only). Showing is
    /// refused, with what is missing, while the profile lacks <see cref="OpdVisibility.MissingForPublic"/>.
    /// </summary>
    public async Task<Outcome<Opd>> SetHiddenAsync(ClaimsPrincipal user, string? slug, bool hidden, CancellationToken ct)
    {
        var opd = await FindAsync(slug, ct);
        if (opd is null)
        {
            return OpdRefusals.NotFound;
        }
        if (!MayManage(user))
        {
            return OpdRefusals.Forbidden;
        }
        if (!hidden && OpdVisibility.MissingForPublic(opd) is { Count: > 0 } missing)
        {
            return Outcome<Opd>.Invalid(new Dictionary<string, string[]> { ["hidden"] = [$"Belum bisa ditampilkan: profil belum memuat {string.Join(", ", missing)}."] },
                "Profil belum lengkap.");
        }
        if (opd.Hidden == hidden)
        {
            return Outcome<Opd>.Ok(opd);
        }
        opd.Hidden = hidden;
        opd.UpdatedAt = Now;
        await AnnounceContentAsync(opd, ct);
        await db.SaveChangesAsync(ct);
        return Outcome<Opd>.Ok(opd);
    }

    /// <summary>
    /// The OPD's articles, documents, pages, units and services appear or vanish with it: one feed row each,
    /// in the same transaction, so the search index and the output cache of every node follow.
    /// </summary>
    private async Task AnnounceContentAsync(Opd opd, CancellationToken ct)
    {
        var now = Now;
        void Add(string kind, IEnumerable<int> ids) =>
            db.PublicChanges.AddRange(ids.Select(id => new PublicChange { At = now, Kind = kind, Key = id.ToString(System.Globalization.CultureInfo.InvariantCulture), OpdId = opd.Id, Action = "update" }));
        Add("article", await db.Articles.Where(a => a.OpdId == opd.Id && a.Status == PublicationStatus.Published).Select(a => a.Id).ToListAsync(ct));
        Add("document", await db.Documents.Where(d => d.OpdId == opd.Id && d.Status == PublicationStatus.Published).Select(d => d.Id).ToListAsync(ct));
        Add("page", await db.Pages.Where(p => p.OpdId == opd.Id && p.Status == PublicationStatus.Published).Select(p => p.Id).ToListAsync(ct));
        Add("opd-unit", opd.Units.Select(u => u.Id));
        Add("public-service", await db.PublicServices.Where(s => s.OpdId == opd.Id).Select(s => s.Id).ToListAsync(ct));
    }
}
