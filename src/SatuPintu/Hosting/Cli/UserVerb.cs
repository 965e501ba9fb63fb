using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Accounts;
using SatuPintu.Audit;
using SatuPintu.Data;

namespace SatuPintu.Hosting.Cli;

/// <summary><c>user add|reset-password|disable</c>: account administration from the server's shell.</summary>
internal static class UserVerb
{
    private const string PasswordNote =
        "Kata sandi dibaca dari stdin bila stdin dialihkan (mis. `echo rahasia | SatuPintu user add …`),\n" +
        "selain itu dibuat acak dan dicetak sekali.";

    public static CliVerb Verb => new(app =>
    {
        var email = CliOptions.Email();
        var role = CliOptions.Text("--role", "admin|pimpinan|editor|reviewer", "peran akun; pimpinan hanya melihat (laporan jaringan); editor dan reviewer wajib --opd", required: true);
        var opd = CliOptions.Text("--opd", "SLUG", "slug OPD untuk editor dan reviewer");
        var name = CliOptions.Text("--name", "NAMA", "nama tampilan");
        var add = new Command("add", "Menambah akun atau perannya di OPD (surel yang sudah ada mendapat keanggotaan baru).\n" + PasswordNote) { email, role, opd, name };
        add.SetAction(r => RunAsync(app, "add", r.GetValue(email)!, ParseRole(r.GetValue(role), r.GetValue(opd)), r.GetValue(opd), r.GetValue(name)));
        var reset = new Command("reset-password", "Mengatur ulang kata sandi; semua sesi akun berakhir.\n" + PasswordNote) { email };
        reset.SetAction(r => RunAsync(app, "reset-password", r.GetValue(email)!, default, null, null));
        var disable = new Command("disable", "Akun tidak dapat masuk lagi; sesinya berakhir dan tokennya ditolak.") { email };
        disable.SetAction(r => RunAsync(app, "disable", r.GetValue(email)!, default, null, null));
        return new Command("user", "Menambah akun, mengatur ulang kata sandi, menonaktifkan akun.") { add, reset, disable };
    });

    private static async Task<int> RunAsync(WebApplication app, string sub, string email, (string? Global, OpdRole Role) role, string? opd, string? name)
    {
        await app.PrepareDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<SatuPintuDb>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        using var actor = AuditActor.Use($"cli:user {sub}");
        return sub switch
        {
            "add" => await AddAsync(users, scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>(), db, time, email, role, opd, name),
            "reset-password" => await ResetAsync(users, db, time, email),
            _ => await DisableAsync(users, db, time, email),
        };
    }

    private static (string? Global, OpdRole Role) ParseRole(string? role, string? opd) => role switch
    {
        "admin" when opd is null => (Access.AdminRole, default),
        "pimpinan" when opd is null => (Network.NetworkAccess.PimpinanRole, default),
        "admin" or "pimpinan" => throw new CliUsageException($"{role} berlaku untuk semua OPD: jangan pakai --opd"),
        "editor" or "reviewer" when opd is null => throw new CliUsageException($"{role} wajib --opd SLUG"),
        "editor" => (null, OpdRole.Editor),
        "reviewer" => (null, OpdRole.Reviewer),
        null => throw new CliUsageException("--role wajib diisi: admin, pimpinan, editor atau reviewer"),
        _ => throw new CliUsageException($"peran tidak dikenal: '{role}' (admin, pimpinan, editor, reviewer)"),
    };

    private static async Task<int> AddAsync(UserManager<AppUser> users, RoleManager<IdentityRole> roles, SatuPintuDb db, TimeProvider time, string email, (string? Global, OpdRole Role) role, string? opdSlug, string? name)
    {
        var opd = opdSlug is null ? null : await db.Opds.FirstOrDefaultAsync(o => o.Slug == opdSlug);
        if (opdSlug is not null && opd is null)
        {
            throw new CliUsageException($"OPD tidak ditemukan: '{opdSlug}'");
        }
        var user = await users.FindByEmailAsync(email);
        string? printed = null;
        if (user is null)
        {
            var password = ReadPassword() ?? (printed = AccessTokens.NewPassword());
            user = new AppUser { UserName = email, Email = email, DisplayName = name, CreatedAt = time.GetUtcNow().UtcDateTime };
            Check(await users.CreateAsync(user, password));
        }
        if (role.Global is { } global)
        {
            await EnsureRoleAsync(roles, global);
            if (!await users.IsInRoleAsync(user, global))
            {
                Check(await users.AddToRoleAsync(user, global));
            }
        }
        else if (!await db.OpdMemberships.AnyAsync(m => m.UserId == user.Id && m.OpdId == opd!.Id && m.Role == role.Role))
        {
            db.OpdMemberships.Add(new OpdMembership { UserId = user.Id, OpdId = opd!.Id, Role = role.Role });
            await db.SaveChangesAsync();
            await users.UpdateSecurityStampAsync(user);
        }
        Console.WriteLine($"Akun {email}: {(role.Global is { } g ? g.ToLowerInvariant() : $"{role.Role.ToString().ToLowerInvariant()} {opd!.Name}")}.");
        if (printed is not null)
        {
            Console.WriteLine($"Kata sandi (ditampilkan sekali): {printed}");
        }
        return 0;
    }

    /// <summary>The Pimpinan role is made the first time it is granted (the admin role exists from the first start).</summary>
    private static async Task EnsureRoleAsync(RoleManager<IdentityRole> roles, string role)
    {
        if (!await roles.RoleExistsAsync(role))
        {
            Check(await roles.CreateAsync(new IdentityRole(role)));
        }
    }

    private static async Task<int> ResetAsync(UserManager<AppUser> users, SatuPintuDb db, TimeProvider time, string email)
    {
        var user = await users.FindByEmailAsync(email) ?? throw new CliUsageException($"akun tidak ditemukan: '{email}'");
        string? printed = null;
        var password = ReadPassword() ?? (printed = AccessTokens.NewPassword());
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, password));
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await new AccountRevocation(db, users, time).EndEverythingAsync(user, "cli:user reset-password", "kata sandi diatur ulang");
        Console.WriteLine($"Kata sandi {email} diatur ulang; semua sesinya berakhir dan semua tokennya dicabut.");
        if (printed is not null)
        {
            Console.WriteLine($"Kata sandi baru (ditampilkan sekali): {printed}");
        }
        return 0;
    }

    private static async Task<int> DisableAsync(UserManager<AppUser> users, SatuPintuDb db, TimeProvider time, string email)
    {
        var user = await users.FindByEmailAsync(email) ?? throw new CliUsageException($"akun tidak ditemukan: '{email}'");
        user.DisabledAt ??= time.GetUtcNow().UtcDateTime;
        Check(await users.UpdateAsync(user));
        await new AccountRevocation(db, users, time).EndEverythingAsync(user, "cli:user disable", "akun dinonaktifkan");
        Console.WriteLine($"Akun {email} dinonaktifkan: tidak dapat masuk, semua sesinya berakhir dan semua tokennya dicabut.");
        return 0;
    }

    private static string? ReadPassword()
    {
        if (!Console.IsInputRedirected)
        {
            return null;
        }
        var line = Console.In.ReadLine()?.TrimEnd('\r', '\n');
        return string.IsNullOrEmpty(line) ? null : line;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new CliUsageException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
