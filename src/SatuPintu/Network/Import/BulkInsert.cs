using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using SatuPintu.Data;

namespace SatuPintu.Network.Import;

/// <summary>
/// Inserts many rows of one plain entity (no owned types, no navigations written) with one prepared
/// INSERT on the context's own connection and transaction, so it commits or rolls back with the rest
/// of the import on SQLite and PostgreSQL alike. Column names, quoting and value conversion come from
/// the EF model, so a renamed column cannot drift from here. Used for the subnets of an import: they
/// are most of its rows, are no public change, and are audited by the import's one event; through
/// the change tracker they cost four times as long.
/// </summary>
internal static class BulkInsert
{
    public static async Task RunAsync<T>(SatuPintuDb db, IReadOnlyList<T> rows, CancellationToken ct) where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("BulkInsert runs inside the caller's transaction only.");
        var entity = db.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetInfrastructure().GetRequiredService<ISqlGenerationHelper>();
        var columns = entity.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never && p.PropertyInfo is not null).ToArray();
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ("
            + string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))
            + ") VALUES (" + string.Join(", ", columns.Select((_, i) => "@p" + i)) + ")";
        var mappings = columns.Select(c => c.GetRelationalTypeMapping()).ToArray();
        // The provider's own parameter for each column's store type (Npgsql prepares only typed parameters).
        var parameters = mappings.Select((m, i) => m.CreateParameter(command, "@p" + i, null, nullable: true)).ToArray();
        command.Parameters.AddRange(parameters);
        await command.PrepareAsync(ct);
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Length; i++)
            {
                var value = columns[i].PropertyInfo!.GetValue(row);
                if (value is not null && mappings[i].Converter is { } converter)
                {
                    value = converter.ConvertToProvider(value);
                }
                parameters[i].Value = value ?? DBNull.Value;
            }
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
