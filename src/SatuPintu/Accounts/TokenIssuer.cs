using SatuPintu.Data;

namespace SatuPintu.Accounts;

/// <summary>Creates personal access tokens, for the tokens page and the <c>token create</c> verb.</summary>
public sealed class TokenIssuer(SatuPintuDb db, TimeProvider time)
{
    public const int MaxDays = 3650;

    /// <summary>Returns the token (shown once) and its stored record.</summary>
    public async Task<(string Token, PersonalAccessToken Record)> IssueAsync(AppUser user, string name, int? expiresInDays, CancellationToken ct = default)
    {
        var token = AccessTokens.NewToken();
        var now = time.GetUtcNow().UtcDateTime;
        var record = new PersonalAccessToken
        {
            UserId = user.Id, Name = name, Hash = AccessTokens.Hash(token), Prefix = token[..10],
            CreatedAt = now, ExpiresAt = expiresInDays is { } d ? now.AddDays(d) : null,
        };
        db.AccessTokens.Add(record);
        await db.SaveChangesAsync(ct);
        return (token, record);
    }
}
