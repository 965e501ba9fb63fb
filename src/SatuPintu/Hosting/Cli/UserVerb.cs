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
        // Role and OPD are checked before the database is touched; whether the OPD exists, after.
        add.SetAction(r => RoleGrants.Problem(r.GetValue(role), r.GetValue(opd)) is { } problem
            ? throw new CliUsageException(problem)
            : RunAsync(app, "add", r.GetValue(email)!, r.GetValue(role), r.GetValue(opd), r.GetValue(name)));
        var reset = new Command("reset-password", "Mengatur ulang kata sandi; semua sesi akun berakhir.\n" + PasswordNote) { email };
        reset.SetAction(r => RunAsync(app, "reset-password", r.GetValue(email)!, null, null, null));
        var disable = new Command("disable", "Akun tidak dapat masuk lagi; sesinya berakhir dan tokennya ditolak.") { email };
        disable.SetAction(r => RunAsync(app, "disable", r.GetValue(email)!, null, null, null));
        return new Command("user", "Menambah akun, mengatur ulang kata sandi, menonaktifkan akun.") { add, reset, disable };
    });

    private static async Task<int> RunAsync(WebApplication app, string sub, string email, string? role, string? opd, string? name)
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

    private static async Task<int> AddAsync(UserManager<AppUser> users, RoleManager<IdentityRole> roles, SatuPintuDb db, TimeProvider time, string email, string? role, string? opdSlug, string? name)
    {
        var (choice, error) = await RoleGrants.ChooseAsync(db, role, opdSlug);
        if (choice is null)
        {
            throw new CliUsageException(error!);
        }
        var user = await users.FindByEmailAsync(email);
        string? printed = null;
        if (user is null)
        {
            var password = ReadPassword() ?? (printed = AccessTokens.NewPassword());
            // A printed password has been on a screen: the person must replace it at the first sign-in.
            user = new AppUser { UserName = email, Email = email, DisplayName = name, CreatedAt = time.GetUtcNow().UtcDateTime, MustChangePassword = printed is not null };
            Check(await users.CreateAsync(user, password));
        }
        await RoleGrants.GrantAsync(db, users, roles, user, choice);
        Console.WriteLine($"Akun {email}: {choice.Label}.");
        if (printed is not null)
        {
            Console.WriteLine($"Kata sandi (ditampilkan sekali, wajib diganti saat masuk pertama): {printed}");
        }
        return 0;
    }

    private static async Task<int> ResetAsync(UserManager<AppUser> users, SatuPintuDb db, TimeProvider time, string email)
    {
        var user = await users.FindByEmailAsync(email) ?? throw new CliUsageException($"akun tidak ditemukan: '{email}'");
        string? printed = null;
        var password = ReadPassword() ?? (printed = AccessTokens.NewPassword());
        user.MustChangePassword = printed is not null;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, password));
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await new AccountRevocation(db, users, time).EndEverythingAsync(user, "cli:user reset-password", "kata sandi diatur ulang");
        Console.WriteLine($"Kata sandi {email} diatur ulang; semua sesinya berakhir dan semua tokennya dicabut.");
        if (printed is not null)
        {
            Console.WriteLine($"Kata sandi baru (ditampilkan sekali): {printed}");
            Console.WriteLine("Kata sandi ini wajib diganti saat masuk pertama.");
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
