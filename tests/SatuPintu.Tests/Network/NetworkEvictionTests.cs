using System.Net;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Network;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Network;

/// <summary>
/// A network change evicts /jaringan and the pages of the OPDs housed at the site it touches (before
/// and after the change), and leaves every other cached page alone; seen through the cache's Age header.
/// </summary>
public abstract class NetworkEvictionTests(SatuPintuApp app)
{
    private static async Task<bool> FromCacheAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return response.Headers.Age is not null;
    }

    private static async Task CachedAsync(HttpClient portal, params string[] pages)
    {
        foreach (var page in pages)
        {
            await portal.GetOkAsync(page);
            Assert.True(await FromCacheAsync(portal, page), page + " should now come from the cache");
        }
    }

    /// <summary>A demo site housing an OPD, that OPD, and an OPD not housed at that site.</summary>
    private Task<(int SiteId, string Housed, int HousedId, string Other, int OtherId)> PickAsync() => app.WithDbAsync(async db =>
    {
        var housing = await db.NetworkSiteOpds.AsNoTracking().Where(o => o.OpdUnitId == null).OrderBy(o => o.Id)
            .Select(o => new { o.SiteId, o.OpdId, o.Opd!.Slug }).FirstAsync();
        var atSite = await db.NetworkSiteOpds.Where(o => o.SiteId == housing.SiteId).Select(o => o.OpdId).ToListAsync();
        var other = await db.Opds.AsNoTracking().Where(o => o.ArchivedAt == null && !o.Hidden && !atSite.Contains(o.Id)).OrderBy(o => o.Id).Select(o => new { o.Id, o.Slug }).FirstAsync();
        return (housing.SiteId, housing.Slug, housing.OpdId, other.Slug, other.Id);
    });

    [Fact]
    public async Task A_site_change_evicts_jaringan_and_its_housed_OPDs_only()
    {
        var (siteId, housed, _, other, _) = await PickAsync();
        var portal = app.Browser();
        await CachedAsync(portal, "/jaringan", $"/opd/{housed}", $"/opd/{other}", "/berita");

        await app.WithDbAsync(async db =>
        {
            var site = await db.NetworkSites.SingleAsync(s => s.Id == siteId);
            site.Notes = "Catatan uji " + Guid.NewGuid().ToString("N")[..8];
            return await db.SaveChangesAsync();
        });

        Assert.False(await FromCacheAsync(portal, "/jaringan"));
        Assert.False(await FromCacheAsync(portal, $"/opd/{housed}"));
        Assert.True(await FromCacheAsync(portal, $"/opd/{other}"));
        Assert.True(await FromCacheAsync(portal, "/berita"));
    }

    [Fact]
    public async Task Moving_an_OPD_out_of_a_site_evicts_the_OPDs_housed_there_before_and_after()
    {
        var (siteId, housed, housedId, other, otherId) = await PickAsync();
        var untouched = await app.WithDbAsync(db => db.Opds.Where(o => o.ArchivedAt == null && !o.Hidden && o.Id != otherId
            && !db.NetworkSiteOpds.Any(s => s.SiteId == siteId && s.OpdId == o.Id)).OrderByDescending(o => o.Id).Select(o => o.Slug).FirstAsync());
        var portal = app.Browser();
        await CachedAsync(portal, "/jaringan", $"/opd/{housed}", $"/opd/{other}", $"/opd/{untouched}");

        // One save: the site's state reason changes, its OPD leaves and another moves in.
        await SwapAsync(siteId, housedId, otherId);
        try
        {
            Assert.False(await FromCacheAsync(portal, "/jaringan"));
            Assert.False(await FromCacheAsync(portal, $"/opd/{housed}"));
            Assert.False(await FromCacheAsync(portal, $"/opd/{other}"));
            Assert.True(await FromCacheAsync(portal, $"/opd/{untouched}"));
        }
        finally
        {
            await SwapAsync(siteId, otherId, housedId);
        }
    }

    private Task<int> SwapAsync(int siteId, int leaving, int coming) => app.WithDbAsync(async db =>
    {
        var site = await db.NetworkSites.Include(s => s.Opds).SingleAsync(s => s.Id == siteId);
        site.Opds.RemoveAll(o => o.OpdId == leaving && o.OpdUnitId == null);
        site.Opds.Add(new SiteOpd { OpdId = coming });
        site.UpdatedAt = site.UpdatedAt.AddSeconds(1);
        return await db.SaveChangesAsync();
    });
}

[Collection(Hosts.SqlitePortal)]
public sealed class SqliteNetworkEvictionTests(SqliteApp app) : NetworkEvictionTests(app);

[Collection(Hosts.PostgresPortal)]
public sealed class PostgresNetworkEvictionTests(PostgresApp app) : NetworkEvictionTests(app);
