using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using SatuPintu.Content;
using SatuPintu.Data.Demo;
using SatuPintu.Directory;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Data;

public sealed class SeedingTests
{
    private sealed class AppOn(string dataDir) : SatuPintuApp(postgres: false, new() { ["Logging:LogLevel:SatuPintu.Search"] = "Information" }, dataDir)
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(l => l.AddFakeLogging());
        }

        public IEnumerable<string> SearchLog() =>
            Services.GetFakeLogCollector().GetSnapshot().Where(r => r.Category?.StartsWith("SatuPintu.Search", StringComparison.Ordinal) == true).Select(r => r.Message);
    }

    [Fact]
    public async Task First_start_seeds_34_opds_once_and_a_restart_duplicates_nothing_and_rebuilds_a_missing_search_index()
    {
        var dir = Path.Combine(Path.GetTempPath(), "satupintu-tests", Guid.NewGuid().ToString("N"));
        try
        {
            (int Opds, int Articles, int Documents, int Units) first, second;
            int kecamatan;
            await using (var app = new AppOn(dir))
            {
                app.Browser();
                first = await Counts(app);
            }
            Assert.True(File.Exists(Path.Combine(dir, "satupintu.db")));
            // The Lucene index is lost (a disk swapped, a folder cleaned): the next start rebuilds it from the database, with a log line.
            System.IO.Directory.Delete(Path.Combine(dir, "search"), recursive: true);
            await using (var app = new AppOn(dir))
            {
                var portal = app.Browser();
                Assert.Equal(System.Net.HttpStatusCode.OK, (await portal.FetchAsync("/healthz")).Status);
                await Search.IndexWait.UntilAsync(async () =>
                    (await portal.GetOkAsync("/cari?q=KTP")).Contains("Layanan: <a href=\"/layanan/disdukcapil/perekaman-ktp-elektronik\">", StringComparison.Ordinal),
                    "search did not answer after the missing index was rebuilt at start");
                Assert.Contains(app.SearchLog(), m => m.Contains("rebuilding it from the database", StringComparison.Ordinal));
                Assert.Contains(app.SearchLog(), m => m.StartsWith("Search index rebuilt at change", StringComparison.Ordinal));
                Assert.True(System.IO.Directory.Exists(Path.Combine(dir, "search")));
                second = await Counts(app);
                kecamatan = await app.WithDbAsync(db => db.Opds.CountAsync(o => o.Kind == OpdKind.Kecamatan));
            }
            Assert.Equal(34, first.Opds);
            Assert.Equal(8, kecamatan);
            Assert.True(first.Articles >= 300, $"{first.Articles} articles");
            Assert.True(first.Documents > 0);
            Assert.Equal(first, second);
        }
        finally
        {
            SatuPintuApp.TryDelete(dir);
        }
    }

    private static Task<(int, int, int, int)> Counts(SatuPintuApp app) => app.WithDbAsync(async db =>
        (await db.Opds.CountAsync(), await db.Articles.CountAsync(), await db.Documents.CountAsync(), await db.OpdUnits.CountAsync()));

    [Fact]
    public void Generated_articles_are_deterministic_and_spread_out()
    {
        var opds = KepahiangOpdsForTest();
        var tags = DemoText.Tags.Select((t, i) => new Tag { Id = i + 1, Slug = t.Slug, Name = t.Name }).ToList();
        var a = new DemoArticles(opds, tags, DemoSeeder.Anchor);
        var b = new DemoArticles(opds, tags, DemoSeeder.Anchor);
        var first = Enumerable.Range(0, 2000).Select(a.Create).ToList();
        var again = Enumerable.Range(0, 2000).Select(b.Create).ToList();
        Assert.Equal(first.Select(x => (x.Slug, x.Title, x.BodyHtml, x.PublishAt, x.OpdId, x.Kind)), again.Select(x => (x.Slug, x.Title, x.BodyHtml, x.PublishAt, x.OpdId, x.Kind)));
        Assert.Equal(first.Count, first.Select(x => x.Slug).Distinct().Count());
        Assert.Equal(34, first.Select(x => x.OpdId).Distinct().Count());
        Assert.Equal(3, first.Select(x => x.Kind).Distinct().Count());
        var years = first.Select(x => x.PublishAt!.Value.Year).Distinct().Count();
        Assert.True(years >= 5, $"dates span {years} calendar years");
        Assert.All(first, x => Assert.InRange(x.PublishAt!.Value, DemoSeeder.Anchor.AddDays(-5 * 365 - 1), DemoSeeder.Anchor));
    }

    private static List<Opd> KepahiangOpdsForTest() =>
        KepahiangOpds.All.Select((o, i) => new Opd { Id = i + 1, Slug = o.Slug, Name = o.Name, ShortName = o.ShortName, Kind = o.Kind }).ToList();
}
