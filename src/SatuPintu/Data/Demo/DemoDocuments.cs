using System.Globalization;
using System.Text;
using SatuPintu.Content;
using SatuPintu.Directory;
using SatuPintu.Hosting;

namespace SatuPintu.Data.Demo;

/// <summary>Small but valid PDF documents for the demo, written to the uploads folder.</summary>
internal sealed class DemoDocuments(SatuPintuDb db, DataOptions options)
{
    private static readonly (string Category, string Title)[] Kinds =
    [
        ("perencanaan", "Rencana Strategis {0} 2021–2026"),
        ("laporan", "Laporan Kinerja Instansi Pemerintah {0} Tahun 2025"),
        ("standar-pelayanan", "Standar Pelayanan {0}"),
    ];

    public async Task AddAsync(IReadOnlyList<Opd> opds, DateTime now, CancellationToken ct)
    {
        var dir = Path.Combine(options.UploadsDir, "dokumen");
        System.IO.Directory.CreateDirectory(dir);
        for (var i = 0; i < opds.Count; i++)
        {
            var opd = opds[i];
            var kinds = opd.Kind == OpdKind.Kecamatan ? Kinds[2..] : Kinds;
            foreach (var (category, pattern) in kinds)
            {
                var title = string.Format(CultureInfo.InvariantCulture, pattern, opd.DisplayShortName);
                var slug = Shared.Slug.From(title, 120);
                var bytes = MinimalPdf(title, $"{opd.Name} - Pemerintah Kabupaten Kepahiang (dokumen demo)");
                var relative = Path.Combine("dokumen", slug + ".pdf");
                await File.WriteAllBytesAsync(Path.Combine(options.UploadsDir, relative), bytes, ct);
                var published = DemoSeeder.Anchor.AddDays(-(i * 11 % 300) - Array.IndexOf(Kinds, (category, pattern)) * 17);
                db.Documents.Add(new Document
                {
                    OpdId = opd.Id, Slug = slug, Title = title, Category = category,
                    Description = $"{title}. Dokumen contoh untuk portal demo.",
                    FileName = slug + ".pdf", ContentType = "application/pdf", SizeBytes = bytes.Length,
                    StoragePath = relative, Status = PublicationStatus.Published, PublishAt = published,
                    CreatedAt = published, UpdatedAt = now,
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A one-page PDF with two lines of text; offsets in the xref table are computed, so readers accept it.</summary>
    internal static byte[] MinimalPdf(string title, string subtitle)
    {
        static string Escape(string s) => new string(s.Select(c => c < 128 ? c : '-').ToArray()).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal);
        var stream = $"BT /F1 16 Tf 56 780 Td ({Escape(title)}) Tj 0 -24 Td /F1 11 Tf ({Escape(subtitle)}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {stream.Length} >>\nstream\n{stream}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var sb = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(sb.Length);
            sb.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = sb.Length;
        sb.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{o:D10} 00000 n \n");
        }
        sb.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(sb.ToString());
    }
}
