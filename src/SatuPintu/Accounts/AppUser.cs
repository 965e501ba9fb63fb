using Microsoft.AspNetCore.Identity;

namespace SatuPintu.Accounts;

/// <summary>A person who signs in: a Diskominfo admin, or an editor/reviewer of one or more OPDs.</summary>
public sealed class AppUser : IdentityUser
{
    public string? DisplayName { get; set; }
    /// <summary>Set by <c>user disable</c> or an admin: the account can neither sign in nor use its tokens.</summary>
    public DateTime? DisabledAt { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>The TOTP time step (Unix seconds / 30) last accepted: a code is good once, not for its whole window.</summary>
    public long? LastTotpStep { get; set; }
    /// <summary>Signed in with a password someone else chose or saw (the first admin's, a printed one): only the change-password page opens until it is changed.</summary>
    public bool MustChangePassword { get; set; }

    public List<OpdMembership> Memberships { get; set; } = [];
}
