using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;
using SatuPintu.Directory;

namespace SatuPintu.Accounts;

/// <summary>A role to grant: a regency-wide one (admin, pimpinan) or an OPD role (editor, reviewer) in one OPD.</summary>
public sealed record RoleChoice(string? Global, OpdRole OpdRole, Opd? Opd)
{
    /// <summary>"admin", "pimpinan (hanya melihat)", "editor Dinas Kesehatan": how people read it in lists and the audit trail.</summary>
    public string Label => Global is { } g ? RoleGrants.GlobalLabel(g) : $"{RoleGrants.OpdRoleLabel(OpdRole)} {Opd!.Name}";
}

/// <summary>
/// Choosing and granting roles, for the people pages and the <c>user add</c> verb alike. A grant renews the
/// security stamp, so open sessions pick the new role up at their next check (within a minute).
/// </summary>
public static class RoleGrants
{
    public static readonly string[] Names = ["admin", "pimpinan", "editor", "reviewer"];

    public static string GlobalLabel(string role) => role == Access.AdminRole ? "admin" : role == Network.NetworkAccess.PimpinanRole ? "pimpinan" : role.ToLowerInvariant();

    public static string OpdRoleLabel(OpdRole role) => role == OpdRole.Reviewer ? "peninjau" : "editor";

    /// <summary>Why this role and OPD do not go together (in Indonesian), before anything is looked up; null when they do.</summary>
    public static string? Problem(string? role, string? opdSlug)
    {
        var hasOpd = !string.IsNullOrWhiteSpace(opdSlug);
        return role?.Trim().ToLowerInvariant() switch
        {
            "admin" or "pimpinan" when hasOpd => $"{role} berlaku untuk semua OPD: jangan pilih OPD (--opd)",
            "editor" or "reviewer" when !hasOpd => $"{role} wajib memilih OPD (--opd SLUG)",
            "admin" or "pimpinan" or "editor" or "reviewer" => null,
            null or "" => "peran wajib diisi: admin, pimpinan, editor atau reviewer",
            _ => $"peran tidak dikenal: '{role}' (admin, pimpinan, editor, reviewer)",
        };
    }

    /// <summary>The choice, or the reason it is refused (in Indonesian).</summary>
    public static async Task<(RoleChoice? Choice, string? Error)> ChooseAsync(SatuPintuDb db, string? role, string? opdSlug, CancellationToken ct = default)
    {
        if (Problem(role, opdSlug) is { } problem)
        {
            return (null, problem);
        }
        switch (role!.Trim().ToLowerInvariant())
        {
            case "admin":
                return (new RoleChoice(Access.AdminRole, default, null), null);
            case "pimpinan":
                return (new RoleChoice(Network.NetworkAccess.PimpinanRole, default, null), null);
            default:
                var slug = opdSlug!.Trim();
                var found = Shared.Slug.IsWellFormed(slug) ? await db.Opds.FirstOrDefaultAsync(o => o.Slug == slug, ct) : null;
                return found is null
                    ? (null, $"OPD tidak ditemukan: '{slug}'")
                    : (new RoleChoice(null, role.Trim().Equals("reviewer", StringComparison.OrdinalIgnoreCase) ? OpdRole.Reviewer : OpdRole.Editor, found), null);
        }
    }

    /// <summary>Grants the role (nothing when it is held already); true when something changed.</summary>
    public static async Task<bool> GrantAsync(SatuPintuDb db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, AppUser user, RoleChoice choice, CancellationToken ct = default)
    {
        if (choice.Global is { } global)
        {
            // The Pimpinan role is made the first time it is granted (the admin role exists from the first start).
            if (!await roles.RoleExistsAsync(global))
            {
                Check(await roles.CreateAsync(new IdentityRole(global)));
            }
            if (await users.IsInRoleAsync(user, global))
            {
                return false;
            }
            Check(await users.AddToRoleAsync(user, global));
            return true;
        }
        if (await db.OpdMemberships.AnyAsync(m => m.UserId == user.Id && m.OpdId == choice.Opd!.Id && m.Role == choice.OpdRole, ct))
        {
            return false;
        }
        db.OpdMemberships.Add(new OpdMembership { UserId = user.Id, OpdId = choice.Opd!.Id, Role = choice.OpdRole });
        await db.SaveChangesAsync(ct);
        await users.UpdateSecurityStampAsync(user);
        return true;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
