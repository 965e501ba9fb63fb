using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SatuPintu.Hosting;
using SatuPintu.Network.Export;
using SatuPintu.Network.Report;

namespace SatuPintu.Network.Admin;

/// <summary>/admin/jaringan/laporan: the leadership report, one printable A4 page and its XLSX workbook; admins and pimpinan.</summary>
public sealed class ReportModel(NetworkProgress progress, RegionalClock clock) : PageModel
{
    public NetworkSnapshot Snapshot { get; private set; } = null!;
    public string AsOf { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var day = DateOnly.FromDateTime(Snapshot.AsOf).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return File(LeadershipReport.Workbook(Snapshot, AsOf, clock.ShortDate), Spreadsheet.XlsxType, $"laporan-internet-satu-pintu-{day}.xlsx");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Snapshot = await progress.SnapshotAsync(ct);
        var longDate = clock.LongDate(Snapshot.AsOf);
        // "Selasa, 1 Desember 2026" → "1 Desember 2026": a report title names the day, not the weekday.
        AsOf = longDate[(longDate.IndexOf(',', StringComparison.Ordinal) + 2)..];
    }
}
