using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Accounts;
using SatuPintu.Data;

namespace SatuPintu.Directory;

/// <summary>The active OPDs a person may edit (all of them for admins), in directory order: what admin pages offer.</summary>
public static class EditableOpds
{
    public static IQueryable<Opd> For(SatuPintuDb db, ClaimsPrincipal user)
    {
        var mine = user.OpdsFor(OpdRight.Edit);
        var active = db.Opds.AsNoTracking().Where(o => o.ArchivedAt == null);
        return (mine is null ? active : active.Where(o => mine.Contains(o.Id))).OrderBy(o => o.SortOrder);
    }

    /// <summary>(slug, name) pairs for a select box.</summary>
    public static async Task<IReadOnlyList<(string Slug, string Name)>> ChoicesAsync(SatuPintuDb db, ClaimsPrincipal user, CancellationToken ct) =>
        (await For(db, user).Select(o => new { o.Slug, o.Name }).ToListAsync(ct)).Select(o => (o.Slug, o.Name)).ToList();
}
