namespace SatuPintu.Hosting.Cli;

/// <summary>A maintenance verb of the executable: <c>SatuPintu seed --articles 10000</c>.</summary>
public sealed record CliVerb(string Name, string Summary, string Usage, Func<WebApplication, string[], Task<int>> Run)
{
    public async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var rest = args.Skip(1).ToArray();
        if (rest.Any(a => a is "--help" or "-h"))
        {
            Console.WriteLine(Usage);
            return 0;
        }
        try
        {
            return await Run(app, rest);
        }
        catch (CliUsageException e)
        {
            await Console.Error.WriteLineAsync($"galat: {e.Message}\n\n{Usage}");
            return 2;
        }
    }
}

/// <summary>Bad arguments: reported with the usage text and exit code 2, nothing changed.</summary>
public sealed class CliUsageException(string message) : Exception(message);

public static class CliVerbs
{
    public static readonly CliVerb[] All = [SeedVerb.Verb, UserVerb.Verb, TokenVerb.Verb, HelpVerb];

    private static CliVerb HelpVerb => new("help", "Menampilkan daftar perintah.",
        "Pemakaian: SatuPintu help", (_, _) =>
        {
            Console.WriteLine("SatuPintu — portal satu pintu dan registri jaringan pemerintah daerah.\n");
            Console.WriteLine("Tanpa perintah: menjalankan server web (mis. --urls http://127.0.0.1:5000).\n");
            Console.WriteLine("Perintah pemeliharaan (tambahkan --help untuk rinciannya):");
            foreach (var v in All)
            {
                Console.WriteLine($"  {v.Name,-10} {v.Summary}");
            }
            return Task.FromResult(0);
        });

    /// <summary>The verb named by the first argument; null means "run the web server".</summary>
    public static CliVerb? Find(string[] args)
    {
        if (args.Length == 0)
        {
            return null;
        }
        var first = args[0] is "--help" or "-h" ? "help" : args[0];
        return All.FirstOrDefault(v => v.Name == first);
    }

    /// <summary>Reads <c>--name value</c> pairs; unknown names and missing values are usage errors.</summary>
    public static Dictionary<string, string> ParseOptions(string[] args, params string[] allowed)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var a = args[i];
            if (!a.StartsWith("--", StringComparison.Ordinal))
            {
                throw new CliUsageException($"argumen tidak dikenal: '{a}'");
            }
            var name = a[2..];
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            string value;
            if (eq >= 0)
            {
                value = name[(eq + 1)..];
                name = name[..eq];
            }
            else if (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++i];
            }
            else
            {
                throw new CliUsageException($"opsi --{name} memerlukan nilai");
            }
            if (!allowed.Contains(name))
            {
                throw new CliUsageException($"opsi tidak dikenal: --{name}");
            }
            result[name] = value;
        }
        return result;
    }
}
