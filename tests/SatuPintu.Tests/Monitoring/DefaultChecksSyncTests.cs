using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;
using SatuPintu.Directory;
using SatuPintu.Monitoring;
using SatuPintu.Network;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Monitoring;

/// <summary>
/// Default checks follow the registry and the directory in the same save: a new link with a
/// management address gets its ICMP check below its parent site's check, moves and renames follow,
/// an OPD website gets its HTTP check. In the demo every one is created paused. Every address here is
/// on 127.0.0.0/8, so even a check that ran would not leave the machine.
/// </summary>
public abstract class DefaultChecksSyncTests(SatuPintuApp app)
{
    private async Task<T> DbAsync<T>(Func<SatuPintuDb, Task<T>> work) => await app.WithDbAsync(work);

    private Task<Check?> LinkCheckAsync(int linkId) =>
        DbAsync(db => db.MonitorChecks.AsNoTracking().SingleOrDefaultAsync(c => c.NetworkLinkId == linkId));

    [Fact]
    public async Task A_link_and_a_website_get_their_checks_paused_in_the_demo_and_follow_every_edit()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var (hubLink, kecamatanId, kecamatanLink) = await DbAsync(async db =>
        {
            var hub = await db.NetworkSites.Include(s => s.Link).SingleAsync(s => s.Name == "Titik distribusi kompleks perkantoran");
            var kec = await db.NetworkSites.Include(s => s.Link).FirstAsync(s => s.Kind == SiteKind.Kecamatan && s.Link!.ManagementAddress != null);
            return (hub.Link!.Id, kec.Id, kec.Link!.Id);
        });
        var hubCheck = (await LinkCheckAsync(hubLink))!;
        var kecamatanCheck = (await LinkCheckAsync(kecamatanLink))!;

        var (siteId, linkId) = await DbAsync(async db =>
        {
            var site = new Site
            {
                Name = $"Lokasi cek {tag}", Kind = SiteKind.Office, State = ConnectionState.Installed, ParentSiteId = (await db.NetworkLinks.SingleAsync(l => l.Id == hubLink)).SiteId,
                Link = new Link { Medium = LinkMedium.Fiber, CommittedDownMbps = 10, CommittedUpMbps = 5, ManagementAddress = "127.0.0.77" },
            };
            db.NetworkSites.Add(site);
            await db.SaveChangesAsync();
            return (site.Id, site.Link.Id);
        });
        var made = await LinkCheckAsync(linkId);
        Assert.NotNull(made);
        Assert.Equal((CheckKind.Icmp, "127.0.0.77", $"Tautan Lokasi cek {tag}", true, hubCheck.Id), (made.Kind, made.Target, made.Name, made.Paused, made.ParentCheckId));

        // A new address, a new name and a new parent move the same check along.
        await DbAsync(async db =>
        {
            var site = await db.NetworkSites.Include(s => s.Link).SingleAsync(s => s.Id == siteId);
            site.Link!.ManagementAddress = "127.0.0.78";
            site.Name = $"Lokasi cek {tag} baru";
            site.ParentSiteId = kecamatanId;
            return await db.SaveChangesAsync();
        });
        var moved = (await LinkCheckAsync(linkId))!;
        Assert.Equal((made.Id, "127.0.0.78", $"Tautan Lokasi cek {tag} baru", kecamatanCheck.Id, true), (moved.Id, moved.Target, moved.Name, moved.ParentCheckId, moved.Paused));

        // A child site added later hangs below it; clearing the child's address pauses its check and keeps it.
        var childLink = await DbAsync(async db =>
        {
            var child = new Site
            {
                Name = $"Lokasi cek {tag} anak", Kind = SiteKind.Office, State = ConnectionState.Planned, ParentSiteId = siteId,
                Link = new Link { Medium = LinkMedium.WirelessPtp, CommittedDownMbps = 5, CommittedUpMbps = 2, ManagementAddress = "127.0.0.79" },
            };
            db.NetworkSites.Add(child);
            await db.SaveChangesAsync();
            return child.Link.Id;
        });
        Assert.Equal(made.Id, (await LinkCheckAsync(childLink))!.ParentCheckId);
        var checks = await DbAsync(db => db.MonitorChecks.CountAsync());

