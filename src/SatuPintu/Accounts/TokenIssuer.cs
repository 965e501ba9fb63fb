using Microsoft.Extensions.Options;
using SatuPintu.Accounts.Admin;
using SatuPintu.Data;

namespace SatuPintu.Accounts;

/// <summary>Creates personal access tokens, for the tokens page and the <c>token create</c> verb; no token outlives the configured cap.</summary>
public sealed class TokenIssuer(SatuPintuDb db, TimeProvider time, IOptions<AccountOptions> options)
{
    public int MaxDays => options.Value.MaxTokenDays;

    /// <summary>Null when <paramref name="days"/> is an allowed lifetime (null: the longest), else the reason in Indonesian.</summary>
    public string? CheckLifetime(int? days) =>
        days is null || (days >= 1 && days <= MaxDays) ? null : $"Masa berlaku 1 sampai {MaxDays} hari.";

    /// <summary>Returns the token (shown once) and its stored record; without <paramref name="expiresInDays"/> it lives the longest allowed.</summary>
    public async Task<(string Token, PersonalAccessToken Record)> IssueAsync(AppUser user, string name, int? expiresInDays, CancellationToken ct = default)
    {
        if (CheckLifetime(expiresInDays) is { } problem)
        {
            throw new ArgumentOutOfRangeException(nameof(expiresInDays), problem);
        }
        var token = AccessTokens.NewToken();
        var now = time.GetUtcNow().UtcDateTime;
        var record = new PersonalAccessToken
        {
            UserId = user.Id, Name = name, Hash = AccessTokens.Hash(token), Prefix = token[..10],
            CreatedAt = now, ExpiresAt = now.AddDays(expiresInDays ?? MaxDays),
        };
        db.AccessTokens.Add(record);
        await db.SaveChangesAsync(ct);
        return (token, record);
    }
}
