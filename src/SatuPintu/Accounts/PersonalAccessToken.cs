namespace SatuPintu.Accounts;

/// <summary>
/// A token for scripts calling <c>/api/v1</c> as <c>Authorization: Bearer</c>. Only its SHA-256 hash is
/// stored; the token itself is shown once, when created.
/// </summary>
public sealed class PersonalAccessToken
{
    public int Id { get; set; }
    public required string UserId { get; set; }
    public AppUser? User { get; set; }
    public required string Name { get; set; }
    /// <summary>Hex SHA-256 of the token.</summary>
    public required string Hash { get; set; }
    /// <summary>The first characters, so a person can tell tokens apart in lists.</summary>
    public required string Prefix { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }

    /// <summary>Not revoked, not expired, and (with <paramref name="maxLifetime"/>) not older than the lifetime cap, whatever it was issued with.</summary>
    public bool IsActive(DateTime nowUtc, TimeSpan? maxLifetime = null) =>
        RevokedAt is null && (ExpiresAt is null || ExpiresAt > nowUtc) && (maxLifetime is not { } max || CreatedAt + max > nowUtc);
}
