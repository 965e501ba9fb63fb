using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Network;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Network;

/// <summary>
/// /jaringan as a summary: the map draws every site, the site table shows one page at a time and is
/// filtered by status, kecamatan and OPD through plain links; a filter that names nothing is said so.
/// </summary>
[Collection(Hosts.SqlitePortal)]
public sealed partial class JaringanPageTests(SqliteApp app)
{
    private static string Table(string html) => html[html.IndexOf("class=\"net-sites", StringComparison.Ordinal)..html.IndexOf("</table>", html.IndexOf("class=\"net-sites", StringComparison.Ordinal), StringComparison.Ordinal)];

    private static List<string> Rows(string html) => [.. RowRegex().Matches(Table(html)).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value))];

    [Fact]
    public async Task The_site_table_pages_and_filters_while_the_map_draws_every_site()
    {
        var sites = await app.WithDbAsync(db => db.NetworkSites.AsNoTracking().OrderBy(s => s.Kind).ThenBy(s => s.Name).ToListAsync());
        var client = app.Browser();
        var first = await client.GetOkAsync("/jaringan");
        var firstRows = Rows(first);
        Assert.Equal(25, firstRows.Count);
        Assert.Contains($"{sites.Count} lokasi, halaman 1 dari 2", first, StringComparison.Ordinal);
        Assert.Contains("rel=\"next\"", first, StringComparison.Ordinal);
        var second = Rows(await client.GetOkAsync("/jaringan?halaman=2"));
        Assert.Equal(sites.Count - 25, second.Count);
        Assert.Equal(sites.Select(s => s.Name).Order(StringComparer.Ordinal), firstRows.Concat(second).Order(StringComparer.Ordinal));
        // The map has one marker per placed site (with its name as the tooltip), and the office complex magnified.
        var svg = first[first.IndexOf("<svg viewBox=\"0 0 640", StringComparison.Ordinal)..];
        Assert.All(sites.Where(s => s.Latitude is not null && s.State != ConnectionState.Decommissioned), s => Assert.Contains($"<title>{s.Name}: ", svg, StringComparison.Ordinal));
        Assert.Contains("Diperbesar (", svg, StringComparison.Ordinal);

        var connected = Rows(await client.GetOkAsync("/jaringan?status=connected"));
        Assert.Equal(sites.Where(s => s.State == ConnectionState.Connected).Select(s => s.Name).Order(StringComparer.Ordinal), connected.Order(StringComparer.Ordinal));
        var kecamatan = sites.First(s => s.Kind == SiteKind.Kecamatan);
        Assert.Equal([kecamatan.Name], Rows(await client.GetOkAsync($"/jaringan?kecamatan={kecamatan.Id}")));
        Assert.Equal(["Kantor BKD"], Rows(await client.GetOkAsync("/jaringan?opd=bkd&status=")));
        var both = await client.GetOkAsync("/jaringan?opd=bkd&status=postponed");
        Assert.Empty(Rows(both));
        Assert.Contains("0 lokasi", both, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("status=aktif", "Status \"aktif\" tidak dikenal")]
    [InlineData("kecamatan=99999", "Kecamatan \"99999\" tidak ditemukan")]
    [InlineData("opd=%3Cscript%3E", "OPD \"<script>\" tidak menempati")]
    [InlineData("halaman=abc", "Nomor halaman \"abc\" tidak valid")]
    [InlineData("halaman=99", "Halaman 99 tidak ada; daftar ini 2 halaman.")]
    public async Task A_filter_that_names_nothing_is_said_so_and_the_whole_list_is_shown(string query, string notice)
    {
        var html = await app.Browser().GetOkAsync("/jaringan?" + query);
        Assert.Contains(notice, System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.NotEmpty(Rows(html));
    }

    [GeneratedRegex("<tr><th scope=\"row\">([^<]*)</th>")]
    private static partial Regex RowRegex();
}
