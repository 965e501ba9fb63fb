using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SatuPintu.Network;
using SatuPintu.Network.Export;
using SatuPintu.Network.Import;
using SatuPintu.Tests.Infrastructure;
using static SatuPintu.Tests.Network.ImportFiles;

namespace SatuPintu.Tests.Network;

/// <summary>
/// Export, edit in a spreadsheet, import again: the round trip of issue 8. An untouched export changes
/// nothing and says so; edited cells change exactly those records, state changes through the
/// lifecycle with history; refused moves and overlaps are row errors. On SQLite and PostgreSQL.
/// </summary>
public abstract class NetworkImportUpdateTests(SatuPintuApp app)
{
    private async Task<List<SheetData>> ExportAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return [.. await scope.ServiceProvider.GetRequiredService<RegistryExport>().SheetsAsync(CancellationToken.None)];
    }

    private Task<string> FingerprintAsync() => app.WithDbAsync(async db => string.Join("|",
        string.Join(",", await db.NetworkSites.OrderBy(s => s.Id).Select(s => $"{s.Id}:{s.Name}:{s.State}:{s.StateReason}:{s.ParentSiteId}:{s.Notes}:{s.UpdatedAt.Ticks}").ToListAsync()),
        string.Join(",", await db.NetworkLinks.OrderBy(l => l.Id).Select(l => $"{l.Id}:{l.CommittedDownMbps}:{l.Provider}").ToListAsync()),
        string.Join(",", await db.NetworkSubnets.OrderBy(n => n.Id).Select(n => $"{n.Id}:{n.SiteId}:{n.Cidr}:{n.Vlan}").ToListAsync()),
        string.Join(",", await db.NetworkBudgetLines.OrderBy(b => b.Id).Select(b => $"{b.Id}:{b.PlannedRupiah}:{b.RealisedRupiah}").ToListAsync()),
        await db.NetworkSiteOpds.CountAsync(), await db.NetworkSiteStateChanges.CountAsync(), await db.NetworkPhases.CountAsync(),
        await db.NetworkUplinks.CountAsync(), await db.AuditEntries.CountAsync()));

    /// <summary>Sets one cell of the first data row of <paramref name="sheet"/> that <paramref name="match"/> picks; returns that row.</summary>
    private static object?[] Edit(List<SheetData> sheets, string sheet, Func<Func<string, object?>, bool> match, params (string Column, object? Value)[] cells)
    {
        var rows = sheets.Single(s => s.Name == sheet).Rows;
        var header = rows[0].Select(h => (string)h!).ToList();
        var row = rows.Skip(1).First(r => match(c => r[header.IndexOf(c)]));
        foreach (var (column, value) in cells)
        {
            row[header.IndexOf(column)] = value;
        }
        return row;
    }

    [Fact]
    public async Task An_untouched_export_imports_as_no_change_and_writes_nothing()
    {
        var before = await FingerprintAsync();
        var result = await ImportAsync(app, Xlsx([.. await ExportAsync()]));
        Assert.Empty(result.Errors);
        Assert.False(result.HasChanges);
        Assert.False(result.Committed);
        Assert.All(result.Rows, r => Assert.Equal(RowChange.Unchanged, r.Change));
        Assert.Contains("tidak berubah", result.ChangeSummary, StringComparison.Ordinal);
        Assert.DoesNotContain("baru", result.ChangeSummary, StringComparison.Ordinal);
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task Edited_cells_update_exactly_those_records_with_lifecycle_history()
    {
        var installed = await app.WithDbAsync(db => db.NetworkSites.Include(s => s.Link).Where(s => s.State == ConnectionState.Installed && s.Link != null).OrderBy(s => s.Id).FirstAsync());
        var subnets = (await app.WithDbAsync(db => db.NetworkSubnets.AsNoTracking().Where(n => n.Family == 4).OrderBy(n => n.Id).ToListAsync()))
            .Where(n => n.Cidr.EndsWith(".0/24", StringComparison.Ordinal)).Take(2).ToList();
        var budget = await app.WithDbAsync(db => db.NetworkBudgetLines.AsNoTracking().OrderBy(b => b.Id).FirstAsync());
        var sheets = await ExportAsync();
        Edit(sheets, "sites", c => Equals(c("id"), installed.Id), ("state", "connected"), ("reason", "Diresmikan Bupati"), ("notes", "Tersambung lewat impor"));
        Edit(sheets, "links", c => Equals(c("site"), installed.Name), ("down_mbps", installed.Link!.CommittedDownMbps + 7));
        // The first subnet shrinks inside its own block: checked against the others, not itself.
        var narrower = subnets[0].Cidr.Replace(".0/24", ".0/25", StringComparison.Ordinal);
        Edit(sheets, "subnets", c => Equals(c("id"), subnets[0].Id), ("cidr", narrower));
        Edit(sheets, "subnets", c => Equals(c("id"), subnets[1].Id), ("vlan", 777));
        Edit(sheets, "budget", c => Equals(c("year"), budget.FiscalYear) && c("planned") is long p && p == budget.PlannedRupiah, ("realised", budget.RealisedRupiah + 1_000));
        var phases = sheets.Single(s => s.Name == "phases");
        sheets[sheets.IndexOf(phases)] = phases with { Rows = [.. phases.Rows, ["Tahap impor ulang " + (app.IsPostgres ? "PG" : "SQLite"), 2028, null]] };

        var preview = await ImportAsync(app, Xlsx([.. sheets]), commit: false);
        Assert.Empty(preview.Errors);
        var changed = preview.Rows.Where(r => r.Change == RowChange.Changed).ToDictionary(r => $"{r.Sheet}:{r.Summary}", r => string.Join(",", r.Fields!));
        Assert.Equal(5, changed.Count);
        Assert.Equal("notes,state,reason", changed.Single(c => c.Key.StartsWith("sites:", StringComparison.Ordinal)).Value);
        Assert.Equal("down_mbps", changed.Single(c => c.Key.StartsWith("links:", StringComparison.Ordinal)).Value);
        Assert.Equal(["cidr", "vlan"], changed.Where(c => c.Key.StartsWith("subnets:", StringComparison.Ordinal)).Select(c => c.Value).Order());
        Assert.Equal("realised", changed.Single(c => c.Key.StartsWith("budget:", StringComparison.Ordinal)).Value);
        Assert.Equal("phases", Assert.Single(preview.Rows, r => r.Change == RowChange.New).Sheet);
        Assert.Equal("diubah: down_mbps", preview.Rows.Single(r => r.Sheet == "links" && r.Change == RowChange.Changed).ChangeLabel);

        var result = await ImportAsync(app, Xlsx([.. sheets]));
        Assert.True(result.Committed);
        var site = await app.WithDbAsync(db => db.NetworkSites.AsNoTracking().Include(s => s.Link).Include(s => s.History).SingleAsync(s => s.Id == installed.Id));
        Assert.Equal(ConnectionState.Connected, site.State);
        Assert.Equal("Tersambung lewat impor", site.Notes);
        Assert.Equal(installed.Link.CommittedDownMbps + 7, site.Link!.CommittedDownMbps);
        var move = site.History.OrderBy(h => h.Id).Last();
        Assert.Equal((ConnectionState.Installed, ConnectionState.Connected, "Diresmikan Bupati", "uji@example.go.id"), (move.From!.Value, move.To, move.Reason, move.ChangedBy));
        var stored = await app.WithDbAsync(db => db.NetworkSubnets.AsNoTracking().Where(n => n.Id == subnets[0].Id || n.Id == subnets[1].Id).OrderBy(n => n.Id).ToListAsync());
        Assert.Equal((narrower, subnets[0].Vlan), (stored[0].Cidr, stored[0].Vlan));
        Assert.Equal((subnets[1].Cidr, 777), (stored[1].Cidr, stored[1].Vlan!.Value));
        Assert.Equal(budget.RealisedRupiah + 1_000, await app.WithDbAsync(db => db.NetworkBudgetLines.Where(b => b.Id == budget.Id).Select(b => b.RealisedRupiah).SingleAsync()));

        // Exported again, the registry now equals the file: nothing more to change.
        Assert.False((await ImportAsync(app, Xlsx([.. await ExportAsync()]), commit: false)).HasChanges);
    }

    [Fact]
    public async Task A_refused_transition_or_an_overlap_by_a_changed_cidr_is_a_row_error_and_changes_nothing()
    {
        var connected = await app.WithDbAsync(db => db.NetworkSites.Where(s => s.State == ConnectionState.Connected).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());
        var two = await app.WithDbAsync(db => db.NetworkSubnets.AsNoTracking().Where(n => n.Family == 4).OrderBy(n => n.Id).Take(2).ToListAsync());
        var before = await FingerprintAsync();
        var sheets = await ExportAsync();
        // Going back needs a reason of its own; the reason the export carries is the old state's.
        Edit(sheets, "sites", c => Equals(c("id"), connected), ("state", "planned"));
        Edit(sheets, "subnets", c => Equals(c("id"), two[1].Id), ("cidr", two[0].Cidr), ("gateway", null));
        var result = await ImportAsync(app, Xlsx([.. sheets]));
        Assert.False(result.Committed);
        Assert.Contains("wajib disertai alasan", Assert.Single(result.Errors, e => e.Sheet == "sites").Message, StringComparison.Ordinal);
        var overlap = Assert.Single(result.Errors, e => e.Sheet == "subnets");
        Assert.Equal(("cidr", true), (overlap.Column, overlap.Message.Contains(two[0].Cidr, StringComparison.Ordinal)));
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task A_csv_without_optional_columns_leaves_them_and_a_record_named_twice_is_an_error()
    {
        var site = await app.WithDbAsync(db => db.NetworkSites.AsNoTracking().OrderBy(s => s.Id).FirstAsync());
        var kind = CellReader.Snake(site.Kind.ToString());
        var result = await ImportAsync(app, Csv($"name,kind,state,reason\n\"{site.Name}\",{kind},{site.State.ApiName()},\"{site.StateReason}\"\n"), commit: false);
        Assert.Empty(result.Errors);
        Assert.Equal(RowChange.Unchanged, Assert.Single(result.Rows).Change);
        var row = $"{site.Id},\"{site.Name}\",{kind},{site.State.ApiName()},\"{site.StateReason}\"";
        var twice = await ImportAsync(app, Csv($"id,name,kind,state,reason,notes\n{row},a\n{row},b\n"));
        Assert.False(twice.Committed);
        Assert.Contains("sudah disebut", Assert.Single(twice.Errors, e => e.Row == 3).Message, StringComparison.Ordinal);
    }
}

[Collection(Hosts.SqliteContent)]
public sealed class SqliteNetworkImportUpdateTests(SqliteApp app) : NetworkImportUpdateTests(app);

[Collection(Hosts.PostgresContent)]
public sealed class PostgresNetworkImportUpdateTests(PostgresApp app) : NetworkImportUpdateTests(app);
