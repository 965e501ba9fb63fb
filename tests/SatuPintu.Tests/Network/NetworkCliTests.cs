using Microsoft.Data.Sqlite;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Network;

/// <summary><c>network import</c> and <c>network export</c>, run in-process through the executable's entry point, and as its real process where bytes go to stdout.</summary>
public sealed class NetworkCliTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "satupintu-tests", Guid.NewGuid().ToString("N"));

    private Task<(int Exit, string Out, string Err)> RunAsync(params string[] args) => Cli.InProcessAsync(Cli.Environment(_dataDir), args);

    private long Uplinks()
    {
        using var conn = new SqliteConnection($"Data Source={Path.Combine(_dataDir, "satupintu.db")};Pooling=False");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM \"NetworkUplinks\"";
        return (long)cmd.ExecuteScalar()!;
    }

    private string File(string name, string text)
    {
        System.IO.Directory.CreateDirectory(_dataDir);
        var path = Path.Combine(_dataDir, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task User_add_grants_the_read_only_pimpinan_role_and_refuses_it_per_opd()
    {
        var (exit, output, error) = await RunAsync("user", "add", "--email", "kadis@kepahiangkab.go.id", "--role", "pimpinan");
        Assert.True(exit == 0, error);
        Assert.Contains("Akun kadis@kepahiangkab.go.id: pimpinan.", output, StringComparison.Ordinal);
        using var conn = new SqliteConnection($"Data Source={Path.Combine(_dataDir, "satupintu.db")};Pooling=False");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT r.Name FROM AspNetUserRoles ur JOIN AspNetRoles r ON r.Id = ur.RoleId JOIN AspNetUsers u ON u.Id = ur.UserId WHERE u.Email = 'kadis@kepahiangkab.go.id'";
        Assert.Equal(SatuPintu.Network.NetworkAccess.PimpinanRole, cmd.ExecuteScalar());

        // Granting it again changes nothing; with an OPD it is refused, since it reads every OPD.
        Assert.Equal(0, (await RunAsync("user", "add", "--email", "kadis@kepahiangkab.go.id", "--role", "pimpinan")).Exit);
        (exit, _, error) = await RunAsync("user", "add", "--email", "kabag@kepahiangkab.go.id", "--role", "pimpinan", "--opd", "dinkes");
        Assert.Equal(2, exit);
        Assert.Contains("pimpinan berlaku untuk semua OPD", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_prints_row_errors_and_exits_2_having_changed_nothing_then_imports()
    {
        var bad = File("bad.csv", "provider,mbps,contract_start,monthly_cost\nISP Baik,100,2026-01-01,0\nISP Buruk,seratus,2026-01-01,-5\n");
        var (exit, _, err) = await RunAsync("network", "import", bad);
        Assert.Equal(2, exit);
        Assert.Contains("uplinks baris 3, kolom mbps:", err, StringComparison.Ordinal);
        Assert.Contains("uplinks baris 3, kolom monthly_cost: Jumlah rupiah tidak boleh negatif.", err, StringComparison.Ordinal);
        Assert.Contains("tidak ada yang diimpor", err, StringComparison.Ordinal);
        var before = Uplinks();

        var good = File("good.csv", "provider,mbps,contract_start\nISP CLI,200,2026-01-01\n");
        (exit, var output, _) = await RunAsync("network", "import", good, "--dry-run");
        Assert.Equal(0, exit);
        Assert.Contains("--dry-run", output, StringComparison.Ordinal);
        Assert.Equal(before, Uplinks());

        (exit, output, _) = await RunAsync("network", "import", good);
        Assert.Equal(0, exit);
        Assert.Contains("Diimpor: 1 uplinks (1 baru), dalam ", output, StringComparison.Ordinal);
        Assert.Equal(before + 1, Uplinks());

        (exit, _, err) = await RunAsync("network", "import", Path.Combine(_dataDir, "tidak-ada.csv"));
        Assert.Equal(2, exit);
        Assert.Contains("berkas tidak ditemukan", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_writes_routeros_to_stdout_and_a_workbook_to_a_file()
    {
        // Written to the process's raw stdout stream, which only a real process can show.
        var (exit, output, _) = await Cli.ProcessAsync(Cli.Environment(_dataDir), null, "network", "export", "--format", "routeros");
        Assert.Equal(0, exit);
        Assert.Contains("/queue simple add name=", output, StringComparison.Ordinal);

        var xlsx = Path.Combine(_dataDir, "registri.xlsx");
        (exit, _, _) = await RunAsync("network", "export", "--format", "xlsx", "--output", xlsx);
        Assert.Equal(0, exit);
        var bytes = await System.IO.File.ReadAllBytesAsync(xlsx);
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);

        // The same bytes go to stdout without --output (the routeros case above shows that path).
        var csv = Path.Combine(_dataDir, "subnets.csv");
        (exit, _, _) = await RunAsync("network", "export", "--format", "csv", "--kind", "subnets", "--output", csv);
        Assert.Equal(0, exit);
        Assert.StartsWith("site,cidr,vlan,gateway,description,id\r\n", await System.IO.File.ReadAllTextAsync(csv), StringComparison.Ordinal);

        (exit, _, var err) = await RunAsync("network", "export", "--format", "pdf");
        Assert.Equal(2, exit);
        Assert.Contains("pdf", err, StringComparison.Ordinal);
    }

    public void Dispose() => SatuPintuApp.TryDelete(_dataDir);
}
