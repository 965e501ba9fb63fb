using System.Buffers.Text;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;

namespace SatuPintu.Accounts;

/// <summary>
/// Server-side record of every signed-in browser, so a person can see their sessions and end any
/// one of them at once (the security stamp alone ends all of them, and only within a minute).
/// Wired into the cookie's events in <see cref="AccountsFeature"/>.
/// </summary>
public static class Sessions
{
    public const string Claim = "satupintu:sid";
    /// <summary>How often "last seen" is written: activity to the minute, not a write per request.</summary>
    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);
    /// <summary>Ended or idle sessions are kept this long for the owner's list, then deleted.</summary>
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(30);

    private const string FreshKey = "satupintu:fresh-sign-in";

    /// <summary>Called by the login pages before they sign in: this is a new sign-in, not a refresh of the current one.</summary>
    public static void MarkFresh(HttpContext http) => http.Items[FreshKey] = true;

    /// <summary>
    /// On sign-in: a new session for a password or second-factor sign-in (ending the one this browser had,
    /// so an old copy of the cookie dies); the same session when the signed-in person's cookie is only
    /// re-issued (2FA turned on or off, a refresh).
    /// </summary>
    public static async Task StartAsync(CookieSigningInContext context)
    {
        if (context.Principal?.Identity is not ClaimsIdentity identity || identity.FindFirst(ClaimTypes.NameIdentifier)?.Value is not { } userId)
        {
            return;
        }
        var http = context.HttpContext;
        var db = http.RequestServices.GetRequiredService<SatuPintuDb>();
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var current = http.User;
        if (current.FindFirst(Claim)?.Value is { } existing && current.FindFirst(ClaimTypes.NameIdentifier)?.Value is { } currentUser)
        {
            if (!http.Items.ContainsKey(FreshKey) && currentUser == userId
                && await db.UserSessions.AnyAsync(s => s.Id == existing && s.UserId == userId && s.EndedAt == null))
            {
                identity.AddClaim(new Claim(Claim, existing));
                return;
            }
            await EndAsync(db, currentUser, existing, now, AccountAudit.Actor(http));
        }
        var cutoff = now - KeepFor;
        await db.UserSessions.Where(s => s.UserId == userId && (s.EndedAt < cutoff || s.LastSeenAt < cutoff)).ExecuteDeleteAsync();
        var session = new UserSession
        {
            Id = NewId(), UserId = userId, CreatedAt = now, LastSeenAt = now,
            UserAgent = Clip(http.Request.Headers.UserAgent.ToString(), 300), Address = Clip(http.Connection.RemoteIpAddress?.ToString(), 64),
        };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync();
        identity.AddClaim(new Claim(Claim, session.Id));
    }

    /// <summary>On every request with the cookie (after the security stamp check): the session must still be open.</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } principal)
        {
            return;
        }
        var id = principal.FindFirst(Claim)?.Value;
        var userId = principal.FindFirst(ClaimTypes.NameIdentifier)?.Value;
        var services = context.HttpContext.RequestServices;
        var db = services.GetRequiredService<SatuPintuDb>();
        var session = id is null ? null : await db.UserSessions.FirstOrDefaultAsync(s => s.Id == id && s.UserId == userId);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        if (session is null || session.EndedAt is not null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        if (now - session.LastSeenAt >= TouchEvery)
        {
            session.LastSeenAt = now;
            session.Address = Clip(context.HttpContext.Connection.RemoteIpAddress?.ToString(), 64);
            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                // "Last seen" is a courtesy: a busy database must not fail the person's request over it.
                db.Entry(session).State = EntityState.Detached;
            }
        }
    }

    /// <summary>
    /// The security stamp check rebuilds the principal every minute from the database; the session id
    /// and the second-factor mark ("amr=mfa") are not in the database, so carry them over.
    /// </summary>
    public static Task KeepOnRefresh(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.NewPrincipal?.Identity is ClaimsIdentity identity && context.CurrentPrincipal is { } current)
        {
            foreach (var claim in current.Claims.Where(c => c.Type is Claim or "amr"))
            {
                if (!identity.HasClaim(claim.Type, claim.Value))
                {
                    identity.AddClaim(new Claim(claim.Type, claim.Value));
                }
            }
        }
        return Task.CompletedTask;
    }

    /// <summary>Ends one session of the user (null: all of them) and records it in the audit trail. Returns how many were open.</summary>
    public static async Task<int> EndAsync(SatuPintuDb db, string userId, string? sessionId, DateTime now, string actor)
    {
        var ended = await db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null && (sessionId == null || s.Id == sessionId))
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.EndedAt, now));
        if (ended > 0)
        {
            await AccountAudit.WriteAsync(db, now, actor, AccountAudit.SessionsEnded, userId,
                sessionId is null ? $"{ended} sesi diakhiri" : $"sesi {sessionId[..Math.Min(6, sessionId.Length)]}… diakhiri");
        }
        return ended;
    }

    public static string? CurrentId(ClaimsPrincipal user) => user.FindFirst(Claim)?.Value;

    /// <summary>"Chrome di Android" from a user agent string: enough for a person to recognise their device.</summary>
    public static string Device(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "Perangkat tak dikenal";
        }
        string Pick(params (string Token, string Name)[] options) =>
            options.FirstOrDefault(o => userAgent.Contains(o.Token, StringComparison.OrdinalIgnoreCase)).Name ?? "";
        var browser = Pick(("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Chromium/", "Chromium"), ("Safari/", "Safari"), ("curl/", "curl"));
        var os = Pick(("Android", "Android"), ("iPhone", "iPhone"), ("iPad", "iPad"), ("Windows", "Windows"), ("Mac OS", "macOS"), ("Linux", "Linux"));
        return (browser, os) switch
        {
            ("", "") => Clip(userAgent, 60)!,
            (_, "") => browser,
            ("", _) => os,
            _ => $"{browser} di {os}",
        };
    }

    private static string NewId() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    private static string? Clip(string? s, int max) => string.IsNullOrEmpty(s) ? null : s.Length > max ? s[..max] : s;
}
