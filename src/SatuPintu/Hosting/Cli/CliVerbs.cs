using System.CommandLine;
using System.CommandLine.Help;
using Microsoft.Extensions.Options;

namespace SatuPintu.Hosting.Cli;

/// <summary>
/// A maintenance verb of the executable (<c>SatuPintu seed --articles 10000</c>), registered by the capability that owns it.
/// <see cref="Create"/> builds the System.CommandLine command whose actions use the built app's services.
/// </summary>
public sealed record CliVerb(Func<WebApplication, Command> Create);

/// <summary>Bad arguments or unknown people/OPDs: reported with the usage text and exit code 2, nothing changed.</summary>
public sealed class CliUsageException(string message) : Exception(message);

/// <summary>Exit codes every verb shares (documented in README).</summary>
public static class CliExit
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Usage = 2;
}

public static class CliVerbs
{
    public static void AddCliVerb(this WebApplicationBuilder builder, CliVerb verb) => builder.Services.AddSingleton(verb);

    /// <summary>
    /// A first argument that is a word (not <c>--urls …</c>, <c>/key</c> or <c>key=value</c> configuration) names a verb;
    /// an unknown word is an error rather than silently starting the web server.
    /// </summary>
    public static bool IsVerb(string[] args) =>
        args.Length > 0 && (args[0] is "--help" or "-h" or "-?"
            || (!args[0].StartsWith('-') && !args[0].StartsWith('/') && !args[0].Contains('=', StringComparison.Ordinal)));

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var root = new RootCommand("SatuPintu — portal satu pintu dan registri jaringan pemerintah daerah.");
        foreach (var verb in app.Services.GetServices<CliVerb>())
        {
            root.Add(verb.Create(app));
        }
        var help = new Command("help", "Menampilkan daftar perintah.");
        help.SetAction(_ => CliHelp.Write(root, Console.Out));
        root.Add(help);
        foreach (var option in root.Options.OfType<HelpOption>())
        {
            option.Description = "Menampilkan bantuan ini.";
            option.Action = new CliHelp();
        }
        foreach (var option in root.Options.OfType<VersionOption>())
        {
            option.Description = "Menampilkan versi.";
        }

        var result = root.Parse(args);
        var command = result.CommandResult.Command;
        if (result.Action is not CliHelp && CliErrors.First(result) is { } error)
        {
            return await ReportUsageAsync(command, error);
        }
        if (!await app.TryValidateSettingsAsync())
        {
            return CliExit.Failed;
        }
        try
        {
            return await result.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (CliUsageException e)
        {
            return await ReportUsageAsync(command, e.Message);
        }
        catch (Exception e) when (ValidatedOptions.Failures(e) is { } messages)
        {
            await Console.Error.WriteLineAsync($"galat konfigurasi: {string.Join("; ", messages)}");
            return CliExit.Failed;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await Console.Error.WriteLineAsync($"galat tak terduga: {e}");
            return CliExit.Failed;
        }
    }

    private static async Task<int> ReportUsageAsync(Command command, string message)
    {
        await Console.Error.WriteLineAsync($"galat: {message}\n");
        CliHelp.Write(command, Console.Error);
        return CliExit.Usage;
    }
}
