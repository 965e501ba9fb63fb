using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SatuPintu.Data;
using SatuPintu.Search;
using SatuPintu.Search.Analysis;
using SatuPintu.Search.Lucene;

namespace SatuPintu.Tests.Search;

/// <summary>The index files: position kept with the commit, a damaged index reported (not thrown), a rebuild by another process swapped in.</summary>
public sealed class LuceneIndexFilesTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "satupintu-index-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));

    private LuceneBackend Backend() => new(Options.Create(new DataOptions { DataDir = _dir }), new TextAnalyzer(), _time, NullLogger<LuceneBackend>.Instance);

    private static SearchEntry Entry(int id, string title) => new($"article:{id}", "berita", title, "Isi " + title, $"/berita/{id}", "dinkes", "Dinkes", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));

    private static async Task<int> CountAsync(LuceneBackend b, string q) =>
        (await b.SearchAsync(new SearchRequest(QueryText.Parse(q)), CancellationToken.None)).Total;

    [Fact]
    public async Task The_position_survives_a_restart_and_changes_apply()
    {
        using (var b = Backend())
        {
            Assert.Null(await b.PositionAsync(CancellationToken.None));
            await b.RebuildAsync(new[] { Entry(1, "Vaksinasi anak sekolah") }.ToAsyncEnumerable(), 5, null, CancellationToken.None);
            await b.ApplyAsync([Entry(2, "Pembangunan jembatan gantung")], [], 9, CancellationToken.None);
        }
        using var again = Backend();
        Assert.Equal(9, await again.PositionAsync(CancellationToken.None));
        Assert.Equal(1, await CountAsync(again, "membangun jembatan"));
        await again.ApplyAsync([], ["article:1"], 10, CancellationToken.None);
        Assert.Equal(0, await CountAsync(again, "vaksinasi"));
    }

    [Fact]
    public async Task A_damaged_index_is_reported_as_missing_not_thrown()
    {
        using (var b = Backend())
        {
            await b.RebuildAsync(new[] { Entry(1, "Vaksinasi") }.ToAsyncEnumerable(), 3, null, CancellationToken.None);
        }
        var generation = File.ReadAllText(Path.Combine(_dir, "search", "current")).Trim();
        foreach (var f in System.IO.Directory.GetFiles(Path.Combine(_dir, "search", generation)))
        {
            File.WriteAllBytes(f, [1, 2, 3]);
        }
        using var damaged = Backend();
        Assert.Null(await damaged.PositionAsync(CancellationToken.None));
        Assert.Equal(0, await CountAsync(damaged, "vaksinasi"));
        await damaged.RebuildAsync(new[] { Entry(1, "Vaksinasi") }.ToAsyncEnumerable(), 4, null, CancellationToken.None);
        Assert.Equal(1, await CountAsync(damaged, "vaksinasi"));
    }

    [Fact]
    public async Task A_rebuild_by_another_process_is_swapped_in_while_the_first_serves()
    {
        using var site = Backend();
        await site.RebuildAsync(new[] { Entry(1, "Vaksinasi") }.ToAsyncEnumerable(), 3, null, CancellationToken.None);
        Assert.Equal(1, await CountAsync(site, "vaksinasi"));
        using (var cli = Backend())
        {
            await cli.RebuildAsync(new[] { Entry(7, "Posyandu balita") }.ToAsyncEnumerable(), 8, null, CancellationToken.None);
        }
        // The site still serves its open index until it looks again.
        Assert.Equal(1, await CountAsync(site, "vaksinasi"));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await CountAsync(site, "posyandu"));
        Assert.Equal(0, await CountAsync(site, "vaksinasi"));
        Assert.Equal(8, await site.PositionAsync(CancellationToken.None));
    }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(_dir))
        {
            System.IO.Directory.Delete(_dir, true);
        }
    }
}
