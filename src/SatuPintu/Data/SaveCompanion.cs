using Microsoft.EntityFrameworkCore;

namespace SatuPintu.Data;

/// <summary>
/// Rows that must be written with every save that changes certain data (the audit trail, the change
/// feed), in the same transaction. See <see cref="SameTransactionInterceptor"/>.
/// </summary>
public interface ISaveCompanion
{
    /// <summary>Before the save, while the change tracker still shows what changes: what to write afterwards, or null.</summary>
    object? Capture(DbContext db);

    /// <summary>After the save (database-generated keys are known), inside the same transaction: adds the rows to <paramref name="db"/>.</summary>
    void Complete(DbContext db, object captured);

    /// <summary>After the transaction committed; <paramref name="wait"/> is false for synchronous saves.</summary>
    ValueTask CommittedAsync(DbContext db, object captured, bool wait, CancellationToken ct);
}
