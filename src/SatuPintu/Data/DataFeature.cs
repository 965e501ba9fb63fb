using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Accounts;
using SatuPintu.Audit;
using SatuPintu.Data.Demo;
using SatuPintu.Hosting;
using SatuPintu.Hosting.Cli;

namespace SatuPintu.Data;

/// <summary>
/// Picks the storage: SQLite in the data folder by default, PostgreSQL when
/// <c>ConnectionStrings:Postgres</c> is set. Both expose the same <see cref="SatuPintuDb"/>.
/// </summary>
public static class DataFeature
{
    public static bool UsesPostgres(this IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration.GetConnectionString("Postgres"));

    public static void AddData(this WebApplicationBuilder builder)
    {
        var postgres = builder.Configuration.GetConnectionString("Postgres");
        if (!string.IsNullOrWhiteSpace(postgres))
        {
            builder.Services.AddDbContextPool<PostgresSatuPintuDb>((sp, o) => o
                .UseNpgsql(postgres, n => n.MigrationsAssembly(typeof(SatuPintuDb).Assembly.FullName))
                .AddInterceptors(sp.GetRequiredService<SameTransactionInterceptor>(), sp.GetRequiredService<BulkWriteGuard>()));
            builder.Services.AddScoped<SatuPintuDb>(sp => sp.GetRequiredService<PostgresSatuPintuDb>());
        }
        else
        {
            builder.Services.AddDbContextPool<SqliteSatuPintuDb>((sp, o) => o
                .UseSqlite(SqliteConnectionString(sp.Settings()))
                .AddInterceptors(sp.GetRequiredService<SameTransactionInterceptor>(), sp.GetRequiredService<BulkWriteGuard>()));
            builder.Services.AddScoped<SatuPintuDb>(sp => sp.GetRequiredService<SqliteSatuPintuDb>());
        }
        builder.Services.AddSingleton<AuditTrail>();
        builder.Services.AddSingleton<ISaveCompanion>(sp => sp.GetRequiredService<AuditTrail>());
        builder.Services.AddSingleton<SameTransactionInterceptor>();
        builder.Services.AddSingleton<BulkWriteGuard>();
        builder.Services.AddSingleton<JobLeases>();
        // Keys in the database: cookies and antiforgery tokens survive a restart, a moved data folder and a second node.
        builder.Services.AddDataProtection().SetApplicationName("SatuPintu").PersistKeysToDbContext<SatuPintuDb>();
        builder.Services.AddScoped<DemoSeeder>();
        builder.AddCliVerb(SeedVerb.Verb);
    }

    /// <summary>
    /// Foreign keys on and a 5 s busy timeout come from the connection string, so they cost nothing per query
    /// (EF opens the pooled connection for every query; a pragma interceptor would run each time).
    /// </summary>
    internal static string SqliteConnectionString(SatuPintuOptions options) =>
        $"Data Source={Path.Combine(options.DataDirFullPath, "satupintu.db")};Pooling=True;Foreign Keys=True;Default Timeout=5";

    /// <summary>Creates the data folder, applies migrations and seeds the demo instance once.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var settings = app.Services.Settings();
        System.IO.Directory.CreateDirectory(settings.DataDirFullPath);
        System.IO.Directory.CreateDirectory(settings.UploadsDir);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SatuPintuDb>();
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            // WAL is stored in the database file: set once, readers then go on while a writer writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        if (settings.SeedDemo)
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedDemoOnceAsync();
        }
        if (await scope.ServiceProvider.GetRequiredService<AdminBootstrap>().EnsureAsync() is { } admin)
        {
            AdminBootstrap.Print(admin);
        }
    }
}
