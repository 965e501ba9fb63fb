using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace SatuPintu.Shared;

/// <summary>Recognises a unique index refusing a save, on both providers, so a racing insert can retry with another value.</summary>
public static class UniqueViolation
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;
    private const int SqliteConstraintPrimaryKey = 1555;

    /// <summary>True when <paramref name="e"/> is a unique violation on an index over <paramref name="column"/>.</summary>
    public static bool On(DbUpdateException e, string column) => e.InnerException switch
    {
        // "UNIQUE constraint failed: Articles.Slug"
        SqliteException s => s.SqliteErrorCode == SqliteConstraint
            && s.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey
            && s.Message.Contains("." + column, StringComparison.Ordinal),
        // 23505 unique_violation; EF names indexes IX_<Table>_<Column>.
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation
            && (p.ConstraintName?.EndsWith("_" + column, StringComparison.Ordinal) ?? false),
        _ => false,
    };
}
