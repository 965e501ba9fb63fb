using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;

namespace SatuPintu.Accounts;

/// <summary>
/// On the very first start: the Admin role and one admin account whose generated password is printed
/// once to the console (never logged, never printed again). Recorded in SeedState so it never repeats,
/// even if that admin is later removed.
/// </summary>
public sealed class AdminBootstrap(SatuPintuDb db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, TimeProvider time)
{
    internal const string Key = "admin-bootstrap";
    public const string DefaultEmail = "admin@satupintu.local";

    /// <summary>Returns the one-time password when this call created the admin, otherwise null.</summary>
    public async Task<string?> EnsureAsync(CancellationToken ct = default)
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
        var now = time.GetUtcNow().UtcDateTime;
        var admin = new AppUser { UserName = DefaultEmail, Email = DefaultEmail, DisplayName = "Admin Diskominfo", CreatedAt = now };
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded)
        {
            throw new InvalidOperationException("Could not create the first admin: " + string.Join("; ", created.Errors.Select(e => e.Description)));
        }
        await users.AddToRoleAsync(admin, Access.AdminRole);
        db.SeedStates.Add(new SeedState { Key = Key, Value = 1, UpdatedAt = now });
        await db.SaveChangesAsync(ct);
        return password;
    }

    public static void Print(string password)
    {
        // Straight to the console, not through logging: log sinks must never hold a password.
        Console.WriteLine();
        Console.WriteLine("================ SatuPintu: akun admin pertama ================");
        Console.WriteLine($"  surel     : {DefaultEmail}");
        Console.WriteLine($"  kata sandi: {password}");
        Console.WriteLine("  Kata sandi ini hanya ditampilkan sekali. Simpan sekarang, lalu");
        Console.WriteLine("  buat akun pribadi (`user add`) dan ganti kata sandi ini.");
        Console.WriteLine("================================================================");
        Console.WriteLine();
    }
}
