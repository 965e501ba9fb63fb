using SatuPintu.Data;

namespace SatuPintu.Network.Import;

/// <summary>One row of the preview: where it is, what it holds, what is wrong with it.</summary>
public sealed record PreviewRow(string Sheet, int Row, string Summary, IReadOnlyList<ImportError> Errors);

/// <summary>The answer of an import: every row error, the rows seen, and whether anything was written.</summary>
public sealed record ImportResult(IReadOnlyList<ImportError> Errors, IReadOnlyList<PreviewRow> Rows, bool Committed)
{
    public bool Ok => Errors.Count == 0;
    public IReadOnlyDictionary<string, int> Counts => Rows.GroupBy(r => r.Sheet).ToDictionary(g => g.Key, g => g.Count());
}

/// <summary>
/// The bulk import: validates every row of every sheet against the registry and the rows before it,
/// then writes all of it in one transaction, or nothing when any row is bad.
/// </summary>
public sealed class NetworkImporter(SatuPintuDb db, TimeProvider time)
{
    public async Task<ImportResult> RunAsync(ImportFile file, string actor, bool commit, CancellationToken ct)
    {
        var errors = new List<ImportError>(file.Errors);
        var rows = new List<PreviewRow>();
        var context = await ImportContext.LoadAsync(db, ct);
        var rules = new ImportRules(context, actor, time.GetUtcNow().UtcDateTime);
        foreach (var table in file.Tables.OrderBy(t => t.Kind))
        {
            foreach (var row in table.Rows)
            {
                var before = errors.Count;
                var reader = new CellReader(table, row, errors);
                var summary = rules.Apply(table.Kind, reader);
                rows.Add(new PreviewRow(table.Sheet, row.Number, summary, errors.Skip(before).ToList()));
            }
        }
        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ImportError(file.Tables.FirstOrDefault()?.Sheet ?? "", 0, "", "Tidak ada baris data untuk diimpor."));
        }
        if (errors.Count > 0 || !commit)
        {
            return new ImportResult(errors, rows, Committed: false);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.NetworkPhases.AddRange(rules.NewPhases);
        db.NetworkSites.AddRange(rules.NewSites);
        db.NetworkLinks.AddRange(rules.NewLinks);
        db.NetworkUplinks.AddRange(rules.NewUplinks);
        db.NetworkSubnets.AddRange(rules.NewSubnets);
        db.NetworkBudgetLines.AddRange(rules.NewBudget);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new ImportResult(errors, rows, Committed: true);
    }
}

