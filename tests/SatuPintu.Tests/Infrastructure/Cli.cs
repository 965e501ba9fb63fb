using System.Diagnostics;
using System.Reflection;
using SatuPintu.Hosting.Cli;

namespace SatuPintu.Tests.Infrastructure;

/// <summary>
/// The executable's verbs, run in-process through its own entry point (the code <c>dotnet SatuPintu.dll verb</c>
/// runs, without a runtime start per call), or as a real process where the test is about the process: its
/// exit status, a password on stdin, raw bytes on stdout.
/// </summary>
public static class Cli
{
    // Top-level statements compile to this method; Assembly.EntryPoint is its blocking wrapper.
    private static readonly MethodInfo Main = typeof(Program).GetMethod("<Main>$", BindingFlags.NonPublic | BindingFlags.Static)
        ?? throw new InvalidOperationException("Program has no top-level entry point <Main>$.");

    /// <summary>Runs the verb in this process: <paramref name="environment"/> stands for the process's environment variables.</summary>
    public static async Task<(int Exit, string Out, string Err)> InProcessAsync(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        // Set in this async method, the streams flow into the run and are gone for the caller afterwards.
        var streams = RoutedConsole.Begin();
        var exit = await InProcessRun.RunAsync(environment, () => (Task<int>)Main.Invoke(null, [args])!);
        return (exit, streams.Out.ToString(), streams.Err.ToString());
    }

    /// <summary>Runs the built executable as its own process; <paramref name="stdin"/>, when given, is its first input line.</summary>
    public static async Task<(int Exit, string Out, string Err)> ProcessAsync(IReadOnlyDictionary<string, string?> environment, string? stdin, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        psi.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        foreach (var (key, value) in environment)
        {
            psi.Environment[key] = value;
        }
        using var process = Process.Start(psi)!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteLineAsync(stdin);
        }
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>What a test's CLI run sets in place of the environment: its data folder, and quiet logs.</summary>
    public static IReadOnlyDictionary<string, string?> Environment(string dataDir) => new Dictionary<string, string?>
    {
        ["SatuPintu__DataDir"] = dataDir,
        ["Logging__LogLevel__Default"] = "Warning",
    };
}
