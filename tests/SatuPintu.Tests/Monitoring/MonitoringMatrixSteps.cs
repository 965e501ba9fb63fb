using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using N = SatuPintu.Tests.Network.NetworkMatrixSteps;

namespace SatuPintu.Tests.Monitoring;

/// <summary>
/// The alert-channel and website-watch endpoints as the authorization matrix calls them. Every step an admin
/// may take works on rows the step itself added (a webhook and a watched page on 127.0.0.1:9, the discard
/// port: a send or fetch is refused at once, on this machine); the demo's OPD websites are never touched.
/// </summary>
public static partial class MonitoringMatrixSteps
{
    private const string Channels = "/admin/pemantauan/kanal";
    private const string Sites = "/admin/pemantauan/situs";

    public static object NewWebhook() => new { kind = "webhook", url = "http://127.0.0.1:9/matriks-" + Guid.NewGuid().ToString("N")[..6] };

    private static async Task<string?> PageAsync(HttpClient c, string url)
    {
        using var page = await c.GetAsync(new Uri(url, UriKind.Relative));
        return page.StatusCode == HttpStatusCode.OK ? await page.Content.ReadAsStringAsync() : null;
    }

    /// <summary>The id of a channel this step added (admin), or 1 for a person who cannot see the page.</summary>
    private static async Task<string> ChannelAsync(HttpClient c)
    {
        if (await PageAsync(c, Channels) is null)
        {
            return "1";
        }
        var name = "Matriks " + Guid.NewGuid().ToString("N")[..6];
        using var created = await N.Form(c, Channels + "/Create", Channels, new() { ["Input.Kind"] = "webhook", ["Input.Name"] = name, ["Input.Url"] = "http://127.0.0.1:9/matriks" });
        var html = await PageAsync(c, Channels) ?? "";
        return Regex.Match(html, Regex.Escape(name) + ".*?kanal/Test\\?id=(\\d+)", RegexOptions.Singleline, TimeSpan.FromSeconds(2)).Groups[1].Value;
    }

    public static async Task<HttpResponseMessage> ChannelForm(HttpClient c, string handler) =>
        await N.Form(c, $"{Channels}/{handler}?id={await ChannelAsync(c)}", Channels, handler == "Subscribe" ? new() { ["opd"] = "dinsos" } : null);

    public static async Task<HttpResponseMessage> Unsubscribe(HttpClient c)
    {
        var id = "1";
        if (await PageAsync(c, Channels) is not null)
        {
            var channel = await ChannelAsync(c);
            (await N.Form(c, $"{Channels}/Subscribe?id={channel}", Channels, new() { ["opd"] = "dinsos" })).Dispose();
            id = Regex.Matches(await PageAsync(c, Channels) ?? "", "Unsubscribe\\?subscription=(\\d+)", RegexOptions.None, TimeSpan.FromSeconds(2)).Last().Groups[1].Value;
        }
        return await N.Form(c, $"{Channels}/Unsubscribe?subscription={id}", Channels);
    }

    public static Dictionary<string, string> ChannelForm() => new() { ["Input.Kind"] = "webhook", ["Input.Url"] = "http://127.0.0.1:9/matriks" };

    public static Dictionary<string, string> TargetForm() => new() { ["Input.Opd"] = "dinkes", ["Input.Url"] = "http://127.0.0.1:9/matriks-" + Guid.NewGuid().ToString("N") };

    /// <summary>The id of a watched page on 127.0.0.1:9 this step added (admin), or 1 for a person who cannot see the page.</summary>
    private static async Task<string> TargetAsync(HttpClient c)
    {
        if (await PageAsync(c, Sites) is null)
        {
            return "1";
        }
        var form = TargetForm();
        (await N.Form(c, Sites + "/Add", Sites, form)).Dispose();
        var html = await PageAsync(c, Sites) ?? "";
        return Regex.Match(html, Regex.Escape(form["Input.Url"]) + ".*?situs/Inspect\\?id=(\\d+)", RegexOptions.Singleline, TimeSpan.FromSeconds(2)).Groups[1].Value;
    }

    public static async Task<HttpResponseMessage> TargetForm(HttpClient c, string handler) =>
        await N.Form(c, $"{Sites}/{handler}?id={await TargetAsync(c)}{(handler == "Fixed" ? "&value=true" : "")}", Sites);

    public static Task<HttpResponseMessage> Keyword(HttpClient c, string handler) =>
        N.Form(c, $"{Sites}/{handler}", Sites, new() { ["phrase"] = "kata uji matriks", ["strong"] = "true" });
}
