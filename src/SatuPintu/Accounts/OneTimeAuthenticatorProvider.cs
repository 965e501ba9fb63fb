using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using SatuPintu.Data;

namespace SatuPintu.Accounts;

/// <summary>
/// TOTP (RFC 6238, 30 s steps, one step of clock drift either way) where each code is good once: the
/// accepted time step is stored per person and a code of that step or an earlier one is refused, at
/// sign-in, at 2FA setup and when a token is created. The compare-and-set is one UPDATE, so two
/// requests racing with the same code cannot both pass.
/// </summary>
public sealed class OneTimeAuthenticatorProvider(SatuPintuDb db, TimeProvider time) : IUserTwoFactorTokenProvider<AppUser>
{
    public const string Name = "satupintu-totp";

    public Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user) => Task.FromResult(string.Empty);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token is not { Length: 6 } || !token.All(char.IsAsciiDigit))
        {
            return false;
        }
        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(time.GetUtcNow().UtcDateTime, token, out var step, new VerificationWindow(previous: 1, future: 1)))
        {
            return false;
        }
        var claimed = await db.Users.Where(u => u.Id == user.Id && (u.LastTotpStep == null || u.LastTotpStep < step))
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LastTotpStep, step));
        if (claimed == 1)
        {
            // Keep the tracked copy in step, so a later UpdateAsync of this user does not write the old value back.
            user.LastTotpStep = step;
            if (db.Entry(user) is { State: not EntityState.Detached } entry)
            {
                entry.Property(u => u.LastTotpStep).OriginalValue = step;
            }
        }
        return claimed == 1;
    }
}