        // An OPD website: a changed address moves its check, the demo keeps it paused, nothing is added twice.
        var opd = await DbAsync(db => db.Opds.AsNoTracking().FirstAsync(o => o.Website != null && o.Kind == OpdKind.Badan));
        var before = await DbAsync(db => db.MonitorChecks.AsNoTracking().SingleAsync(c => c.OpdId == opd.Id && c.Kind == CheckKind.Http && c.Target == opd.Website));
        await DbAsync(async db =>
        {
            (await db.Opds.SingleAsync(o => o.Id == opd.Id)).Website = $"http://127.0.0.80/{tag}";
            return await db.SaveChangesAsync();
        });
        var after = await DbAsync(db => db.MonitorChecks.AsNoTracking().SingleAsync(c => c.Id == before.Id));
        Assert.Equal(($"http://127.0.0.80/{tag}", true), (after.Target, after.Paused));
        Assert.Equal(checks, await DbAsync(db => db.MonitorChecks.CountAsync()));
    }
}

[Collection(Hosts.SqliteContent)]
public sealed class SqliteDefaultChecksSyncTests(SqliteApp app) : DefaultChecksSyncTests(app);

[Collection(Hosts.PostgresContent)]
public sealed class PostgresDefaultChecksSyncTests(PostgresApp app) : DefaultChecksSyncTests(app);

/// <summary>A registry without the demo and without a scheduler on this node: checks are created running and paused only by the registry's own moves.</summary>
public sealed class NoDemoApp : SatuPintuApp
{
    public NoDemoApp() : base(postgres: false, new() { ["SatuPintu:SeedDemo"] = "false", ["SatuPintu:Regency:Name"] = "Kabupaten Uji", ["SatuPintu:Monitoring:Enabled"] = "false" }) { }
}

public sealed class DefaultChecksOutsideTheDemoTests(NoDemoApp app) : IClassFixture<NoDemoApp>
{
    [Fact]
    public async Task Outside_the_demo_checks_start_running_and_the_registry_pauses_them()
    {
        var (coreId, linkId, opdId) = await app.WithDbAsync(async db =>
        {
            var opd = new Opd { Slug = "dinas-uji", Name = "Dinas Uji", Kind = OpdKind.Dinas, Website = "http://127.0.0.81/" };
            db.Opds.Add(opd);
            var core = new Site { Name = "NOC uji", Kind = SiteKind.Core, State = ConnectionState.Connected };
            var office = new Site
            {
                Name = "Kantor uji", Kind = SiteKind.Office, State = ConnectionState.Connected, ParentSite = core,
                Link = new Link { Medium = LinkMedium.Fiber, CommittedDownMbps = 10, CommittedUpMbps = 5, ManagementAddress = "127.0.0.82" },
            };
            db.NetworkSites.AddRange(core, office);
            await db.SaveChangesAsync();
            return (core.Id, office.Link.Id, opd.Id);
        });
        var link = await app.WithDbAsync(db => db.MonitorChecks.AsNoTracking().SingleAsync(c => c.NetworkLinkId == linkId));
        var site = await app.WithDbAsync(db => db.MonitorChecks.AsNoTracking().SingleAsync(c => c.OpdId == opdId && c.Kind == CheckKind.Http));
        Assert.Equal((false, "127.0.0.82", (long?)null), (link.Paused, link.Target, link.ParentCheckId));
        Assert.Equal((false, "http://127.0.0.81/"), (site.Paused, site.Target));

        await app.WithDbAsync(async db =>
        {
            (await db.NetworkSites.SingleAsync(s => s.Link!.Id == linkId)).State = ConnectionState.Decommissioned;
            (await db.Opds.SingleAsync(o => o.Id == opdId)).Website = null;
            return await db.SaveChangesAsync();
        });
        Assert.True((await app.WithDbAsync(db => db.MonitorChecks.AsNoTracking().SingleAsync(c => c.Id == link.Id))).Paused);
        Assert.True((await app.WithDbAsync(db => db.MonitorChecks.AsNoTracking().SingleAsync(c => c.Id == site.Id))).Paused);

        // Deleting the site keeps the check's history but pauses it and lets go of the link.
        await app.WithDbAsync(async db =>
        {
            var s = await db.NetworkSites.Include(x => x.Link).SingleAsync(x => x.Link!.Id == linkId);
            (await db.MonitorChecks.SingleAsync(c => c.Id == link.Id)).Paused = false;
            db.NetworkSites.Remove(s);
            return await db.SaveChangesAsync();
        });
        var gone = await app.WithDbAsync(db => db.MonitorChecks.AsNoTracking().SingleAsync(c => c.Id == link.Id));
        Assert.Equal((true, (int?)null), (gone.Paused, gone.NetworkLinkId));
        Assert.True(coreId > 0);
    }
}
