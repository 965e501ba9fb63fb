using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Hosting;

/// <summary>The maintenance verbs, run as a real process of the built executable.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "satupintu-tests", Guid.NewGuid().ToString("N"));

    private async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        var dll = typeof(Program).Assembly.Location;
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        psi.Environment["SatuPintu__DataDir"] = _dataDir;
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    private long Count(string table)
    {
        using var conn = new SqliteConnection($"Data Source={Path.Combine(_dataDir, "satupintu.db")};Pooling=False");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)cmd.ExecuteScalar()!;
    }

    [Fact]
    public async Task Seed_creates_the_demo_then_grows_articles_deterministically()
    {
        var (exit, output, _) = await RunAsync("seed");
        Assert.Equal(0, exit);
        Assert.Contains("data demo", output, StringComparison.Ordinal);
        Assert.Equal(34, Count("Opds"));
        var before = Count("Articles");

        (exit, output, _) = await RunAsync("seed", "--articles", "25");
        Assert.Equal(0, exit);
        Assert.Contains("25 artikel", output, StringComparison.Ordinal);
        Assert.Equal(before + 25, Count("Articles"));
        Assert.Equal(34, Count("Opds"));
    }

    [Theory]
    [InlineData("--articles", "abc")]
    [InlineData("--articles", "0")]
    [InlineData("--articles", "-5")]
    [InlineData("--articles", "99999999999")]
    [InlineData("--articles")]
    [InlineData("--bogus", "1")]
    [InlineData("stray")]
    public async Task Seed_refuses_bad_arguments_with_exit_code_2_and_changes_nothing(params string[] args)
    {
        var (exit, _, error) = await RunAsync(["seed", .. args]);
        Assert.Equal(2, exit);
        Assert.Contains("galat:", error, StringComparison.Ordinal);
        Assert.Contains("Pemakaian: SatuPintu seed", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dataDir, "satupintu.db")));
    }

    [Fact]
    public async Task Every_verb_has_help()
    {
        var (exit, output, _) = await RunAsync("--help");
        Assert.Equal(0, exit);
        Assert.Contains("seed", output, StringComparison.Ordinal);
        (exit, output, _) = await RunAsync("seed", "--help");
        Assert.Equal(0, exit);
        Assert.Contains("--articles N", output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        SatuPintuApp.TryDelete(_dataDir);
    }
}
