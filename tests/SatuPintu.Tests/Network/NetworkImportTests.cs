using Microsoft.EntityFrameworkCore;
using SatuPintu.Network;
using SatuPintu.Network.Import;
using SatuPintu.Tests.Infrastructure;
using static SatuPintu.Tests.Network.ImportFiles;

namespace SatuPintu.Tests.Network;

/// <summary>
/// The bulk import on the demo registry: every bad row is reported with sheet, row and column and
/// nothing at all is written; a good workbook is committed whole. Run on SQLite and PostgreSQL.
/// </summary>
public abstract class NetworkImportTests(SatuPintuApp app)
{
    private const string Noc = "NOC Diskominfo";

    private Task<string> CountsAsync() => app.WithDbAsync(async db => string.Join(",",
        await db.NetworkSites.CountAsync(), await db.NetworkLinks.CountAsync(), await db.NetworkUplinks.CountAsync(),
        await db.NetworkSubnets.CountAsync(), await db.NetworkPhases.CountAsync(), await db.NetworkBudgetLines.CountAsync(),
        await db.NetworkSiteStateChanges.CountAsync()));

    /// <summary>Imports the file, expects it refused with an error at (row, column), and the registry unchanged.</summary>
    private async Task<ImportError> RefusedAsync(MemoryStream file, int row, string column)
    {
        var before = await CountsAsync();
        var result = await ImportAsync(app, file);
        Assert.False(result.Committed);
        var error = Assert.Single(result.Errors, e => e.Row == row && e.Column == column);
        Assert.Equal(before, await CountsAsync());
        return error;
    }

