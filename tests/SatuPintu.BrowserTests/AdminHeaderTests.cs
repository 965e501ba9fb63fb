using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SatuPintu.BrowserTests.Infrastructure;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.BrowserTests;

/// <summary>
/// Every link of the admin header, and every link of the pages it reaches, answers without an error;
/// every form there that posts carries its antiforgery token; "Keluar" really ends the session.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminHeaderTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Every_header_link_and_the_links_of_its_pages_work_and_keluar_ends_the_session()
    {
        var people = await Personas.CreateAsync(fixture.App);
        var page = await fixture.NewPageAsync();
        // Pages, not what they embed: other tests' hostile article bodies carry images with made-up addresses.
        var problems = new List<string>();
        page.Response += (_, r) =>
        {
            if (r.Status >= 400 && r.Request.ResourceType is "document" or "fetch" or "xhr")
            {
                problems.Add($"HTTP {r.Status}: {r.Url}");
            }
        };
        page.PageError += (_, error) => problems.Add($"page error: {error} ({page.Url})");
        await page.GotoAsync("/admin/masuk");
        await page.GetByLabel("Surel").FillAsync(people.Admin.Email);
        await page.GetByLabel("Kata sandi").FillAsync(Personas.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin$"));

        var header = await HrefsAsync(page, "header.top a[href]");
        Assert.Contains("/admin/akun/token", header);
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var formsWithoutToken = new List<string>();
        foreach (var href in header)
        {
            await page.GotoAsync("/admin");
            // Clicked as a person would, not typed into the address bar.
            await page.Locator($"header.top a[href=\"{href}\"]").First.ClickAsync();
            await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
            visited.Add(href);
            formsWithoutToken.AddRange(await FormsWithoutTokenAsync(page));
            // The public portal's own links have their own flows; here the admin pages' links count.
            foreach (var inner in href.StartsWith("/admin", StringComparison.Ordinal) ? await HrefsAsync(page, "main a[href^=\"/admin\"]") : [])
            {
                if (visited.Add(inner) && !inner.StartsWith("/api", StringComparison.Ordinal) && !inner.Contains("/unduh", StringComparison.Ordinal))
                {
                    // Opened once, as a page; what turns out to be a download (CSV) is checked through the browser's cookies without opening it.
                    var status = await OpenAsync(page, inner);
                    Assert.True(status is null or < 400, $"{inner} (from {href}) answered {status}");
                    if (status is not null)
                    {
                        formsWithoutToken.AddRange(await FormsWithoutTokenAsync(page));
                    }
                    else
                    {
                        var download = await page.Context.APIRequest.GetAsync(inner, new() { MaxRedirects = 0 });
                        Assert.True(download.Status < 400, $"{inner} (from {href}) answered {download.Status}");
                    }
                }
            }
        }
        Assert.Empty(formsWithoutToken);

        // What a thief would have copied before the person signed out.
        var copied = await page.Context.CookiesAsync();
        await page.GotoAsync("/admin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Keluar", Exact = true }).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/admin/masuk$"));
        Assert.Empty(problems);

        var thief = await fixture.Browser.NewContextAsync(new() { BaseURL = fixture.BaseUrl.ToString() });
        await thief.AddCookiesAsync(copied.Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path }));
        var stolen = await thief.NewPageAsync();
        await stolen.GotoAsync("/admin/artikel");
        await Assertions.Expect(stolen).ToHaveURLAsync(new Regex("/admin/masuk"));
        await thief.CloseAsync();
        await page.Context.CloseAsync();
    }

    /// <summary>The page's status (after redirects, so a redirect to an error counts as the error), or null when the link is a download.</summary>
    private static async Task<int?> OpenAsync(IPage page, string href)
    {
        try
        {
            return (await page.GotoAsync(href))?.Status ?? 0;
        }
        catch (PlaywrightException e) when (e.Message.Contains("Download is starting", StringComparison.Ordinal))
        {
            return null;
        }
    }

    private static async Task<IReadOnlyList<string>> HrefsAsync(IPage page, string selector) =>
        (await page.Locator(selector).EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('href'))")).Distinct().ToList();

    private static async Task<IReadOnlyList<string>> FormsWithoutTokenAsync(IPage page) =>
        (await page.Locator("form[method=post]").EvaluateAllAsync<string[]>(
            "forms => forms.filter(f => !f.querySelector('input[name=__RequestVerificationToken]')).map(f => f.getAttribute('action') || location.pathname)"))
        .Select(a => $"{page.Url}: {a}").ToList();
}
