namespace SatuPintu.Accounts;

/// <summary>
/// One signed-in browser. The cookie carries the session's id as a claim; a session ended here
/// (by its owner, "sign out everywhere", or logout) is refused on the very next request.
/// </summary>
public sealed class UserSession
{
    /// <summary>Random, 128 bits, base64url; travels only inside the encrypted cookie.</summary>
    public required string Id { get; set; }
    public required string UserId { get; set; }
    public AppUser? User { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Updated at most once a minute, so the list shows activity without a write per request.</summary>
    public DateTime LastSeenAt { get; set; }
    public string? UserAgent { get; set; }
    public string? Address { get; set; }
    public DateTime? EndedAt { get; set; }
}
