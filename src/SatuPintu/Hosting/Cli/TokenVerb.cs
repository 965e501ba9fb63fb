using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using SatuPintu.Accounts;
using SatuPintu.Accounts.Admin;
using SatuPintu.Audit;
using SatuPintu.Data;

namespace SatuPintu.Hosting.Cli;

/// <summary><c>token create</c>: a personal access token for scripts; printed once, alone on the last line.</summary>
internal static class TokenVerb
{
    public static CliVerb Verb => new(app =>
    {
        var email = CliOptions.Email();
        var name = CliOptions.Text("--name", "NAMA", "nama token, mis. skrip situs (paling banyak 100 karakter)", required: true);
        var max = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AccountOptions>>().Value.MaxTokenDays;
        var expires = CliOptions.Range("--expires", "HARI", 1, max, " hari",
            $"masa berlaku 1..{max} hari, batas SatuPintu:Accounts:MaxTokenDays (tanpa opsi: batas itu); dapat dicabut di /admin/akun/token " +
            "dan dicabut semua saat kata sandi diatur ulang atau akun dinonaktifkan");
        var create = new Command("create",
            "Mencetak token akses pribadi sekali, sendirian di baris terakhir keluaran.\n" +
            "Token mengikuti hak akses akun; hanya hash-nya yang disimpan di basis data.") { email, name, expires };
        create.SetAction(r => RunAsync(app, r.GetValue(email)!, r.GetValue(name), r.GetValue(expires)));
        return new Command("token", "Membuat token akses pribadi untuk API.") { create };
    });

    private static async Task<int> RunAsync(WebApplication app, string email, string? rawName, int? days)
    {
        var name = SatuPintu.Content.HtmlCleaner.PlainText(rawName);
        if (name.Length is 0 or > 100)
        {
            throw new CliUsageException("--name wajib diisi (paling banyak 100 karakter)");
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
        return CliExit.Ok;
    }
}
