using System.Globalization;
using System.Security.Claims;

namespace SatuPintu.Accounts;

public enum OpdRight
{
    /// <summary>Write drafts, submit them, edit what is not yet published.</summary>
    Edit,
    /// <summary>Publish, schedule, reject, unpublish, delete.</summary>
    Publish,
}

/// <summary>
/// The one authorization rule for OPD content, used by the admin pages and the API alike:
/// admins may do everything; an editor edits within the OPDs they belong to; a reviewer also
/// publishes there. Nobody acts on another OPD's content.
/// </summary>
public static class Access
{
    public const string AdminRole = "Admin";
    public const string EditorClaim = "satupintu:editor";
    public const string ReviewerClaim = "satupintu:reviewer";

    /// <summary>Policy for the admin area: any signed-in admin, editor or reviewer.</summary>
    public const string StaffPolicy = "staff";
    /// <summary>Policy for Diskominfo-only pages (audit log, OPD management).</summary>
    public const string AdminPolicy = "admin";

    public static bool IsAdmin(this ClaimsPrincipal user) => user.IsInRole(AdminRole);

    public static bool IsStaff(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && (user.IsAdmin() || user.HasClaim(c => c.Type is EditorClaim or ReviewerClaim));

    public static bool Can(this ClaimsPrincipal user, OpdRight permission, int opdId)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return false;
        }
        if (user.IsAdmin())
        {
            return true;
        }
        var id = opdId.ToString(CultureInfo.InvariantCulture);
        return user.HasClaim(ReviewerClaim, id) || (permission == OpdRight.Edit && user.HasClaim(EditorClaim, id));
    }

    /// <summary>The OPDs the user may act on with <paramref name="permission"/>; null means all (admin).</summary>
    public static IReadOnlySet<int>? OpdsFor(this ClaimsPrincipal user, OpdRight permission)
    {
        if (user.IsAdmin())
        {
            return null;
        }
        var types = permission == OpdRight.Edit ? new[] { EditorClaim, ReviewerClaim } : [ReviewerClaim];
        return user.Claims.Where(c => types.Contains(c.Type))
            .Select(c => int.Parse(c.Value, CultureInfo.InvariantCulture)).ToHashSet();
    }

    public static string ClaimFor(OpdRole role) => role == OpdRole.Reviewer ? ReviewerClaim : EditorClaim;
}
