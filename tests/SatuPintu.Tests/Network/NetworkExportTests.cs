using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SatuPintu.Network;
using SatuPintu.Network.Export;
using SatuPintu.Network.Import;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Network;

/// <summary>The exports of the demo registry: neutralised cells, a re-importable workbook, a RouterOS script read line by line, open data, the import page.</summary>
public sealed partial class NetworkExportTests(SqliteApp app) : WithPersonas(app), IClassFixture<SqliteApp>
{
    private async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    [Fact]
    public async Task Cells_a_spreadsheet_would_run_are_neutralised_in_csv_and_xlsx()
    {
        string[] hostile = ["=HYPERLINK(\"http://198.51.100.9\")", "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR"];
        await app.WithDbAsync(async db =>
        {
            var parent = await db.NetworkSites.FirstAsync(s => s.Name == "NOC Diskominfo");
            db.NetworkSites.AddRange(hostile.Select((h, i) => new Site { Name = h + " " + i, Kind = SiteKind.Office, ParentSiteId = parent.Id, Notes = h }));
            return await db.SaveChangesAsync();
        });
        var sheets = await WithAsync(s => s.GetRequiredService<RegistryExport>().SheetsAsync(CancellationToken.None));
        var csv = Encoding.UTF8.GetString(Spreadsheet.Csv(sheets.Single(s => s.Name == "sites").Rows));
        foreach (var h in hostile)
        {
            Assert.DoesNotMatch("(^|[,\"\\n])" + Regex.Escape(h), csv);
        }
        Assert.Contains("'=HYPERLINK", csv, StringComparison.Ordinal);
        Assert.Contains("'@SUM(A1)", csv, StringComparison.Ordinal);
        // Coordinates stay numbers: a plain negative number is no formula.
        Assert.Matches(",-3\\.6\\d*,102\\.", csv);

        var workbook = ImportReaders.ReadXlsx(new MemoryStream(Spreadsheet.Xlsx(sheets)));
        var texts = workbook.Tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells.Values).Where(c => !c.IsNumber).Select(c => c.Text).ToList();
        Assert.DoesNotContain(texts, t => t.Length > 0 && t[0] is '=' or '+' or '-' or '@' or '\t' or '\r');
        Assert.Contains(texts, t => t.StartsWith("'+1+1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_exported_workbook_reads_back_with_every_sheet_and_no_header_problem()
    {
        var sheets = await WithAsync(s => s.GetRequiredService<RegistryExport>().SheetsAsync(CancellationToken.None));
        var file = ImportReaders.ReadXlsx(new MemoryStream(Spreadsheet.Xlsx(sheets)));
        Assert.Empty(file.Errors);
        Assert.Equal(["phases", "sites", "links", "uplinks", "subnets", "budget"], file.Tables.Select(t => t.Sheet));
        var subnets = await app.WithDbAsync(db => db.NetworkSubnets.CountAsync());
        Assert.Equal(subnets, file.Tables.Single(t => t.Kind == ImportKind.Subnets).Rows.Count);
    }

    [GeneratedRegex("^/queue simple add name=\"((?:[^\"\\\\]|\\\\.)+)\" target=((?:[0-9a-f.:]+/\\d+,?)+) max-limit=(\\d+)M/(\\d+)M comment=\"satupintu site (\\d+)\"$")]
    private static partial Regex QueueLine();

    [GeneratedRegex("^/(ip|ipv6) firewall address-list add list=\"((?:[^\"\\\\]|\\\\.)+)\" address=([0-9a-f.:]+/\\d+)$")]
    private static partial Regex AddressLine();

    [Fact]
    public async Task RouterOs_script_parses_line_by_line_and_matches_the_registry()
    {
        var script = await WithAsync(s => s.GetRequiredService<RouterOsExport>().ScriptAsync(CancellationToken.None));
        var sites = await app.WithDbAsync(db => db.NetworkSites.AsNoTracking().Include(s => s.Link).Include(s => s.Subnets).AsSplitQuery().ToListAsync());
        var queues = 0;
        string? list = null;
        var expected = new List<string>();
        foreach (var line in script.Split('\n').Where(l => l.Length > 0))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }
            if (QueueLine().Match(line) is { Success: true } q)
            {
                Assert.Empty(expected);
                var site = sites.Single(s => s.Id == int.Parse(q.Groups[5].Value, System.Globalization.CultureInfo.InvariantCulture));
                Assert.Equal(site.Name, q.Groups[1].Value.Replace("\\", "", StringComparison.Ordinal));
                Assert.Equal(site.Link!.CommittedUpMbps.ToString(System.Globalization.CultureInfo.InvariantCulture), q.Groups[3].Value);
                Assert.Equal(site.Link.CommittedDownMbps.ToString(System.Globalization.CultureInfo.InvariantCulture), q.Groups[4].Value);
                expected = [.. site.Subnets.Select(n => n.Cidr)];
                Assert.Equal(expected.Order(), q.Groups[2].Value.Split(',').Order());
                list = q.Groups[1].Value;
                queues++;
                continue;
            }
            var a = AddressLine().Match(line);
            Assert.True(a.Success, "unexpected line: " + line);
            Assert.Equal(list, a.Groups[2].Value);
            Assert.Equal(a.Groups[3].Value.Contains(':', StringComparison.Ordinal) ? "ipv6" : "ip", a.Groups[1].Value);
            Assert.True(expected.Remove(a.Groups[3].Value), "address not of this site: " + line);
        }
        Assert.Empty(expected);
        Assert.Equal(sites.Count(s => s.Link is not null && s.Subnets.Count > 0 && s.State != ConnectionState.Decommissioned), queues);
        Assert.True(queues > 0);
        Assert.Equal("\"a\\\"b\\$c\\\\d\"", RouterOsExport.Quote("a\"b$c\\d\n"));
    }

