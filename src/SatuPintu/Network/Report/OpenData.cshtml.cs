using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SatuPintu.Network.Export;

namespace SatuPintu.Network.Report;

/// <summary>
/// Open data for a Satu Data portal to harvest: /jaringan/data/{status,progress,budget}.{csv,json}.
/// The columns are a published interface (README): add new ones at the end, never rename.
/// </summary>
public sealed class OpenDataModel(NetworkProgress progress) : PageModel
{
    public static readonly string[] StatusColumns = ["as_of", "opd_slug", "opd_name", "unit", "kind", "state", "state_label", "since", "site", "reason"];
    public static readonly string[] ProgressColumns = ["as_of", "opd_total", "opd_connected", .. Enum.GetValues<ConnectionState>().Select(s => "sites_" + s.ApiName())];
    public static readonly string[] BudgetColumns = ["as_of", "year", "source", "planned", "realised"];

    public async Task<IActionResult> OnGetAsync(string name, string format, CancellationToken ct)
    {
        var s = await progress.SnapshotAsync(ct);
        var asOf = s.AsOf.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        static string? Day(DateTime? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        (string[] Columns, List<object?[]> Rows)? table = name switch
        {
            "status" => (StatusColumns, [.. s.Opds.Concat(s.Units).Select(o => new object?[]
            {
                asOf, o.Slug, o.Name, o.Unit, o.Kind.ToString().ToLowerInvariant(), o.State?.ApiName(), o.State?.Label(), Day(o.Since), o.SiteName, o.Reason,
            })]),
            "progress" => (ProgressColumns, [[asOf, s.OpdTotal, s.OpdConnected, .. Enum.GetValues<ConnectionState>().Select(st => (object?)s.SitesByState.GetValueOrDefault(st))]]),
            "budget" => (BudgetColumns, [.. s.Budget.Select(b => new object?[] { asOf, b.Year, Budgets.ApiName(b.Source), b.Planned, b.Realised })]),
            _ => null,
        };
        if (table is not { } t)
        {
            return NotFound();
        }
        Response.Headers.AccessControlAllowOrigin = "*";
        if (format == "csv")
        {
            return File(Spreadsheet.Csv([t.Columns, .. t.Rows]), Spreadsheet.CsvType);
        }
        return new JsonResult(t.Rows.Select(r => t.Columns.Zip(r).ToDictionary(p => p.First, p => p.Second)));
    }
}
