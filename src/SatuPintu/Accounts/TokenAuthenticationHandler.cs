using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SatuPintu.Data;

namespace SatuPintu.Accounts;

/// <summary>
/// <c>Authorization: Bearer sp_…</c>: checked against the stored hash on every request, so a revoked
/// token, an expired one or a token of a disabled person stops working at once. Password throttling
/// does not touch tokens: failed sign-ins by someone else must not cut a script off.
/// </summary>
internal sealed class TokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    SatuPintuDb db, IUserClaimsPrincipalFactory<AppUser> principals, TimeProvider time, IOptions<Admin.AccountOptions> accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var token = header["Bearer ".Length..].Trim();
        if (!AccessTokens.LooksValid(token))
        {
            return AuthenticateResult.Fail("malformed token");
        }
        var hash = AccessTokens.Hash(token);
        var now = time.GetUtcNow().UtcDateTime;
        var stored = await db.AccessTokens.Include(t => t.User).FirstOrDefaultAsync(t => t.Hash == hash, Context.RequestAborted);
        if (stored?.User is not { } user || !stored.IsActive(now, TimeSpan.FromDays(accounts.Value.MaxTokenDays)))
        {
            return AuthenticateResult.Fail("unknown, revoked or expired token");
        }
        if (user.DisabledAt is not null)
        {
            return AuthenticateResult.Fail("account disabled");
        }
        // Recording use costs a write; once a minute is enough to show "last used" in the UI.
        if (stored.LastUsedAt is null || now - stored.LastUsedAt > TimeSpan.FromMinutes(1))
        {
            stored.LastUsedAt = now;
            await db.SaveChangesAsync(Context.RequestAborted);
        }
        var principal = await principals.CreateAsync(user);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(statusCode: 401, title: "Token akses diperlukan",
            detail: "Kirim token pribadi sebagai header Authorization: Bearer <token>.").ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Results.Problem(statusCode: 403, title: "Akses ditolak",
            detail: "Akun ini tidak berhak melakukan tindakan tersebut.").ExecuteAsync(Context);
    }
}
