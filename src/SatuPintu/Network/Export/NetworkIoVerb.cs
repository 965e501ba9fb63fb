using System.CommandLine;
using SatuPintu.Data;
using SatuPintu.Hosting.Cli;
using SatuPintu.Network.Import;

namespace SatuPintu.Network.Export;

/// <summary><c>network import FILE [--dry-run]</c> and <c>network export --format csv|xlsx|routeros [--kind K] [--output FILE]</c>.</summary>
internal static class NetworkIoVerb
{
    public const string CliActor = "cli";

    public static CliVerb Verb => new(app =>
    {
        var file = new Argument<string>("BERKAS") { Description = "berkas CSV (satu jenis data, dikenali dari baris kepala) atau buku kerja XLSX (satu lembar per jenis)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "hanya memeriksa; tidak mengubah apa pun" };
        var import = new Command("import",
            "Mengimpor lokasi, tautan, uplink, subnet, tahap dan anggaran. Semua baris diperiksa lebih dulu;\n" +
            "bila ada satu baris salah, kesalahan tiap baris dicetak, tidak ada yang diubah, dan kode keluar 2.") { file, dryRun };
        import.SetAction(r => ImportAsync(app, r.GetValue(file)!, r.GetValue(dryRun)));

        var format = new Option<string>("--format") { HelpName = "csv|xlsx|routeros", Description = "format ekspor", Required = true };
        format.AcceptOnlyFromAmong("csv", "xlsx", "routeros");
        var kind = new Option<string>("--kind") { HelpName = "JENIS", Description = "untuk csv: jenis data (sites, links, uplinks, subnets, phases, budget); bawaan sites", DefaultValueFactory = _ => "sites" };
        kind.AcceptOnlyFromAmong([.. ImportSchema.Kinds.Select(k => k.Sheet)]);
        var output = new Option<string?>("--output") { HelpName = "BERKAS", Description = "tulis ke berkas ini (tanpa opsi: ke keluaran standar)" };
        var export = new Command("export",
            "Mengekspor registri jaringan: csv (satu jenis data), xlsx (semua jenis, satu lembar per jenis,\n" +
            "dapat diimpor kembali) atau routeros (skrip MikroTik untuk ditinjau; tidak pernah dikirim ke perangkat).") { format, kind, output };
        export.SetAction(r => ExportAsync(app, r.GetValue(format)!, r.GetValue(kind)!, r.GetValue(output)));
        return new Command("network", "Impor dan ekspor registri jaringan Program Internet Satu Pintu.") { import, export };
    });

    private static async Task<int> ImportAsync(WebApplication app, string path, bool dryRun)
    {
        if (!File.Exists(path))
        {
            throw new CliUsageException($"berkas tidak ditemukan: '{path}'");
        }
        await app.PrepareDatabaseAsync();
        var time = app.Services.GetRequiredService<TimeProvider>();
        var started = time.GetTimestamp();
        MemoryStream? data;
        await using (var input = File.OpenRead(path))
        {
            data = await ImportLimits.ReadBoundedAsync(input, CancellationToken.None);
        }
        if (data is null)
        {
            await Console.Error.WriteLineAsync($"{Path.GetFileName(path)}: {ImportLimits.TooLarge}");
            return CliExit.Usage;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<NetworkImporter>();
        var result = await importer.RunAsync(ImportReaders.Read(data), CliActor, commit: !dryRun, CancellationToken.None, Path.GetFileName(path));
        foreach (var error in result.Errors)
        {
            await Console.Error.WriteLineAsync(error.ToString());
        }
        var counts = string.Join(", ", result.Counts.Select(c => $"{c.Value} {c.Key}"));
        if (!result.Ok)
        {
            await Console.Error.WriteLineAsync($"{result.Errors.Count} kesalahan; tidak ada yang diimpor.");
            return CliExit.Usage;
        }
        var took = Seconds(time.GetElapsedTime(started));
        Console.WriteLine(dryRun ? $"Pemeriksaan lolos ({counts}; {result.ChangeSummary}) dalam {took} s; tidak ada yang diubah (--dry-run)."
            : !result.HasChanges ? $"Tidak ada perubahan ({counts}; {result.ChangeSummary}); tidak ada yang ditulis, dalam {took} s."
            : $"Diimpor: {counts} ({result.ChangeSummary}), dalam {took} s.");
        return CliExit.Ok;
    }

    /// <summary>"1,25": seconds as Indonesians write them.</summary>
    private static string Seconds(TimeSpan elapsed) => Shared.Formats.Fraction(Math.Round(elapsed.TotalSeconds, 2));

    private static async Task<int> ExportAsync(WebApplication app, string format, string kind, string? output)
    {
        await app.PrepareDatabaseAsync();
        var time = app.Services.GetRequiredService<TimeProvider>();
        var started = time.GetTimestamp();
        await using var scope = app.Services.CreateAsyncScope();
        byte[] bytes;
        if (format == "routeros")
        {
            bytes = System.Text.Encoding.UTF8.GetBytes(await scope.ServiceProvider.GetRequiredService<RouterOsExport>().ScriptAsync(CancellationToken.None));
        }
        else
        {
            var sheets = await scope.ServiceProvider.GetRequiredService<RegistryExport>().SheetsAsync(CancellationToken.None);
            bytes = format == "xlsx" ? Spreadsheet.Xlsx(sheets) : Spreadsheet.Csv(sheets.First(s => s.Name == kind).Rows);
        }
        if (output is null)
        {
            await using var stdout = Console.OpenStandardOutput();
            await stdout.WriteAsync(bytes);
        }
        else
        {
            await File.WriteAllBytesAsync(output, bytes);
            Console.WriteLine($"Ditulis: {output} ({bytes.Length} bita) dalam {Seconds(time.GetElapsedTime(started))} s.");
        }
        return CliExit.Ok;
    }
}
