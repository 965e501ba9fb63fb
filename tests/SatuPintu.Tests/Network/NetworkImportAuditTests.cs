using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SatuPintu.Network;
using SatuPintu.Network.Import;
using SatuPintu.Tests.Infrastructure;
using static SatuPintu.Tests.Network.ImportFiles;

namespace SatuPintu.Tests.Network;

/// <summary>
/// The committed import: one audit event for the whole file (who, which file, its SHA-256, rows per
/// kind) instead of one per row, the public changes in the same transaction, and the bulk path for
/// subnets rolled back with everything else when the database refuses one of its rows.
/// </summary>
public abstract class NetworkImportAuditTests(SatuPintuApp app)
{
    private const string Noc = "NOC Diskominfo";

    [Fact]
    public async Task A_committed_import_is_one_audit_event_with_the_file_hash_and_counts()
    {
        var site = "Kantor Audit Impor " + (app.IsPostgres ? "PG" : "SQLite");
        var file = Xlsx(
            Sheet("sites", ["name", "kind", "state", "parent", "opds"], [site, "office", "installed", Noc, "bkd"]),
            Sheet("subnets", ["site", "cidr", "vlan"], [site, "198.18.10.0/24", 10], [site, "198.18.11.0/24", 11]));
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file.ToArray()));
        var lastAudit = await app.WithDbAsync(db => db.AuditEntries.MaxAsync(a => (long?)a.Id)) ?? 0;
        var lastChange = await app.WithDbAsync(db => db.PublicChanges.MaxAsync(c => (long?)c.Id)) ?? 0;

        var result = await ImportAsync(app, file, fileName: "registri.xlsx");

        Assert.True(result.Committed);
        var audits = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.Id > lastAudit).ToListAsync());
        var entry = Assert.Single(audits);
        Assert.Equal((NetworkImporter.AuditAction, NetworkImporter.AuditEntityType, sha, "uji@example.go.id"), (entry.Action, entry.EntityType, entry.EntityId, entry.Actor));
        Assert.Equal("registri.xlsx: 1 sites, 2 subnets (3 baru)", entry.Summary);
        Assert.Contains("\"subnets\":2", entry.After, StringComparison.Ordinal);
        var stored = await app.WithDbAsync(db => db.NetworkSubnets.Where(n => n.Site!.Name == site).Select(n => n.Cidr).OrderBy(c => c).ToListAsync());
        Assert.Equal(["198.18.10.0/24", "198.18.11.0/24"], stored);
        // The public change feed still knows the site and its OPD changed (subnets are not public).
        var changes = await app.WithDbAsync(db => db.PublicChanges.AsNoTracking().Where(c => c.Id > lastChange && c.Kind == "network").ToListAsync());
        Assert.Equal(2, changes.Count);
    }

    [Fact]
    public async Task A_row_the_database_refuses_in_the_bulk_path_rolls_back_the_whole_file()
    {
        var site = "Kantor Tolak Massal " + (app.IsPostgres ? "PG" : "SQLite");
        const string refused = "198.18.99.0/24";
        // A trigger stands in for whatever a database may refuse after the rows passed the checks.
        var (create, drop) = app.IsPostgres
            ? ($"""
                CREATE FUNCTION uji_tolak() RETURNS trigger AS $$ BEGIN IF NEW."Cidr" = '{refused}' THEN RAISE EXCEPTION 'uji'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql;
                CREATE TRIGGER uji_tolak BEFORE INSERT ON "NetworkSubnets" FOR EACH ROW EXECUTE FUNCTION uji_tolak();
                """, "DROP TRIGGER uji_tolak ON \"NetworkSubnets\"; DROP FUNCTION uji_tolak();")
            : ($"CREATE TRIGGER uji_tolak BEFORE INSERT ON NetworkSubnets WHEN NEW.Cidr = '{refused}' BEGIN SELECT RAISE(ABORT, 'uji'); END;", "DROP TRIGGER uji_tolak;");
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(create));
        try
        {
            var lastAudit = await app.WithDbAsync(db => db.AuditEntries.MaxAsync(a => (long?)a.Id)) ?? 0;
            var file = Xlsx(
                Sheet("sites", ["name", "kind", "state", "parent"], [site, "office", "planned", Noc]),
                Sheet("subnets", ["site", "cidr"], [site, "198.18.98.0/24"], [site, refused]));
            await Assert.ThrowsAnyAsync<Exception>(() => ImportAsync(app, file));
            Assert.False(await app.WithDbAsync(db => db.NetworkSites.AnyAsync(s => s.Name == site)));
            Assert.False(await app.WithDbAsync(db => db.NetworkSubnets.AnyAsync(n => n.Cidr == "198.18.98.0/24")));
            Assert.False(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Id > lastAudit && a.Action == NetworkImporter.AuditAction)));
        }
        finally
        {
            await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(drop));
        }
    }

    [Fact]
    public async Task A_file_waits_for_the_subnet_gate_and_is_checked_against_what_was_written_meanwhile()
    {
        var cidr = app.IsPostgres ? "198.18.21.0/24" : "198.18.20.0/24";
        var inner = cidr.Replace("/24", "/25", StringComparison.Ordinal);
        var noc = await app.WithDbAsync(db => db.NetworkSites.Where(s => s.Name == Noc).Select(s => s.Id).SingleAsync());
        var gate = app.Services.GetRequiredService<SubnetGate>();
        Task<ImportResult> import;
        await gate.Lock.WaitAsync();
        try
        {
            import = ImportAsync(app, Xlsx(Sheet("subnets", ["site", "cidr"], [Noc, cidr])));
            // Stands in for a subnet post holding the gate: it writes an overlapping block while the file waits.
            await app.WithDbAsync(db =>
            {
                db.NetworkSubnets.Add(new Subnet { SiteId = noc, Cidr = inner, Family = 4 });
                return db.SaveChangesAsync();
            });
            Assert.False(import.IsCompleted, "the import must wait for the subnet gate");
        }
        finally
        {
            gate.Lock.Release();
        }
        var result = await import;
        Assert.False(result.Committed);
        Assert.Contains(result.Errors, e => e.Message.Contains(inner, StringComparison.Ordinal));
        Assert.False(await app.WithDbAsync(db => db.NetworkSubnets.AnyAsync(n => n.Cidr == cidr)));
    }
}

[Collection(Hosts.SqliteContent)]
public sealed class SqliteNetworkImportAuditTests(SqliteApp app) : NetworkImportAuditTests(app);

[Collection(Hosts.PostgresContent)]
public sealed class PostgresNetworkImportAuditTests(PostgresApp app) : NetworkImportAuditTests(app);
