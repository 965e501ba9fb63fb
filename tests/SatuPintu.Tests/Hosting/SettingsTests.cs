using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Hosting;

/// <summary>Bad settings stop the executable at start with the key to fix, before the database is created.</summary>
public sealed class SettingsTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "satupintu-tests", Guid.NewGuid().ToString("N"));

    // In-process through the executable's entry point; WebServerSettingsTests runs the real process.
    private async Task<(int Exit, string Output)> StartAsync(string key, string value, params string[] args)
    {
        var environment = new Dictionary<string, string?>(Cli.Environment(_dataDir)) { [key] = value };
        try
        {
            // A web server that started after all would not return: the guard turns that into a failure, not a hang.
            var (exit, stdout, stderr) = await Cli.InProcessAsync(environment, args).WaitAsync(TimeSpan.FromMinutes(2));
            return (exit, stdout + stderr);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"{key}={value} did not stop the app");
            throw;
        }
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
