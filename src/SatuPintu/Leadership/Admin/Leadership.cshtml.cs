using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SatuPintu.Hosting;
using SatuPintu.Network.Export;

namespace SatuPintu.Leadership.Admin;

/// <summary>/admin/pimpinan and its XLSX workbook (handler Xlsx): read-only, for pimpinan and admins.</summary>
public sealed class LeadershipModel(LeadershipBoard board, RegionalClock clock) : PageModel
{
    public LeadershipView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => View = await board.BuildAsync(ct);

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        View = await board.BuildAsync(ct);
        var day = DateOnly.FromDateTime(clock.ToLocal(View.AsOf)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return File(LeadershipWorkbook.Build(View, clock.ShortDate(View.AsOf), clock.ShortDate), Spreadsheet.XlsxType, $"pimpinan-satupintu-{day}.xlsx");
    }
}
