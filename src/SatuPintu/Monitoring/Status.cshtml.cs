using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using SatuPintu.Hosting;

namespace SatuPintu.Monitoring;

/// <summary>/status: one row per OPD (connection, website, worst state, 90 days), the latest incidents and maintenance; names and states only.</summary>
[OutputCache(PolicyName = HostingFeature.PublicPolicy)]
public sealed class StatusModel(StatusBoard board) : PageModel
{
    private static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");

    public StatusSummary Summary { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Summary = await board.SummaryAsync(ct);

    public static string Label(CheckState s) => s switch
    {
        CheckState.Up => "Normal",
        CheckState.Down => "Terputus",
        CheckState.Unreachable => "Tidak terjangkau",
        CheckState.Maintenance => "Pemeliharaan",
        CheckState.Paused => "Dijeda",
        _ => "Belum diketahui",
    };

    public static string KindLabel(string kind) => kind switch
    {
        "icmp" => "Ping",
        "tcp" => "Port TCP",
        "http" => "Situs web",
        "dns" => "DNS",
        _ => kind,
    };

    public static string Percent(double? fraction) => fraction is { } f ? (f * 100).ToString("0.##", Id) + "%" : "tidak ada data";

    private static string Class(DayBar d) =>
        d.Uptime is null ? (d.Maintenance > 0 ? "b-m" : "b-n") : d.Uptime >= 0.999 ? "b-u" : d.Uptime >= 0.95 ? "b-w" : "b-d";

    /// <summary>
    /// 90 days as one SVG with one path per colour: a run of days of one colour is one rectangle, so
    /// a row costs tens of bytes rather than a rectangle and a tooltip per day. The worst days are
    /// named in the label and the title, for readers who cannot see the colours.
    /// </summary>
    public static IHtmlContent Bars(IReadOnlyList<DayBar> days, string what, double? uptime)
    {
        // The day lists live as long as the status summary that holds them: each is drawn once, not per request.
        if (Drawn.TryGetValue(days, out var drawn) && drawn.What == what && drawn.Uptime == uptime)
        {
            return drawn.Html;
        }
        var html = Draw(days, what, uptime);
        Drawn.AddOrUpdate(days, new(what, uptime, html));
        return html;
    }

    private sealed record DrawnBars(string What, double? Uptime, IHtmlContent Html);

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<DayBar>, DrawnBars> Drawn = new();

    private static HtmlString Draw(IReadOnlyList<DayBar> days, string what, double? uptime)
    {
        var paths = new Dictionary<string, StringBuilder>(StringComparer.Ordinal);
        for (var i = 0; i < days.Count;)
        {
            var cls = Class(days[i]);
            var j = i;
            while (j + 1 < days.Count && Class(days[j + 1]) == cls)
            {
                j++;
            }
            var width = ((j - i + 1) * 3) - 1;
            (paths.TryGetValue(cls, out var sb) ? sb : paths[cls] = new StringBuilder())
                .Append(CultureInfo.InvariantCulture, $"M{i * 3} 0h{width}v20h-{width}z");
            i = j + 1;
        }
        var bad = days.Where(d => d.Uptime < 0.95).ToList();
        var label = $"{what}: ketersediaan 90 hari {Percent(uptime)}" + (bad.Count == 0 ? "" :
            $"; {bad.Count} hari di bawah 95%, terakhir {bad[^1].Day.ToString("d MMM yyyy", Id)} ({Percent(bad[^1].Uptime)})");
        var enc = HtmlEncoder.Default;
        var html = new StringBuilder(256).Append(CultureInfo.InvariantCulture,
            $"<svg class=\"st-bars\" viewBox=\"0 0 {days.Count * 3} 20\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"{enc.Encode(label)}\"><title>{enc.Encode(label)}</title>");
        foreach (var (cls, d) in paths)
        {
            html.Append(CultureInfo.InvariantCulture, $"<path class=\"{cls}\" d=\"{d}\"/>");
        }
        return new HtmlString(html.Append("</svg>").ToString());
    }
}
