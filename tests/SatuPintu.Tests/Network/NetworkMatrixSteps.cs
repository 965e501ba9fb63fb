using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Network;

/// <summary>
/// The network endpoints as the authorization matrix calls them: each step succeeds for an admin every time it
/// runs (fresh CIDRs and names, toggles that can repeat, deletes of what the step itself added) and is refused otherwise.
/// </summary>
public static partial class NetworkMatrixSteps
{
    private static int _counter;

    /// <summary>A fresh RFC 1918 block per call (10.200.0.0/14), used as data only.</summary>
    public static string FreshCidr()
    {
        var n = Interlocked.Increment(ref _counter);
        return string.Create(CultureInfo.InvariantCulture, $"10.{200 + n / 256}.{n % 256}.0/24");
    }

    public static string Fresh(string prefix) => prefix + " " + Guid.NewGuid().ToString("N")[..6];

    /// <summary>A site's id and state by name, through the public sites API.</summary>
    public static async Task<(int Id, string State)> SiteAsync(HttpClient c, string name)
    {
        var sites = await c.GetFromJsonAsync<JsonElement>("/api/v1/network/sites");
        var site = sites.EnumerateArray().Single(s => s.GetProperty("name").GetString() == name);
        return (site.GetProperty("id").GetInt32(), site.GetProperty("state").GetString()!);
    }

    /// <summary>Installed ⇄ postponed (with a reason): always an allowed move for an admin.</summary>
    public static (string To, string Reason) Toggle(string state) =>
        state == "postponed" ? ("installed", "dana tersedia") : ("postponed", "anggaran belum tersedia");

    public static async Task<HttpResponseMessage> ApiTransition(HttpClient c)
    {
        var (id, state) = await SiteAsync(c, "Kantor DLH");
        var (to, reason) = Toggle(state);
        return await c.PostAsJsonAsync($"/api/v1/network/sites/{id}/transitions", new { to, reason });
    }

    /// <summary>Posts a page form with the page's antiforgery token; without the page (refused) it posts without one, which must fail too.</summary>
    public static async Task<HttpResponseMessage> Form(HttpClient c, string url, string formPage, Dictionary<string, string>? fields = null)
    {
        using var page = await c.GetAsync(new Uri(formPage, UriKind.Relative));
        var html = page.StatusCode == HttpStatusCode.OK ? await page.Content.ReadAsStringAsync() : "";
        var token = Personas.AntiforgeryToken(html);
        fields ??= [];
        if (token.Length > 0)
        {
            fields["__RequestVerificationToken"] = token;
        }
        using var content = new FormUrlEncodedContent(fields);
        return await c.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    public static async Task<string> SitePage(HttpClient c) => $"/admin/jaringan/lokasi/{(await SiteAsync(c, "Kantor Camat Merigi")).Id}";

    public static async Task<HttpResponseMessage> SiteForm(HttpClient c, string handler, Dictionary<string, string> fields)
    {
        var page = await SitePage(c);
        return await Form(c, $"{page}/{handler}", page, fields);
    }

    public static async Task<HttpResponseMessage> PageTransition(HttpClient c)
    {
        var (id, state) = await SiteAsync(c, "Kantor Dispusip");
        var (to, reason) = Toggle(state);
        return await Form(c, $"/admin/jaringan/lokasi/{id}/Transition", $"/admin/jaringan/lokasi/{id}", new() { ["To"] = to, ["Reason"] = reason });
    }

    /// <summary>Adds something through one form, then deletes the newest such item through the delete form the page shows.</summary>
    private static async Task<HttpResponseMessage> AddThenDelete(HttpClient c, string page, string addUrl, Dictionary<string, string> fields, Regex deleteLink)
    {
        var added = await Form(c, addUrl, page, fields);
        // Refused people are redirected too (to the login or access-denied page): only a redirect back here means it was added.
        if (added.StatusCode != HttpStatusCode.Redirect || added.Headers.Location?.ToString().StartsWith("/admin/jaringan", StringComparison.Ordinal) != true)
        {
            return added;
        }
        added.Dispose();
        var html = await c.GetStringAsync(new Uri(page, UriKind.Relative));
        var action = WebUtility.HtmlDecode(deleteLink.Matches(html).Last().Value);
        return await Form(c, action, page);
    }

    public static async Task<HttpResponseMessage> DeleteSubnet(HttpClient c)
    {
        var page = await SitePage(c);
        return await AddThenDelete(c, page, $"{page}/Subnet", new() { ["Subnet.Cidr"] = FreshCidr() }, DeleteSubnetRegex());
    }

    public static Task<HttpResponseMessage> DeleteUplink(HttpClient c) =>
        AddThenDelete(c, "/admin/jaringan/rencana", "/admin/jaringan/rencana/Uplink", UplinkForm(), DeleteUplinkRegex());

    public static Task<HttpResponseMessage> DeleteBudgetLine(HttpClient c) =>
        AddThenDelete(c, "/admin/jaringan/anggaran?tahun=2031", "/admin/jaringan/anggaran/Save", BudgetForm(2031), DeleteBudgetRegex());

    public static Dictionary<string, string> UplinkForm() => new()
    {
        ["Uplink.Provider"] = Fresh("Penyedia uji"), ["Uplink.Mbps"] = "50", ["Uplink.MonthlyCostRupiah"] = "1000000", ["Uplink.ContractStart"] = "2026-01-01",
    };

    public static Dictionary<string, string> BudgetForm(int year) => new()
    {
        ["Input.FiscalYear"] = year.ToString(CultureInfo.InvariantCulture), ["Input.Source"] = "Apbd", ["Input.Item"] = "Maintenance",
        ["Input.PlannedRupiah"] = "1000000", ["Input.RealisedRupiah"] = "0", ["Input.Description"] = "Uji matriks",
    };

    [GeneratedRegex(@"/admin/jaringan/lokasi/\d+/DeleteSubnet\?subnet=\d+")]
    private static partial Regex DeleteSubnetRegex();

    [GeneratedRegex(@"/admin/jaringan/rencana/DeleteUplink\?id=\d+")]
    private static partial Regex DeleteUplinkRegex();

    [GeneratedRegex(@"/admin/jaringan/anggaran/Delete\?id=\d+&amp;tahun=2031")]
    private static partial Regex DeleteBudgetRegex();
}
