namespace SatuPintu.Network.Import;

/// <summary>What a row does to the registry, as the preview says it.</summary>
public enum RowChange
{
    New,
    Changed,
    Unchanged,
}

/// <summary>
/// The columns a row changes on the stored record it names. A value is assigned only when it differs,
/// so an unchanged row leaves its tracked record unmodified and the commit writes nothing for it.
/// </summary>
internal sealed class RowDiff(bool isNew)
{
    public bool IsNew { get; } = isNew;
    public List<string> Fields { get; } = [];

    public RowChange Change => IsNew ? RowChange.New : Fields.Count > 0 ? RowChange.Changed : RowChange.Unchanged;

    /// <summary>Sets the value when the row has the column (or the record is new) and it differs from the stored one.</summary>
    public void Set<T>(CellReader r, string column, T current, T next, Action<T> assign)
    {
        if (IsNew)
        {
            assign(next);
            return;
        }
        if (r.Has(column) && !EqualityComparer<T>.Default.Equals(current, next))
        {
            Fields.Add(column);
            assign(next);
        }
    }

    public void Changed(string column) => Fields.Add(column);

    public static string Label(RowChange change, IReadOnlyList<string> fields) => change switch
    {
        RowChange.New => "baru",
        RowChange.Changed => "diubah: " + string.Join(", ", fields),
        _ => "tidak berubah",
    };
}
