using SatuPintu.Network.Export;
using SatuPintu.Network.Report;

namespace SatuPintu.Leadership;

/// <summary>The leadership page as a workbook: one sheet per OPD row, then the network report's own sheets.</summary>
public static class LeadershipWorkbook
{
    public static byte[] Build(LeadershipView view, string asOf, Func<DateTime, string> date)
    {
        var opds = new List<object?[]>
        {
            new object?[] { "OPD", "Terbit 30 hari", "Terbit 90 hari", "Terakhir terbit", "Layanan", "Yang kurang", "Skor perhatian" },
        };
        opds.AddRange(view.Opds.Select(r => new object?[]
        {
            r.Opd.Name, r.Last30Days, r.Last90Days, r.LastPublished is { } last ? date(last) : "belum pernah", r.Services,
            r.Missing.Count == 0 ? "lengkap" : string.Join(", ", r.Missing), r.Attention,
        }));
        var network = LeadershipReport.Sheets(view.Network, asOf, date);
        return Spreadsheet.Xlsx([new SheetData("Kegiatan OPD", opds), .. network]);
    }
}
