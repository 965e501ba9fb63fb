using Npgsql;

namespace SatuPintu.Tests.Infrastructure;

/// <summary>
/// The run's real PostgreSQL server, started by the test command (test.sh) on a free loopback
/// port and named in SATUPINTU_TEST_POSTGRES. Each app fixture gets its own fresh database.
/// </summary>
public static class PostgresServer
{
    public const string Variable = "SATUPINTU_TEST_POSTGRES";

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                $"{Variable} is not set: run the tests with ./test.sh, which installs and starts a throwaway PostgreSQL server.");

    public static string CreateDatabase()
    {
        var name = "satupintu_" + Guid.NewGuid().ToString("N")[..12];
        using (var conn = new NpgsqlConnection(AdminConnectionString))
        {
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            cmd.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name }.ConnectionString;
    }
}
