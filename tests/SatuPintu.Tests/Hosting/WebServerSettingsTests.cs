using System.Diagnostics;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Hosting;

/// <summary>
/// A bad setting stops the web server the way it stops a maintenance verb: one line on stderr,
/// "galat konfigurasi: …" naming the key, exit code 1, no stack trace.
/// </summary>
public sealed class WebServerSettingsTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "satupintu-tests", Guid.NewGuid().ToString("N"));

    private async Task<(int Exit, string Stdout, string Stderr)> StartAsync(string key, string value)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(typeof(Program).Assembly.Location);
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add("http://127.0.0.1:0");
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
        return (process.ExitCode, await stdout, await stderr);
    }

    [Theory]
    [InlineData("SatuPintu:OutputCache:Seconds", "0")]
    [InlineData("SatuPintu:Accounts:LoginAttemptsPerMinute", "0")]
    public async Task A_bad_setting_is_one_clean_line_and_exit_code_1(string key, string value)
    {
        var (exit, stdout, stderr) = await StartAsync(key, value);
        Assert.True(exit == 1, $"exit {exit}: {stderr}");
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, stderr);
        Assert.StartsWith("galat konfigurasi: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(key, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", stdout + stderr, StringComparison.Ordinal);
    }

    public void Dispose() => SatuPintuApp.TryDelete(_dataDir);
}
