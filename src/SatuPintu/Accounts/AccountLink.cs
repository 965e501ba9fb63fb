namespace SatuPintu.Accounts;

public enum AccountLinkPurpose
{
    /// <summary>An admin invited the person: the link sets their first password.</summary>
    Invitation = 0,
    /// <summary>"Lupa kata sandi", or an admin's reset link: the link sets a new password and ends every session.</summary>
    PasswordReset = 1,
}

/// <summary>
/// A single-use link sent to a person (invitation or password reset). Only the SHA-256 of the secret
/// is stored, so a copy of the database opens no account; the link dies when used, when it expires,
/// or when a newer link of the same purpose is made.
/// </summary>
public sealed class AccountLink
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public AppUser? User { get; set; }
    public AccountLinkPurpose Purpose { get; set; }
    public required string Hash { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    /// <summary>Set when the link was used, or replaced by a newer one: either way it opens nothing any more.</summary>
    public DateTime? UsedAt { get; set; }
}
