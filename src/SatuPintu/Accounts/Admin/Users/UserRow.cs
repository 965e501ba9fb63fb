using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;

namespace SatuPintu.Accounts.Admin.Users;

/// <summary>One person in the people list: who, what they may do, and where their account stands.</summary>
public sealed record UserRow(AppUser User, IReadOnlyList<string> Roles)
{
    /// <summary>"nonaktif", "diundang" (no password yet), "wajib ganti sandi" or "aktif".</summary>
    public string State => User.DisabledAt is not null ? "nonaktif"
        : User.PasswordHash is null ? "diundang"
        : User.MustChangePassword ? "wajib ganti sandi" : "aktif";

    public static async Task<IReadOnlyList<UserRow>> ForAsync(SatuPintuDb db, IReadOnlyList<AppUser> people, CancellationToken ct)
    {
        var ids = people.Select(u => u.Id).ToList();
        var global = (await db.UserRoles.AsNoTracking().Where(r => ids.Contains(r.UserId))
                .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync(ct))
            .ToLookup(x => x.UserId, x => RoleGrants.GlobalLabel(x.Name!));
        var opd = (await db.OpdMemberships.AsNoTracking().Where(m => ids.Contains(m.UserId)).Include(m => m.Opd).ToListAsync(ct))
            .ToLookup(m => m.UserId, m => $"{RoleGrants.OpdRoleLabel(m.Role)} {m.Opd!.DisplayShortName}");
        return people.Select(u => new UserRow(u, [.. global[u.Id].Order(), .. opd[u.Id].Order()])).ToList();
    }
}
