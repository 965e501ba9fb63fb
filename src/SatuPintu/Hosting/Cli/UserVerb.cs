using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Accounts;
using SatuPintu.Audit;
using SatuPintu.Data;

namespace SatuPintu.Hosting.Cli;

/// <summary><c>user add|reset-password|disable</c>: account administration from the server's shell.</summary>
internal static class UserVerb
{
    private const string Usage = """
        Pemakaian:
          SatuPintu user add --email SUREL --role admin|editor|reviewer [--opd SLUG] [--name NAMA]
          SatuPintu user reset-password --email SUREL
          SatuPintu user disable --email SUREL

          Kata sandi dibaca dari stdin bila stdin dialihkan (mis. `echo rahasia | SatuPintu user add …`),
          selain itu dibuat acak dan dicetak sekali. Editor dan reviewer wajib --opd (slug OPD).
          Menambah peran ke surel yang sudah ada menambah keanggotaan OPD-nya.
        """;

    public static CliVerb Verb => new("user", "Menambah akun, mengatur ulang kata sandi, menonaktifkan akun.", Usage, RunAsync);

    private static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0)
        {
            throw new CliUsageException("sebutkan subperintah: add, reset-password atau disable");
        }
        var sub = args[0];
        var rest = args[1..];
        var options = sub switch
        {
            "add" => CliVerbs.ParseOptions(rest, "email", "role", "opd", "name"),
            "reset-password" or "disable" => CliVerbs.ParseOptions(rest, "email"),
            _ => throw new CliUsageException($"subperintah tidak dikenal: '{sub}'"),
        };
        var email = options.GetValueOrDefault("email") ?? throw new CliUsageException("--email wajib diisi");
        if (!System.Net.Mail.MailAddress.TryCreate(email, out _) || email.Length > 256)
        {
            throw new CliUsageException($"surel tidak valid: '{email}'");
        }
        var role = sub == "add" ? ParseRole(options.GetValueOrDefault("role"), options.GetValueOrDefault("opd")) : default;

        await app.PrepareDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<SatuPintuDb>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        using var actor = AuditActor.Use($"cli:user {sub}");
        return sub switch
        {
            "add" => await AddAsync(users, db, time, email, role, options.GetValueOrDefault("opd"), options.GetValueOrDefault("name")),
            "reset-password" => await ResetAsync(users, db, time, email),
            _ => await DisableAsync(users, db, time, email),
        };
    }

    private static (bool Admin, OpdRole Role) ParseRole(string? role, string? opd) => role switch
    {
        "admin" when opd is null => (true, default),
        "admin" => throw new CliUsageException("admin berlaku untuk semua OPD: jangan pakai --opd"),
        "editor" or "reviewer" when opd is null => throw new CliUsageException($"{role} wajib --opd SLUG"),
        "editor" => (false, OpdRole.Editor),
        "reviewer" => (false, OpdRole.Reviewer),
        null => throw new CliUsageException("--role wajib diisi: admin, editor atau reviewer"),
        _ => throw new CliUsageException($"peran tidak dikenal: '{role}' (admin, editor, reviewer)"),
    };

    private static async Task<int> AddAsync(UserManager<AppUser> users, SatuPintuDb db, TimeProvider time, string email, (bool Admin, OpdRole Role) role, string? opdSlug, string? name)
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
        if (role.Admin)
        {
            if (!await users.IsInRoleAsync(user, Access.AdminRole))
            {
                Check(await users.AddToRoleAsync(user, Access.AdminRole));
            }
        }
        else if (!await db.OpdMemberships.AnyAsync(m => m.UserId == user.Id && m.OpdId == opd!.Id && m.Role == role.Role))
        {
            db.OpdMemberships.Add(new OpdMembership { UserId = user.Id, OpdId = opd!.Id, Role = role.Role });
            await db.SaveChangesAsync();
            await users.UpdateSecurityStampAsync(user);
        }
        Console.WriteLine($"Akun {email}: {(role.Admin ? "admin" : $"{role.Role.ToString().ToLowerInvariant()} {opd!.Name}")}.");
        if (printed is not null)
        {
            Console.WriteLine($"Kata sandi (ditampilkan sekali): {printed}");
        }
        return 0;
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
