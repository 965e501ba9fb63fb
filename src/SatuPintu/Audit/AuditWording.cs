using System.Text.Json;

namespace SatuPintu.Audit;

/// <summary>
/// The audit trail in words a reviewer reads at once: "Artikel diubah", "Judul", not "update Article Title".
/// The stored entries keep their technical names (the CSV and scripts rely on them); only the view translates.
/// </summary>
public static class AuditWording
{
    /// <summary>What kind of data, by the entity name stored in the trail; also the choices of the filter.</summary>
    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>
    {
        ["Article"] = "Artikel", ["ArticleRevision"] = "Revisi artikel", ["ArticleAddress"] = "Alamat lama artikel", ["Document"] = "Dokumen",
        ["Page"] = "Halaman", ["Tag"] = "Topik", ["MediaFile"] = "Gambar", ["Opd"] = "Perangkat daerah", ["OpdUnit"] = "Unit layanan",
        ["PublicService"] = "Layanan publik", ["OpdMembership"] = "Hak akses OPD", ["PersonalAccessToken"] = "Kunci akses API",
        ["User"] = "Pengguna", ["IdentityUser"] = "Pengguna", ["IdentityRole"] = "Peran", ["IdentityUserRole`1"] = "Peran pengguna", ["AuditSummary"] = "Impor",
        ["Site"] = "Lokasi jaringan", ["Link"] = "Sambungan jaringan", ["Subnet"] = "Blok alamat IP", ["Uplink"] = "Jalur internet", ["Phase"] = "Tahap jaringan",
        ["BudgetLine"] = "Anggaran jaringan", ["SiteOpd"] = "OPD di lokasi", ["Check"] = "Pemeriksaan", ["Incident"] = "Gangguan",
        ["MaintenanceWindow"] = "Jadwal pemeliharaan", ["AlertChannel"] = "Kanal peringatan", ["AlertSubscription"] = "Langganan peringatan",
        ["WatchTarget"] = "Situs yang dipantau", ["WatchFinding"] = "Temuan situs", ["WatchKeyword"] = "Kata kunci pantauan", ["WatchAllowEntry"] = "Daftar izin pantauan",
        ["SearchAcronym"] = "Singkatan pencarian",
        ["Source"] = "Sumber sindikasi", ["ImportedImage"] = "Gambar impor",
    };

    private static readonly Dictionary<string, string> Fields = new()
    {
        ["Title"] = "Judul", ["Summary"] = "Ringkasan", ["BodyMarkdown"] = "Isi", ["BodyHtml"] = "Isi (tampilan)", ["Slug"] = "Alamat halaman",
        ["Status"] = "Status", ["PublishAt"] = "Waktu terbit", ["FirstPublishedAt"] = "Pertama terbit", ["CreatedAt"] = "Dibuat", ["UpdatedAt"] = "Diubah",
        ["CreatedBy"] = "Dibuat oleh", ["UpdatedBy"] = "Diubah oleh", ["Version"] = "Versi", ["Kind"] = "Jenis", ["OpdId"] = "Perangkat daerah",
        ["RejectionReason"] = "Alasan penolakan", ["EventStart"] = "Mulai", ["EventEnd"] = "Selesai", ["EventPlace"] = "Tempat", ["Name"] = "Nama",
        ["Email"] = "Surel", ["Description"] = "Keterangan", ["Category"] = "Kategori", ["FileName"] = "Nama berkas", ["SizeBytes"] = "Ukuran (bita)",
        ["LeadImageId"] = "Gambar utama", ["LeadImageCaption"] = "Keterangan gambar", ["LeadImageCredit"] = "Sumber foto", ["AltText"] = "Teks alternatif",
        ["RevisedAt"] = "Diperbarui", ["ProposedRevision"] = "Koreksi menunggu", ["DeletedAt"] = "Dihapus", ["DeletedBy"] = "Dihapus oleh",
        ["ArticleId"] = "Artikel", ["Number"] = "Nomor", ["Origin"] = "Asal", ["SourceUrl"] = "Sumber", ["SortOrder"] = "Urutan", ["ArchivedAt"] = "Diarsipkan",
        ["Id"] = "Nomor data", ["Address"] = "Alamat", ["Phone"] = "Telepon", ["Website"] = "Situs web", ["ShortName"] = "Nama singkat",
        ["Abbreviation"] = "Singkatan", ["Phrases"] = "Kepanjangan",
        ["Hidden"] = "Disembunyikan dari publik", ["Hours"] = "Jam layanan", ["KindLabel"] = "Jenis unit",
    };

    private static readonly Dictionary<string, string> Statuses = new()
    {
        ["Draft"] = "Draf", ["Review"] = "Menunggu tinjauan", ["Published"] = "Terbit", ["Rejected"] = "Ditolak", ["Scheduled"] = "Terjadwal",
    };

    public static string Kind(string entityType) => Kinds.GetValueOrDefault(entityType) ?? "Data lain";

    /// <summary>"Artikel diubah", and for the steps a reviewer cares about the step itself ("Artikel diterbitkan").</summary>
    public static string Describe(AuditEntry e)
    {
        var kind = Kind(e.EntityType);
        var after = Parse(e.After);
        if (e.Action == "update" && after is not null)
        {
            if (after.TryGetValue("DeletedAt", out var deleted))
            {
                return deleted is null ? $"{kind} dipulihkan dari Tempat sampah" : $"{kind} dipindahkan ke Tempat sampah";
            }
            if (after.TryGetValue("ProposedRevision", out var proposed) && proposed is not null)
            {
                return $"Koreksi {kind.ToLowerInvariant()} diusulkan";
            }
            if (after.TryGetValue("Status", out var status) && status is not null)
            {
                return status switch
                {
                    "Published" => $"{kind} diterbitkan",
                    "Scheduled" => $"{kind} dijadwalkan terbit",
                    "Review" => $"{kind} diajukan untuk ditinjau",
                    "Rejected" => $"{kind} dikembalikan ke penulis",
                    _ => $"{kind} diubah",
                };
            }
        }
        return e.Action switch
        {
            "import" when e.EntityType == "Source" => "Berita diimpor dari situs OPD",
            "gone" when e.EntityType == "Source" => "Berita yang hilang dari situs OPD",
            "create" => $"{kind} dibuat",
            "delete" => $"{kind} dihapus untuk selamanya",
            "update" => $"{kind} diubah",
            _ => $"{kind}: {e.Action}",
        };
    }

    /// <summary>Before and after, field by field, in words; fields without a name for people are left out.</summary>
    public static IReadOnlyList<(string Field, string? Before, string? After)> Changes(AuditEntry e)
    {
        var before = Parse(e.Before) ?? [];
        var after = Parse(e.After) ?? [];
        return before.Keys.Union(after.Keys).Where(Fields.ContainsKey)
            .Select(k => (Fields[k], Value(k, before.GetValueOrDefault(k)), Value(k, after.GetValueOrDefault(k)))).ToList();
    }

    private static string? Value(string field, string? value) =>
        field == "Status" && value is not null ? Statuses.GetValueOrDefault(value) ?? value
        : value is not null && value.Contains(" karakter, sha256:", StringComparison.Ordinal) ? value[..value.IndexOf(',', StringComparison.Ordinal)]
        : value;

    private static Dictionary<string, string?>? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind != JsonValueKind.Object ? null
                : doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.String => p.Value.GetString(),
                    _ => p.Value.GetRawText(),
                });
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
