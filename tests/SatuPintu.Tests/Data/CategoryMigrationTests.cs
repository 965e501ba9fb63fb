using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SatuPintu.Data;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Data;

/// <summary>
/// The migration that brings the category lists files the rows written before it
/// (<c>CategoryDefaults.Sql</c>): a database is built at the migration before, rows with the old
/// free-text categories are written in that schema, then it is migrated to the latest.
/// </summary>
public abstract class CategoryMigrationTests
{
    private const string Migration = "ListsVisibilityAcronymsSyndication";

    protected abstract SatuPintuDb NewDb();

    [Fact]
    public async Task Old_categories_are_filed_under_the_lists()
    {
        await using var db = NewDb();
        var all = db.Database.GetMigrations().ToList();
        var at = all.FindIndex(m => m.Contains("_" + Migration, StringComparison.Ordinal));
        Assert.True(at > 0, $"no migration {Migration}");
        var migrator = db.GetService<IMigrator>();
        await migrator.MigrateAsync(all[at - 1]);

        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        var opd = (int)await OldRows.InsertAsync(conn, "Opds", new() { ["Slug"] = "dinas-lama" });
        var documents = new Dictionary<string, string?>
        {
            [" Peraturan "] = "peraturan", ["Surat Edaran"] = "keputusan", ["RENSTRA"] = "perencanaan", ["Renja"] = "perencanaan",
            ["Anggaran"] = "anggaran", ["laporan"] = "laporan", ["SOP"] = "standar-pelayanan", ["Standar Pelayanan"] = "standar-pelayanan",
            ["Formulir"] = "formulir", ["PPID"] = "informasi-publik", ["Brosur"] = "lainnya", [""] = "lainnya",
        };
        var documentIds = new Dictionary<long, string?>();
        foreach (var (old, expected) in documents)
        {
            documentIds[await OldRows.InsertAsync(conn, "Documents", new() { ["OpdId"] = opd, ["Category"] = old })] = expected;
        }
        documentIds[await OldRows.InsertAsync(conn, "Documents", new() { ["OpdId"] = opd, ["Category"] = null })] = "lainnya";
        // Articles had no category before: the migration adds the column and files announcements under "umum".
        var announcement = await OldRows.InsertAsync(conn, "Articles", new() { ["OpdId"] = opd, ["Kind"] = "Pengumuman" });
        var news = await OldRows.InsertAsync(conn, "Articles", new() { ["OpdId"] = opd, ["Kind"] = "Berita" });
        await conn.CloseAsync();

        await migrator.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        var filed = await db.Documents.Where(d => d.OpdId == opd).Select(d => new { d.Id, d.Category }).ToDictionaryAsync(d => (long)d.Id, d => d.Category);
        Assert.Equal(documentIds.OrderBy(d => d.Key), filed.OrderBy(d => d.Key));
        var articles = await db.Articles.Where(a => a.OpdId == opd).Select(a => new { a.Id, a.Category }).ToDictionaryAsync(a => (long)a.Id, a => a.Category);
        Assert.Equal("umum", articles[announcement]);
        Assert.Null(articles[news]);
    }

    /// <summary>Writes rows in an old schema through plain SQL: the given columns, and a neutral value for every other required one.</summary>
    private static class OldRows
    {
        public static async Task<long> InsertAsync(DbConnection conn, string table, Dictionary<string, object?> given)
        {
            var columns = await RequiredColumnsAsync(conn, table);
            var values = columns.Where(c => !given.ContainsKey(c.Name)).ToDictionary(c => c.Name, c => (object?)Neutral(c.Type));
            foreach (var (k, v) in given)
            {
                values[k] = v;
            }
            await using var cmd = conn.CreateCommand();
            var names = values.Keys.ToList();
            cmd.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", names.Select(n => $"\"{n}\""))}) "
                + $"VALUES ({string.Join(", ", names.Select((_, i) => "@p" + i))}) RETURNING \"Id\"";
            for (var i = 0; i < names.Count; i++)
            {
                var p = cmd.CreateParameter();
                p.ParameterName = "@p" + i;
                p.Value = values[names[i]] ?? DBNull.Value;
                cmd.Parameters.Add(p);
            }
            return Convert.ToInt64(await cmd.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        /// <summary>The NOT NULL columns without a default, but the key (name and store type).</summary>
        private static async Task<List<(string Name, string Type)>> RequiredColumnsAsync(DbConnection conn, string table)
        {
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = conn.GetType().Name.StartsWith("Npgsql", StringComparison.Ordinal)
                ? $"SELECT column_name, data_type FROM information_schema.columns WHERE table_name = '{table}' AND is_nullable = 'NO' AND column_default IS NULL AND is_identity = 'NO' AND column_name <> 'Id'"
                : $"SELECT name, type FROM pragma_table_info('{table}') WHERE \"notnull\" = 1 AND dflt_value IS NULL AND pk = 0";
            var found = new List<(string, string)>();
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                found.Add((reader.GetString(0), reader.GetString(1)));
            }
            return found;
        }

        private static object Neutral(string type) => type.ToUpperInvariant() switch
        {
            "INTEGER" or "BIGINT" or "SMALLINT" => 0,
            "REAL" or "NUMERIC" or "DOUBLE PRECISION" => 0,
            "BOOLEAN" => false,
            "TIMESTAMP WITH TIME ZONE" => new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            "TIMESTAMP WITHOUT TIME ZONE" => new DateTime(2026, 1, 1),
            "UUID" => Guid.NewGuid(),
            "BYTEA" or "BLOB" => Array.Empty<byte>(),
            // Text, and SQLite's TEXT dates: unique, for the slug indexes.
            _ => "lama-" + Guid.NewGuid().ToString("N")[..10],
        };
    }
}

public sealed class SqliteCategoryMigrationTests : CategoryMigrationTests, IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"satupintu-migration-{Guid.NewGuid():N}.db");

    protected override SatuPintuDb NewDb() =>
        new SqliteSatuPintuDb(new DbContextOptionsBuilder<SqliteSatuPintuDb>().UseSqlite($"Data Source={_file};Pooling=False").Options);

    public void Dispose() => File.Delete(_file);
}

public sealed class PostgresCategoryMigrationTests : CategoryMigrationTests
{
    private readonly string _connection = PostgresServer.CreateDatabase();

    protected override SatuPintuDb NewDb() =>
        new PostgresSatuPintuDb(new DbContextOptionsBuilder<PostgresSatuPintuDb>()
            .UseNpgsql(_connection, n => n.MigrationsAssembly(typeof(SatuPintuDb).Assembly.FullName)).Options);
}
