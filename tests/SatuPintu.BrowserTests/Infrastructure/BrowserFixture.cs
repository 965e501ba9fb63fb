using Microsoft.Playwright;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.BrowserTests.Infrastructure;

/// <summary>The portal on real Kestrel (loopback, free port) and Debian's Chromium driven by Playwright.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private sealed class KestrelApp : SatuPintuApp
    {
        public KestrelApp() : base(postgres: false)
        {
            UseKestrel(0);
        }
    }

    private readonly KestrelApp _app = new();
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;
    public Uri BaseUrl { get; private set; } = null!;
    public SatuPintuApp App => _app;

    /// <summary>Screenshots and reports land here (test.sh points it at artifacts/test).</summary>
    public static string ArtifactsDir { get; } = Environment.GetEnvironmentVariable("SATUPINTU_TEST_ARTIFACTS") is { Length: > 0 } dir
        ? Path.Combine(dir, "browser")
        : Path.Combine(AppContext.BaseDirectory, "artifacts");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run the tests with ./test.sh, which installs Debian's chromium.");
        }
        _app.StartServer();
        BaseUrl = _app.ClientOptions.BaseAddress;
        _playwright = await Playwright.CreateAsync();
        // Flags keep Chromium off the network: this machine (and CI) has no route to Google's services.
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        System.IO.Directory.CreateDirectory(ArtifactsDir);
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "id-ID",
        });
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await _app.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
