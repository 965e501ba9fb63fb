using System.CommandLine;
using SatuPintu.Data;
using SatuPintu.Hosting.Cli;

namespace SatuPintu.Search;

/// <summary>reindex: a new index built from the database beside the live one, then swapped in; the site keeps serving meanwhile.</summary>
internal static class ReindexVerb
{
    public static CliVerb Verb => new(app =>
    {
        var command = new Command("reindex",
            "Membangun ulang indeks pencarian dari basis data. Indeks baru dibangun di samping indeks\n" +
            "yang dipakai lalu ditukar, jadi situs tetap melayani pencarian selama proses berjalan.");
        command.SetAction(_ => RunAsync(app));
        return command;
    });

    private static async Task<int> RunAsync(WebApplication app)
    {
        await app.PrepareDatabaseAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var total = await scope.ServiceProvider.GetRequiredService<SearchSources>().CountAsync(CancellationToken.None);
        var indexer = app.Services.GetRequiredService<SearchIndexer>();
        var written = 0;
        await CliProgress.RunAsync("indeks pencarian", Math.Max(1, total), async progress =>
            await indexer.RebuildAsync(n => { written = n; progress.Report(n); }, CancellationToken.None));
        Console.WriteLine($"Indeks pencarian dibangun ulang: {written} entri.");
        return CliExit.Ok;
    }
}
