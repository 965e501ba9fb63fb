namespace SatuPintu.Audit;

/// <summary>
/// Who is acting when no signed-in person is: a CLI verb or a background job sets itself here
/// for the duration of its work, and the audit trail records it.
/// </summary>
public static class AuditActor
{
    private static readonly AsyncLocal<string?> Ambient = new();

    public static string? Current => Ambient.Value;

    public static IDisposable Use(string actor)
    {
        var previous = Ambient.Value;
        Ambient.Value = actor;
        return new Restore(previous);
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
