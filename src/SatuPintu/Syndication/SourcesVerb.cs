using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;
using SatuPintu.Hosting.Cli;

namespace SatuPintu.Syndication;

/// <summary><c>sources poll [--source ID | --all]</c>: fetches now and prints one line per source; exit 0 when the round ran, even if sources failed.</summary>
internal static class SourcesVerb
{
    public static CliVerb Verb => new(app =>
    {
        var source = CliOptions.Range("--source", "ID", 1, int.MaxValue, "", "nomor sumber yang diambil sekarang");
        var all = new Option<bool>("--all") { Description = "ambil semua sumber yang tidak dijeda, sekarang, tanpa menunggu jadwalnya" };
        var poll = new Command("poll", "Mengambil umpan sumber sindikasi sekarang dan mencetak hasilnya per sumber.") { source, all };
        poll.SetAction(r => RunAsync(app, r.GetValue(source), r.GetValue(all)));
        return new Command("sources", "Sumber sindikasi: situs OPD yang beritanya diimpor.") { poll };
    });

    private static async Task<int> RunAsync(WebApplication app, int? id, bool all)
    {
        if (id is null == !all)
        {
            throw new CliUsageException("pilih salah satu: --source ID atau --all");
        }
        await app.PrepareDatabaseAsync();
        List<int> ids;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SatuPintuDb>();
            ids = id is { } one
                ? await db.SyndicationSources.Where(s => s.Id == one).Select(s => s.Id).ToListAsync()
                : await db.SyndicationSources.Where(s => !s.Paused).OrderBy(s => s.Id).Select(s => s.Id).ToListAsync();
            if (id is not null && ids.Count == 0)
            {
                throw new CliUsageException($"sumber {id} tidak ada");
            }
        }
        var reports = await app.Services.GetRequiredService<SourcePolling>().RunAsync(ids, CancellationToken.None);
        foreach (var r in reports)
        {
            Console.WriteLine($"#{r.SourceId} {r.Title}: {r.Outcome}");
        }
        var skipped = ids.Count - reports.Count;
        Console.WriteLine($"{reports.Count} sumber diambil, {reports.Count(r => !r.Ok)} gagal{(skipped > 0 ? $", {skipped} sedang diambil node lain" : "")}.");
        return CliExit.Ok;
    }
}
