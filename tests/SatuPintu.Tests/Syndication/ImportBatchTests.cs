using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SatuPintu.Data;
using SatuPintu.Syndication;
using SatuPintu.Syndication.Parsing;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Syndication;

/// <summary>
/// A big archive is imported a batch at a time, and the import's database context forgets each batch once it
/// is saved: kept tracked, every later save compared all earlier rows again (a 10,000-post archive slowed
/// down page by page). Items are imported once, tags shared between batches.
/// </summary>
public abstract class ImportBatchTests(SatuPintuApp app) : WithPersonas(app)
{
    [Fact]
    public async Task Batches_are_saved_and_forgotten_so_an_archive_costs_the_same_per_item()
    {
        var run = Guid.NewGuid().ToString("N")[..12];
        var sourceId = await app.WithDbAsync(async db =>
        {
            var opd = await db.Opds.SingleAsync(o => o.Slug == Personas.OpdB);
            var source = new Source { OpdId = opd.Id, SiteUrl = $"http://127.0.0.1/{run}/", FeedUrl = $"http://127.0.0.1/{run}/feed", Title = "Arsip besar", IntervalMinutes = 30, CreatedAt = DateTime.UnixEpoch };
            db.SyndicationSources.Add(source);
            await db.SaveChangesAsync();
            return source.Id;
        });
        var entries = Enumerable.Range(1, Importer.BatchSize + 50).Select(i =>
        {
            var e = new FeedEntry { Id = $"{run}-{i}", Title = $"Kabar desa {i} {run}", Content = $"<p>Isi kabar {i}</p>", Published = DateTimeOffset.UnixEpoch.AddDays(20000 + i) };
            e.Categories.Add($"Desa {run}");
            return e;
        }).ToList();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SatuPintuDb>();
        var source = await db.SyndicationSources.AsNoTracking().SingleAsync(s => s.Id == sourceId);
        var importer = scope.ServiceProvider.GetRequiredService<Importer>();

        var counts = await importer.ImportAsync(source, entries, CancellationToken.None, CancellationToken.None);
        Assert.Equal(new Importer.Counts(entries.Count, 0, 0), counts);
        Assert.Empty(db.ChangeTracker.Entries());
        var again = await importer.ImportAsync(source, entries, CancellationToken.None, CancellationToken.None);
        Assert.Equal(new Importer.Counts(0, 0, entries.Count), again);
        Assert.Empty(db.ChangeTracker.Entries());

        Assert.Equal(entries.Count, await app.WithDbAsync(d => d.Articles.CountAsync(a => a.SourceId == sourceId)));
        Assert.Equal(1, await app.WithDbAsync(d => d.Tags.CountAsync(t => t.Name == $"Desa {run}")));
    }
}

[Collection(Hosts.SqliteContent)]
public sealed class SqliteImportBatchTests(SqliteApp app) : ImportBatchTests(app);

[Collection(Hosts.PostgresContent)]
public sealed class PostgresImportBatchTests(PostgresApp app) : ImportBatchTests(app);
