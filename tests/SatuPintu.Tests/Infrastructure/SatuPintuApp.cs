using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SatuPintu.Data;

namespace SatuPintu.Tests.Infrastructure;

/// <summary>
/// The real app in-process on a real database: a fresh SQLite file in its own data folder, or a
/// fresh database on the run's PostgreSQL server. Shared by the classes of one collection (see
/// <see cref="Hosts"/>) or owned by one class (IClassFixture) when it needs special settings.
/// </summary>
public class SatuPintuApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly bool _ownsDataDir;
    private readonly Lazy<Task<Personas>> _people;

    public string DataDir { get; }
    public string? PostgresConnectionString { get; }

    protected SatuPintuApp(bool postgres, Dictionary<string, string?>? settings = null, string? dataDir = null)
    {
        _ownsDataDir = dataDir is null;
        // Made once per host: each persona costs password hashing, which is most of a small test's time.
        _people = new(() => Personas.CreateAsync(this), LazyThreadSafetyMode.ExecutionAndPublication);
        DataDir = dataDir ?? Path.Combine(Path.GetTempPath(), "satupintu-tests", Guid.NewGuid().ToString("N"));
        PostgresConnectionString = postgres ? PostgresServer.CreateDatabase() : null;
        _settings = new(settings ?? [])
        {
            ["SatuPintu:DataDir"] = DataDir,
            ["Logging:LogLevel:Default"] = "Warning",
            // A known first admin for tests that need an existing account; the random default has its own test.
            ["SatuPintu:Accounts:BootstrapAdminEmail"] = BootstrapAdminEmail,
            // Syndication tests fetch from feed servers on 127.0.0.1 and run their rounds themselves.
            ["SatuPintu:Syndication:AllowedHosts:0"] = "127.0.0.1/32",
            ["SatuPintu:Syndication:PollerEnabled"] = "false",
        };
        // A shared host signs in many personas from one address, and a fast machine fits more of them in
        // the limiter's real-time minute: the limit itself is tested on a host that sets it (LoginRateLimitTests).
        _settings.TryAdd("SatuPintu:Accounts:LoginAttemptsPerMinute", "1000");
        if (PostgresConnectionString is not null)
        {
            _settings["ConnectionStrings:Postgres"] = PostgresConnectionString;
        }
    }

    public const string BootstrapAdminEmail = "admin-uji@satupintu.local";

    public bool IsPostgres => PostgresConnectionString is not null;

    /// <summary>The admin, editor and reviewer of this host, made on first use and shared by every class on it.</summary>
    public Task<Personas> PeopleAsync() => _people.Value;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Runs <paramref name="work"/> with a scoped database context of the running app.</summary>
    public async Task<T> WithDbAsync<T>(Func<SatuPintuDb, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<SatuPintuDb>());
    }

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsDataDir)
        {
            TryDelete(DataDir);
        }
    }

    internal static void TryDelete(string dir)
    {
        try
        {
            if (System.IO.Directory.Exists(dir))
            {
                System.IO.Directory.Delete(dir, recursive: true);
            }
        }
        catch (IOException)
        {
            // A file still held open by a finishing request: the temp folder is cleaned by the OS.
        }
    }
}

public sealed class SqliteApp : SatuPintuApp
{
    public SqliteApp() : base(postgres: false) { }
}

public sealed class PostgresApp : SatuPintuApp
{
    public PostgresApp() : base(postgres: true) { }
}

/// <summary>For classes that sign in many times from one address; the login rate limit has its own test.</summary>
public sealed class ManyLoginsApp : SatuPintuApp
{
    public ManyLoginsApp() : base(postgres: false, new()
    {
        ["SatuPintu:Accounts:LoginAttemptsPerMinute"] = "1000",
        ["SatuPintu:Accounts:FailuresPerAddress"] = "10000",
    }) { }
}
