using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SatuPintu.Accounts.Admin;
using SatuPintu.Data;

namespace SatuPintu.Accounts;

/// <summary>
/// On the very first start: the Admin role and one admin account whose generated password is printed
/// once to the console (never logged, never printed again). Its e-mail is the setting
/// <c>SatuPintu:Accounts:BootstrapAdminEmail</c>, or a random one: a guessable address would let anyone
/// aim password guesses (and, before throttling, a lockout) at the one account every instance has.
/// Recorded in SeedState so it never repeats, even if that admin is later removed.
/// </summary>
public sealed class AdminBootstrap(SatuPintuDb db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<AccountOptions> options, TimeProvider time)
{
    internal const string Key = "admin-bootstrap";

    public sealed record Created(string Email, string Password);

    /// <summary>"admin-k3x9…@satupintu.local": 12 random characters, not guessable.</summary>
    public static string RandomEmail()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        return "admin-" + new string(Enumerable.Range(0, 12).Select(_ => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)]).ToArray()) + "@satupintu.local";
    }

    /// <summary>Returns the e-mail and one-time password when this call created the admin, otherwise null.</summary>
    public async Task<Created?> EnsureAsync(CancellationToken ct = default)
    {
        if (!await roles.RoleExistsAsync(Access.AdminRole))
        {
            await roles.CreateAsync(new IdentityRole(Access.AdminRole));
        }
        if (await db.SeedStates.AnyAsync(s => s.Key == Key, ct))
        {
            return null;
        }
        var password = AccessTokens.NewPassword();
        var email = options.Value.BootstrapAdminEmail is { Length: > 0 } configured ? configured : RandomEmail();
        var now = time.GetUtcNow().UtcDateTime;
        var admin = new AppUser { UserName = email, Email = email, DisplayName = "Admin Diskominfo", CreatedAt = now, MustChangePassword = true };
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Could not create the first admin: " + string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(admin, Access.AdminRole);
        db.SeedStates.Add(new SeedState { Key = Key, Value = 1, UpdatedAt = now });
        await db.SaveChangesAsync(ct);
        return new Created(email, password);
    }

    public static void Print(Created admin)
    {
        // Straight to the console, not through logging: log sinks must never hold a password.
        Console.WriteLine();
        Console.WriteLine("================ SatuPintu: akun admin pertama ================");
        Console.WriteLine($"  surel     : {admin.Email}");
        Console.WriteLine($"  kata sandi: {admin.Password}");
        Console.WriteLine("  Keduanya hanya ditampilkan sekali. Simpan sekarang: saat masuk");
        Console.WriteLine("  pertama kali Anda diminta mengganti kata sandi ini.");
        Console.WriteLine("================================================================");
        Console.WriteLine();
    }
}
