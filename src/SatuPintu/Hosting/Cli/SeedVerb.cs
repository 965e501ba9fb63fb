using System.Globalization;
using SatuPintu.Data;
using SatuPintu.Data.Demo;

namespace SatuPintu.Hosting.Cli;

internal static class SeedVerb
{
    private const int MaxArticles = 1_000_000;

    public static CliVerb Verb => new("seed",
        "Membuat data demo Kepahiang (sekali) dan menambah artikel demo untuk uji beban.",
        """
        Pemakaian: SatuPintu seed [--articles N]

          (tanpa opsi)     buat basis data dan data demo Kepahiang bila belum ada
          --articles N     tambahkan N artikel demo (1..1000000), deterministik:
                           urutan yang sama di mesin mana pun, tersebar di OPD,
                           jenis (berita/pengumuman/agenda) dan lima tahun tanggal
        """,
        RunAsync);

    private static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var options = CliVerbs.ParseOptions(args, "articles");
        var articles = 0;
        if (options.TryGetValue("articles", out var raw)
            && (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out articles) || articles < 1 || articles > MaxArticles))
        {
            throw new CliUsageException($"--articles harus bilangan bulat 1..{MaxArticles}, bukan '{raw}'");
        }

        await app.PrepareDatabaseAsync();
        if (articles > 0)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            var progress = new ConsoleProgress(done => $"\r{done}/{articles} artikel");
            await seeder.AddArticlesAsync(articles, progress);
            Console.Error.WriteLine();
            Console.WriteLine($"{articles} artikel demo ditambahkan.");
        }
        else
        {
            Console.WriteLine("Basis data siap; data demo ada.");
        }
        return 0;
    }
}

/// <summary>Reports on the caller's thread, unlike <see cref="Progress{T}"/>, so lines never interleave.</summary>
internal sealed class ConsoleProgress(Func<int, string> format) : IProgress<int>
{
    public void Report(int value) => Console.Error.Write(format(value));
}
