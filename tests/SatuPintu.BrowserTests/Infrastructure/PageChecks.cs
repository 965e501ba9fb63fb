using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SatuPintu.BrowserTests.Infrastructure;

/// <summary>What every page visited in a flow must satisfy: no console errors, no failed requests, no serious axe findings.</summary>
public sealed class PageChecks
{
    private readonly List<string> _problems = [];

    public PageChecks(IPage page)
    {
        page.Console += (_, msg) =>
        {
            if (msg.Type is "error" or "warning")
            {
                _problems.Add($"console {msg.Type}: {msg.Text} ({page.Url})");
            }
        };
        page.PageError += (_, error) => _problems.Add($"page error: {error} ({page.Url})");
        page.RequestFailed += (_, request) => _problems.Add($"request failed: {request.Url} {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                _problems.Add($"HTTP {response.Status}: {response.Url}");
            }
        };
    }

    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Runs axe-core on the page; serious and critical violations are failures.</summary>
    public static async Task<IReadOnlyList<string>> AccessibilityFailuresAsync(IPage page)
    {
        var result = await page.RunAxe();
        return result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")
            .ToList();
    }

    public static async Task ScreenshotsAsync(IPage page, string name)
    {
        foreach (var (label, width) in new[] { ("ponsel", 360), ("desktop", 1280) })
        {
            await page.SetViewportSizeAsync(width, 800);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactsDir, $"{name}-{label}.png"), FullPage = true });
        }
        await page.SetViewportSizeAsync(1280, 900);
    }
}
