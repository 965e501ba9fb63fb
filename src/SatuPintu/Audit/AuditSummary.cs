namespace SatuPintu.Audit;

/// <summary>
/// A bulk write (a network import of thousands of rows) is audited as one event instead of one
/// entry per row: inside this scope <see cref="AuditTrail"/> leaves row changes alone, and the caller
/// adds one explicit event (<see cref="AuditEvents.Audit"/>) that sums the write up, in the same save
/// and transaction. Explicit events still get their time and actor.
/// </summary>
public static class AuditSummary
{
    private static readonly AsyncLocal<bool> Ambient = new();

    public static bool Active => Ambient.Value;

    public static IDisposable Use()
    {
        var previous = Ambient.Value;
        Ambient.Value = true;
        return new Restore(previous);
    }

    private sealed class Restore(bool previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
