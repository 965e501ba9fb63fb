using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace SatuPintu.Data;

// Used only by `dotnet ef migrations add`; the running app configures the contexts in DataFeature.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSatuPintuDb>
{
    public SqliteSatuPintuDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSatuPintuDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSatuPintuDb>
{
    public PostgresSatuPintuDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSatuPintuDb>().UseNpgsql("Host=127.0.0.1;Database=design").Options);
}
