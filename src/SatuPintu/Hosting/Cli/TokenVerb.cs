using System.Globalization;
using Microsoft.AspNetCore.Identity;
using SatuPintu.Accounts;
using SatuPintu.Accounts.Admin;
using SatuPintu.Audit;
using SatuPintu.Data;

namespace SatuPintu.Hosting.Cli;

/// <summary><c>token create</c>: a personal access token for scripts; printed once, alone on the last line.</summary>
internal static class TokenVerb
{
    private const string Usage = """
        Pemakaian:
          SatuPintu token create --email SUREL --name NAMA [--expires HARI]

          Mencetak token akses pribadi sekali, sendirian di baris terakhir keluaran.
          Token mengikuti hak akses akun; simpan hash-nya saja yang ada di basis data.
          --expires HARI: 1 sampai batas SatuPintu:Accounts:MaxTokenDays (bawaan 365), tanpa opsi: batas itu.
          Dapat dicabut di /admin/akun/token; dicabut semua saat kata sandi diatur ulang atau akun dinonaktifkan.
        """;

    public static CliVerb Verb => new("token", "Membuat token akses pribadi untuk API.", Usage, RunAsync);

    private static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args.Length == 0 || args[0] != "create")
        {
            throw new CliUsageException(args.Length == 0 ? "sebutkan subperintah: create" : $"subperintah tidak dikenal: '{args[0]}'");
        }
        var options = CliVerbs.ParseOptions(args[1..], "email", "name", "expires");
        var email = options.GetValueOrDefault("email") ?? throw new CliUsageException("--email wajib diisi");
        var name = SatuPintu.Content.HtmlCleaner.PlainText(options.GetValueOrDefault("name"));
        if (name.Length is 0 or > 100)
        {
            throw new CliUsageException("--name wajib diisi (paling banyak 100 karakter)");
        }
        int? days = null;
        if (options.TryGetValue("expires", out var raw))
        {
            var max = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AccountOptions>>().Value.MaxTokenDays;
            if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var d) || d < 1 || d > max)
            {
                throw new CliUsageException($"--expires harus 1..{max} hari, bukan '{raw}'");
            }
            days = d;
        }

        await app.PrepareDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new CliUsageException($"akun tidak ditemukan: '{email}'");
        if (user.DisabledAt is not null)
        {
            throw new CliUsageException($"akun {email} dinonaktifkan");
        }
        using var actor = AuditActor.Use("cli:token create");
        var (token, record) = await scope.ServiceProvider.GetRequiredService<TokenIssuer>().IssueAsync(user, name, days);
        Console.WriteLine($"Token \"{record.Name}\" untuk {email}{(record.ExpiresAt is { } e ? $", berlaku sampai {e:yyyy-MM-dd} UTC" : "")}. Simpan sekarang; token tidak ditampilkan lagi:");
        Console.WriteLine(token);
        return 0;
    }
}
