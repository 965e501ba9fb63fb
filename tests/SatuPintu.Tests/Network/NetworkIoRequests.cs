using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Network;

/// <summary>Browser-like calls of the import page, shared by its own tests and the authorization matrix.</summary>
internal static partial class NetworkIoRequests
{
    public const string Page = "/admin/jaringan/impor";

    public static string GoodUplinks() => $"provider,mbps,contract_start\nISP Uji {Guid.NewGuid().ToString("N")[..6]},100,2026-01-01\n";

    /// <summary>Uploads a file for preview with the page's antiforgery token (none when the page is not visible to the caller).</summary>
    public static async Task<HttpResponseMessage> PreviewAsync(HttpClient c, byte[] file, string name = "uplinks.csv")
    {
        var page = await c.GetAsync(new Uri(Page, UriKind.Relative));
        using var form = new MultipartFormDataContent();
        if (page.StatusCode == HttpStatusCode.OK)
        {
            form.Add(new StringContent(Personas.AntiforgeryToken(await page.Content.ReadAsStringAsync())), "__RequestVerificationToken");
        }
        form.Add(new ByteArrayContent(file), "upload", name);
        return await c.PostAsync(new Uri(Page + "/Preview", UriKind.Relative), form);
    }

    /// <summary>Preview, then press "Impor" on the preview page, as a person does.</summary>
    public static async Task<HttpResponseMessage> PreviewThenCommitAsync(HttpClient c)
    {
        var preview = await PreviewAsync(c, Encoding.UTF8.GetBytes(GoodUplinks()));
        var html = await preview.Content.ReadAsStringAsync();
        if (preview.StatusCode != HttpStatusCode.OK || UploadIdRegex().Match(html) is not { Success: true } id)
        {
            // Not allowed to preview: commit with a made-up id and no token, which must be refused too.
            using var empty = new FormUrlEncodedContent(new Dictionary<string, string> { ["uploadId"] = new string('a', 32) });
            return await c.PostAsync(new Uri(Page + "/Commit", UriKind.Relative), empty);
        }
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["uploadId"] = id.Groups[1].Value, ["fileName"] = "uplinks.csv", ["__RequestVerificationToken"] = Personas.AntiforgeryToken(html),
        });
        return await c.PostAsync(new Uri(Page + "/Commit", UriKind.Relative), form);
    }

    [GeneratedRegex("name=\"uploadId\" value=\"([0-9a-f]{32})\"")]
    private static partial Regex UploadIdRegex();
}
