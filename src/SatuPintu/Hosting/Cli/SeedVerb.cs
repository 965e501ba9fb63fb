using System.CommandLine;
using SatuPintu.Data;
using SatuPintu.Data.Demo;

namespace SatuPintu.Hosting.Cli;

internal static class SeedVerb
{
    private const int MaxArticles = 1_000_000;

    public static CliVerb Verb => new(app =>
    {
        var articles = CliOptions.Range("--articles", "N", 1, MaxArticles, "",
            "tambahkan N artikel demo (1..1000000), deterministik: urutan yang sama di mesin mana pun,\n" +
            "tersebar di OPD, jenis (berita/pengumuman/agenda) dan lima tahun tanggal");
        var command = new Command("seed",
            "Membuat basis data dan data demo bila belum ada (sekali);\n" +
            "dengan --articles menambah artikel demo untuk uji beban.") { articles };
        command.SetAction(r => RunAsync(app, r.GetValue(articles) ?? 0));
        return command;
    });

    private static async Task<int> RunAsync(WebApplication app, int articles)
    {
        await app.PrepareDatabaseAsync();
        if (articles > 0)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            await CliProgress.RunAsync($"{articles} artikel", articles, progress => seeder.AddArticlesAsync(articles, progress));
            Console.WriteLine($"{articles} artikel demo ditambahkan.");
        }
        else
        {
            Console.WriteLine("Basis data siap; data demo ada.");
        }
        return CliExit.Ok;
    }
}
