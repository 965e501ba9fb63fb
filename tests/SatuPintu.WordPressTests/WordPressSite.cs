using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;

namespace SatuPintu.WordPressTests;

/// <summary>
/// One real WordPress for the whole stage, stood up by tests/wordpress/wordpress.sh on a free
/// loopback port in its own folder (MariaDB, php-fpm and nginx of Debian's packages) and removed at
/// the end. Content changes and outages go through the same script, as an editor or an outage would.
/// </summary>
public sealed class WordPressSite : IAsyncLifetime
{
    /// <summary>Posts seeded at start: more than one REST page of 100, more than one feed page of 10.</summary>
    public const int SeededPosts = 150;

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "satupintu-wp-tests", Guid.NewGuid().ToString("N")[..8]);
    private readonly ServiceProvider _services = new ServiceCollection().AddHttpClient().BuildServiceProvider();
    private HttpClient _http = null!;

    public Uri Home { get; private set; } = null!;
    public HttpClient Http => _http;

    public static string Script { get; } = FindScript();

    public async Task InitializeAsync()
    {
        string env;
        try
        {
            env = await RunAsync("up", SeededPosts.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (InvalidOperationException)
        {
            await RunAsync("down");   // xunit does not dispose a fixture whose start failed: leave no server behind
            throw;
        }
        var url = env.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("WP_URL=", StringComparison.Ordinal))["WP_URL=".Length..];
        Home = new Uri(url + "/");
        _http = _services.GetRequiredService<IHttpClientFactory>().CreateClient();
        _http.BaseAddress = Home;
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("SatuPintu-WordPressTests", "1"));
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _services.DisposeAsync();
        await RunAsync("down");
    }

    /// <summary>Gives post <paramref name="id"/> a new title and one more paragraph, as an editor in wp-admin would.</summary>
    public Task EditAsync(int id, string title) => RunAsync("edit", id.ToString(System.Globalization.CultureInfo.InvariantCulture), title);

    /// <summary>Publishes a new post now; returns its id.</summary>
    public async Task<int> AddAsync(string title) => int.Parse((await RunAsync("add", title)).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The site goes down (nothing listens on its port any more) until <see cref="ResumeAsync"/>.</summary>
    public Task PauseAsync() => RunAsync("pause");

    public Task ResumeAsync() => RunAsync("resume");

    /// <summary>The /__satupintu/status.php lines as key=value pairs (post count, outbound HTTP blocked, ...).</summary>
    public async Task<Dictionary<string, string>> StatusAsync()
    {
        var text = await _http.GetStringAsync(new Uri("__satupintu/status.php", UriKind.Relative));
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
    }

    private async Task<string> RunAsync(params string[] args)
    {
        var (exit, output, error) = await Processes.RunAsync(Script, args, new Dictionary<string, string> { ["WP_DIR"] = _dir });
        if (exit != 0)
        {
            throw new InvalidOperationException($"wordpress.sh {string.Join(' ', args)} exited {exit}: {error}");
        }
        return output;
    }

    private static string FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "wordpress", "wordpress.sh");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException($"tests/wordpress/wordpress.sh not found above {AppContext.BaseDirectory}");
    }
}

/// <summary>Everything of the stage shares one WordPress and one portal host; their tests run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class WordPressStage : ICollectionFixture<WordPressSite>, ICollectionFixture<SyndicationApp>
{
    public const string Name = "wordpress stage";
}