    [Fact]
    public async Task Open_data_has_stable_columns_in_csv_and_json()
    {
        var client = app.CreateClient();
        var csv = await client.GetStringAsync(new Uri("/jaringan/data/status.csv", UriKind.Relative));
        Assert.StartsWith("as_of,opd_slug,opd_name,unit,kind,state,state_label,since,site,reason\r\n", csv, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/jaringan/data/status.json", UriKind.Relative)));
        var bkd = json.RootElement.EnumerateArray().Single(e => e.GetProperty("opd_slug").GetString() == "bkd" && e.GetProperty("unit").ValueKind == JsonValueKind.Null);
        Assert.Equal("connected", bkd.GetProperty("state").GetString());
        using var progress = JsonDocument.Parse(await client.GetStringAsync(new Uri("/jaringan/data/progress.json", UriKind.Relative)));
        Assert.Equal(34, progress.RootElement[0].GetProperty("opd_total").GetInt32());
        var budget = await client.GetStringAsync(new Uri("/jaringan/data/budget.csv", UriKind.Relative));
        Assert.StartsWith("as_of,year,source,planned,realised\r\n", budget, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/jaringan/data/rahasia.csv", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Import_page_previews_row_errors_then_commits_and_forgets_the_file()
    {
        var admin = await Personas.SignInAsync(app, People.Admin.Email);
        var bad = await NetworkIoRequests.PreviewAsync(admin, Encoding.UTF8.GetBytes("site,cidr\nNOC Diskominfo,198.51.100.0/33\n"), "subnets.csv");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("bukan CIDR", html, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"uploadId\"", html, StringComparison.Ordinal);

        var before = await app.WithDbAsync(db => db.NetworkUplinks.CountAsync());
        var done = await NetworkIoRequests.PreviewThenCommitAsync(admin);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("Diimpor: 1 baris uplinks", await done.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before + 1, await app.WithDbAsync(db => db.NetworkUplinks.CountAsync()));
        Assert.Empty(System.IO.Directory.EnumerateFiles(Path.Combine(app.DataDir, "network-import")));

        var tooBig = await NetworkIoRequests.PreviewAsync(admin, new byte[ImportLimits.MaxBytes + 10], "besar.csv");
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.StatusCode);
        Assert.Contains("lebih besar dari 10 MB", await tooBig.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var template = await admin.GetAsync(new Uri("/admin/jaringan/impor/Template?kind=subnets", UriKind.Relative));
        Assert.Equal("site,cidr,vlan,gateway,description,id\r\n", await template.Content.ReadAsStringAsync());
        var report = await admin.GetStringAsync(new Uri("/admin/jaringan/laporan", UriKind.Relative));
        Assert.Contains("Laporan Program Internet Satu Pintu per ", report, StringComparison.Ordinal);
        var workbook = await admin.GetByteArrayAsync(new Uri("/admin/jaringan/laporan/Xlsx", UriKind.Relative));
        var sheets = ImportReaders.ReadXlsx(new MemoryStream(workbook));
        Assert.Equal(4, sheets.Errors.Count(e => e.Message.Contains("tidak dikenal", StringComparison.Ordinal)));
    }
}
