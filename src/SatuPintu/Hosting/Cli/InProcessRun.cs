namespace SatuPintu.Hosting.Cli;

/// <summary>
/// Lets a caller in the same process (the test suite) run the executable's own entry point with the
/// settings a process would take from its environment (<c>SatuPintu__DataDir=…</c>), so a verb runs
/// in-process through the very code <c>dotnet SatuPintu.dll verb</c> runs, without a runtime start per
/// call. The settings live in an async-local: parallel callers each see only their own, and a real
/// process (no caller) sees none.
/// </summary>
public static class InProcessRun
{
    private static readonly AsyncLocal<IReadOnlyDictionary<string, string?>?> Settings = new();

    /// <summary>Runs <paramref name="entry"/> with <paramref name="settings"/> (configuration keys, <c>:</c> or <c>__</c> separated) over the environment's.</summary>
    public static async Task<int> RunAsync(IReadOnlyDictionary<string, string?> settings, Func<Task<int>> entry)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(entry);
        // Set inside this async method, the value flows into the entry point and is gone for the caller afterwards.
        var normalized = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in settings)
        {
            normalized[key.Replace("__", ":", StringComparison.Ordinal)] = value;
        }
        Settings.Value = normalized;
        return await entry();
    }

    /// <summary>Adds the in-process caller's settings last, so they win as environment variables would.</summary>
    public static void AddTo(IConfigurationBuilder configuration)
    {
        if (Settings.Value is { } settings)
        {
            configuration.AddInMemoryCollection(settings);
        }
    }
}
