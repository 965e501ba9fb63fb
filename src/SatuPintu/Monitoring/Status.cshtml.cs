using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using SatuPintu.Hosting;

namespace SatuPintu.Monitoring;

/// <summary>/status: every OPD's connection and website, 90-day uptime bars, incidents and maintenance; names and states only.</summary>
[OutputCache(PolicyName = HostingFeature.PublicPolicy)]
public sealed class StatusModel(StatusBoard board) : PageModel
{
    public StatusSnapshot Snapshot { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Snapshot = await board.SnapshotAsync(ct);

    public static string Label(CheckState s) => s switch
    {
        CheckState.Up => "Normal",
        CheckState.Down => "Terputus",
        CheckState.Unreachable => "Tidak terjangkau",
        CheckState.Maintenance => "Pemeliharaan",
        CheckState.Paused => "Dijeda",
        _ => "Belum diketahui",
    };

    public static string Percent(double? fraction) => fraction is { } f ? (f * 100).ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("id-ID")) + "%" : "tidak ada data";
}