    [Fact]
    public async Task Malformed_cidr_is_a_row_error_and_the_good_rows_wait()
    {
        var error = await RefusedAsync(Csv($"site,cidr,vlan,gateway\n{Noc},198.51.100.0/24,10,198.51.100.1\n{Noc},198.51.100.300/24,11,\n"), 3, "cidr");
        Assert.Equal("subnets", error.Sheet);
        Assert.Contains("bukan CIDR", error.Message, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.NetworkSubnets.AnyAsync(n => n.Cidr == "198.51.100.0/24")));
    }

    [Fact]
    public async Task Overlap_inside_the_file_names_the_earlier_block()
    {
        var error = await RefusedAsync(Csv($"site,cidr\n{Noc},203.0.113.0/24\n{Noc},203.0.113.128/25\n"), 3, "cidr");
        Assert.Contains("203.0.113.0/24", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overlap_with_the_database_names_the_stored_block()
    {
        var stored = await app.WithDbAsync(db => db.NetworkSubnets.Where(n => n.Family == 4).Select(n => n.Cidr).FirstAsync());
        var inside = stored.Replace(".0/24", ".64/26", StringComparison.Ordinal);
        var error = await RefusedAsync(Csv($"site;cidr;vlan\n{Noc};{inside};20\n"), 2, "cidr");
        Assert.Contains(stored, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_opd_and_unknown_site_are_row_errors()
    {
        await RefusedAsync(Csv("name,kind,state,parent,opds\nKantor Uji Impor,office,planned,NOC Diskominfo,bkd;tidak-ada\n"), 2, "opds");
        await RefusedAsync(Csv("site,cidr\nLokasi Yang Tidak Ada,198.51.100.0/24\n"), 2, "site");
    }

    [Theory]
    [InlineData("-5", "negatif")]
    [InlineData("satu juta", "bukan jumlah rupiah")]
    public async Task Negative_or_non_numeric_amount_is_a_row_error(string amount, string expected)
    {
        var error = await RefusedAsync(Csv($"year,source,item,planned,realised\n2026,apbd,equipment,1000000,0\n2026,apbd_perubahan,installation,{amount},0\n"), 3, "planned");
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_in_a_number_cell_of_a_workbook_is_a_row_error()
    {
        var file = Xlsx(Sheet("subnets", ["site", "cidr", "vlan"], [Noc, "198.51.100.0/25", "sepuluh"]));
        var error = await RefusedAsync(file, 2, "vlan");
        Assert.Contains("bukan bilangan bulat", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_formula_is_refused_in_a_workbook_and_in_csv()
    {
        var workbook = XlsxWithFormula("sites", ["name", "kind", "state"], ["Klik", "office", "planned"], 0, "HYPERLINK(\"http://198.51.100.7/\",\"Klik\")");
        Assert.Contains("rumus", (await RefusedAsync(workbook, 2, "name")).Message, StringComparison.Ordinal);
        await RefusedAsync(Csv("name,kind,state\n\"=HYPERLINK(\"\"http://198.51.100.7/\"\",\"\"x\"\")\",office,planned\n"), 2, "name");
    }

    [Fact]
    public async Task A_sheet_or_file_without_header_is_refused()
    {
        var before = await CountsAsync();
        var workbook = await ImportAsync(app, Xlsx(Sheet("subnets", [Noc, "198.51.100.0/25", 10])));
        Assert.Contains(workbook.Errors, e => e.Sheet == "subnets" && e.Row == 1 && e.Message.Contains("tidak berkepala", StringComparison.Ordinal));
        var csv = await ImportAsync(app, Csv($"{Noc},198.51.100.0/25,10\n"));
        Assert.Contains(csv.Errors, e => e.Row == 1 && e.Message.Contains("kepala kolom", StringComparison.Ordinal));
        Assert.False(workbook.Committed || csv.Committed);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_file_over_10_MB_is_refused_while_reading()
    {
        using var big = new MemoryStream(new byte[ImportLimits.MaxBytes + 1]);
        Assert.Null(await ImportLimits.ReadBoundedAsync(big, CancellationToken.None));
        using var limit = new MemoryStream(new byte[ImportLimits.MaxBytes]);
        Assert.NotNull(await ImportLimits.ReadBoundedAsync(limit, CancellationToken.None));
    }

    [Fact]
    public async Task A_bad_row_in_one_sheet_keeps_every_other_sheet_out_too()
    {
        var file = Xlsx(
            Sheet("phases", ["name", "target_year"], ["Tahap uji terpisah", 2027]),
            Sheet("budget", ["year", "source", "item", "planned"], [2027, "dak", "bandwidth", -1]));
        await RefusedAsync(file, 2, "planned");
        Assert.False(await app.WithDbAsync(db => db.NetworkPhases.AnyAsync(p => p.Name == "Tahap uji terpisah")));
    }

    [Fact]
    public async Task A_good_workbook_is_committed_whole_with_history()
    {
        var site = "Kantor Uji " + (app.IsPostgres ? "PG" : "SQLite");
        var file = Xlsx(
            Sheet("phases", ["name", "target_year", "description"], [site + " tahap", 2027, "uji"]),
            Sheet("sites", ["name", "kind", "state", "parent", "opds", "latitude", "longitude", "approximate", "phase", "reason"],
                [site, "office", "postponed", Noc, "bkd;setda/upbj", -3.64, 102.58, "ya", site + " tahap", "anggaran belum tersedia"]),
            Sheet("links", ["site", "medium", "down_mbps", "up_mbps", "installed_on", "monthly_cost"], [site, "wireless_ptp", 50, 20, "2026-11-02", "1.250.000"]),
            Sheet("uplinks", ["provider", "mbps", "contract_start", "contract_end", "monthly_cost"], ["ISP Uji", 500, "2026-01-01", "2026-12-31", 15000000]),
            Sheet("subnets", ["site", "cidr", "vlan", "gateway"], [site, "192.0.2.0/25", 30, "192.0.2.1"], [site, "2001:db8:ffff::/48", 30, null]),
            Sheet("budget", ["year", "source", "item", "planned", "realised", "phase"], [2027, "APBD Perubahan", "installation", 250000000, 0, site + " tahap"]));
        var result = await ImportAsync(app, file);
        Assert.Empty(result.Errors);
        Assert.True(result.Committed);

        var stored = await app.WithDbAsync(db => db.NetworkSites.AsNoTracking().Include(s => s.Opds).Include(s => s.Link).Include(s => s.Subnets)
            .Include(s => s.History).Include(s => s.Phase).Include(s => s.ParentSite).SingleAsync(s => s.Name == site));
        Assert.Equal(ConnectionState.Postponed, stored.State);
        Assert.Equal(Noc, stored.ParentSite!.Name);
        Assert.Equal(2, stored.Opds.Count);
        Assert.Equal(LinkMedium.WirelessPtp, stored.Link!.Medium);
        Assert.Equal(1_250_000, stored.Link.MonthlyCostRupiah);
        Assert.Equal(["192.0.2.0/25", "2001:db8:ffff::/48"], stored.Subnets.Select(n => n.Cidr).Order());
        Assert.Equal("anggaran belum tersedia", Assert.Single(stored.History).Reason);
        Assert.Equal(2027, stored.Phase!.TargetYear);
        Assert.True(await app.WithDbAsync(db => db.NetworkBudgetLines.AnyAsync(b => b.FiscalYear == 2027 && b.Source == BudgetSource.ApbdPerubahan && b.PlannedRupiah == 250_000_000)));

        // The same file again: every row names the record it made, and nothing is written twice.
        var counts = await CountsAsync();
        var again = await ImportAsync(app, file);
        Assert.Empty(again.Errors);
        Assert.False(again.Committed);
        Assert.All(again.Rows, r => Assert.Equal(RowChange.Unchanged, r.Change));
        Assert.Equal(counts, await CountsAsync());
    }

    [Fact]
    public async Task Preview_only_writes_nothing()
    {
        var before = await CountsAsync();
        var result = await ImportAsync(app, Csv("provider,mbps,contract_start\nISP Pratinjau,100,2026-01-01\n"), commit: false);
        Assert.Empty(result.Errors);
        Assert.False(result.Committed);
        Assert.Single(result.Rows);
        Assert.Equal(before, await CountsAsync());
    }
}

public sealed class SqliteNetworkImportTests(SqliteApp app) : NetworkImportTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresNetworkImportTests(PostgresApp app) : NetworkImportTests(app), IClassFixture<PostgresApp>;
