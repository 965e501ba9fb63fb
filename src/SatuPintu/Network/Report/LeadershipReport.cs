using SatuPintu.Network.Export;
using SatuPintu.Shared;

namespace SatuPintu.Network.Report;

/// <summary>
/// The leadership report as a workbook: summary, per OPD, budget and links sheets, from the same
/// <see cref="NetworkSnapshot"/> the public page and the printable report use.
/// </summary>
public static class LeadershipReport
{
    public static string Title(string asOf) => $"Laporan Program Internet Satu Pintu per {asOf}";

    public static byte[] Workbook(NetworkSnapshot s, string asOf, Func<DateTime, string> date) => Spreadsheet.Xlsx(Sheets(s, asOf, date));

    /// <summary>The report's sheets, for this workbook and the leadership page's, which puts its own first.</summary>
    public static IReadOnlyList<SheetData> Sheets(NetworkSnapshot s, string asOf, Func<DateTime, string> date)
    {
        var summary = new List<object?[]>
        {
            new object?[] { Title(asOf), null },
            new object?[] { "Ukuran", "Nilai" },
            new object?[] { "OPD tersambung", s.OpdConnected },
            new object?[] { "Jumlah OPD", s.OpdTotal },
        };
        summary.AddRange(s.SitesByState.Select(kv => new object?[] { "Lokasi " + kv.Key.Label(), kv.Value }));
        summary.Add(["Gerbang internet (Mbps)", s.Capacity.UplinkMbps]);
        summary.Add(["Bandwidth terjanji lokasi tersambung (Mbps)", s.Capacity.CommittedDownMbps]);
        summary.Add(["Rasio langganan lebih", s.Capacity.RatioText]);
        summary.Add(["Pagu seluruhnya (Rp)", s.Budget.Sum(b => b.Planned)]);
        summary.Add(["Realisasi seluruhnya (Rp)", s.Budget.Sum(b => b.Realised)]);

        var opds = new List<object?[]> { new object?[] { "OPD", "Unit", "Jenis", "Status", "Sejak", "Lokasi", "Keterangan" } };
        opds.AddRange(s.Opds.Concat(s.Units).Select(o => new object?[]
        {
            o.Name, o.Unit, o.Kind.ToString(), o.State?.Label() ?? "belum terdaftar", o.Since is { } since ? date(since) : null, o.SiteName, o.Reason,
        }));

        var budget = new List<object?[]> { new object?[] { "Tahun", "Sumber", "Pagu (Rp)", "Realisasi (Rp)", "Serapan" } };
        budget.AddRange(s.Budget.Select(b => new object?[] { b.Year, b.Source.Label(), b.Planned, b.Realised, Percent(b.Realised, b.Planned) }));

        var links = new List<object?[]> { new object?[] { "Lokasi", "Status", "Media", "Turun (Mbps)", "Naik (Mbps)", "Penyedia", "Biaya bulanan (Rp)" } };
        links.AddRange(s.Sites.Where(x => x.Link is not null).Select(x => new object?[]
        {
            x.Name, x.State.Label(), x.Link!.Medium.Label(), x.Link.CommittedDownMbps, x.Link.CommittedUpMbps, x.Link.Provider, x.Link.MonthlyCostRupiah,
        }));

        return [new("Ringkasan", summary), new("Per OPD", opds), new("Anggaran", budget), new("Tautan", links)];
    }

    public static string Percent(long part, long whole) => whole <= 0 ? "–" : Formats.Fraction(Math.Round(100.0 * part / whole, 1)) + "%";
}
