using System.Diagnostics;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Hosting;

/// <summary>Bad settings stop the executable at start with the key to fix, before the database is created.</summary>
public sealed class SettingsTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "satupintu-tests", Guid.NewGuid().ToString("N"));

    private async Task<(int Exit, string Output)> StartAsync(string key, string value, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        psi.Environment["SatuPintu__DataDir"] = _dataDir;
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        psi.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{key}={value} did not stop the app");
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    public static TheoryData<string, string> BadSettings => new()
    {
        { "SatuPintu:OutputCache:Seconds", "0" },
        { "SatuPintu:TimeZone", "Asia/Atlantis" },
        { "SatuPintu:DataDir", "" },
        { "SatuPintu:Uploads:MaxBytes", "0" },
        { "SatuPintu:Uploads:ThumbnailWidth", "0" },
        { "SatuPintu:Content:SchedulerSeconds", "0" },
        { "SatuPintu:Accounts:LoginAttemptsPerMinute", "0" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task The_web_server_refuses_to_start_and_names_the_key(string key, string value)
    {
        var (exit, output) = await StartAsync(key, value, "--urls", "http://127.0.0.1:0");
        Assert.NotEqual(0, exit);
        Assert.Contains(key, output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dataDir, "satupintu.db")));
    }

    [Fact]
    public async Task A_maintenance_verb_refuses_too_with_exit_code_1()
    {
        var (exit, output) = await StartAsync("SatuPintu:OutputCache:Seconds", "0", "seed");
        Assert.Equal(1, exit);
        Assert.Contains("galat konfigurasi", output, StringComparison.Ordinal);
        Assert.Contains("SatuPintu:OutputCache:Seconds", output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dataDir, "satupintu.db")));
    }

    public void Dispose() => SatuPintuApp.TryDelete(_dataDir);
}
