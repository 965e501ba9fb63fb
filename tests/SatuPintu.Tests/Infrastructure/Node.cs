using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace SatuPintu.Tests.Infrastructure;

/// <summary>
/// One more app instance (a second web node, or the app restarted) on the database of another: the
/// same PostgreSQL database, or the same SQLite data folder. Optionally on a fake clock.
/// </summary>
public sealed class Node : SatuPintuApp
{
    private readonly Action<IServiceCollection>? _services;

    private Node(SatuPintuApp? first, string? postgres, string? dataDir, Dictionary<string, string?> settings, FakeTimeProvider? clock, Action<IServiceCollection>? services)
        : base(postgres: false, Settings(postgres, settings), first?.DataDir ?? dataDir)
    {
        Postgres = postgres;
        Clock = clock;
        _services = services;
    }

    public FakeTimeProvider? Clock { get; }

    /// <summary>The PostgreSQL database this node uses; null on SQLite.</summary>
    public string? Postgres { get; }

    private static string? PostgresOf(SatuPintuApp app) => app is Node n ? n.Postgres : app.PostgresConnectionString;

    /// <summary>A node on <paramref name="first"/>'s database (its own data folder when on PostgreSQL).</summary>
    public static Node Beside(SatuPintuApp first, Dictionary<string, string?>? settings = null, FakeTimeProvider? clock = null, Action<IServiceCollection>? services = null) =>
        PostgresOf(first) is { } postgres
            ? new Node(null, postgres, null, settings ?? [], clock, services)
            : new Node(first, null, null, settings ?? [], clock, services);

    /// <summary>A first node on a fresh database of the given provider.</summary>
    /// <remarks>With <paramref name="dataDir"/> the caller owns (and deletes) the folder, so it outlives this node.</remarks>
    public static Node Fresh(bool postgres, Dictionary<string, string?>? settings = null, FakeTimeProvider? clock = null, Action<IServiceCollection>? services = null, string? dataDir = null) =>
        new(null, postgres ? PostgresServer.CreateDatabase() : null, dataDir, settings ?? [], clock, services);

    private static Dictionary<string, string?> Settings(string? postgres, Dictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>(settings);
        if (postgres is not null)
        {
            all["ConnectionStrings:Postgres"] = postgres;
        }
        return all;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s =>
        {
            if (Clock is not null)
            {
                s.AddSingleton<TimeProvider>(Clock);
            }
            _services?.Invoke(s);
        });
    }
}
