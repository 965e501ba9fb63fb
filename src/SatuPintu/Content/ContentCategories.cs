namespace SatuPintu.Content;

/// <summary>One entry of a controlled list: the key is stored and used in addresses (<c>?kategori=</c>), the label is shown.</summary>
public sealed record ContentCategory(string Key, string Label, string Hint);

/// <summary>
/// The document categories, after what JDIH and PPID pages of Indonesian local governments sort by:
/// regulations with their number, year and status apart from decisions and circulars, planning and budget
/// documents, reports, service standards, forms, and the PPID's public information.
/// Kept in code: the list, its keys and the filters built on them are part of the public addresses.
/// </summary>
public static class DocumentCategories
{
    public const string Regulation = "peraturan";
    public const string Other = "lainnya";

    public static readonly IReadOnlyList<ContentCategory> All =
    [
        new(Regulation, "Peraturan", "Peraturan Daerah, Peraturan Bupati"),
        new("keputusan", "Keputusan dan Surat Edaran", "Keputusan Bupati, Keputusan Kepala OPD, Instruksi, Surat Edaran"),
        new("perencanaan", "Perencanaan", "RPJMD, RKPD, Renstra, Renja"),
        new("anggaran", "Anggaran", "APBD, DPA, RKA"),
        new("laporan", "Laporan", "LKjIP, LPPD, laporan keuangan"),
        new("standar-pelayanan", "Standar Pelayanan dan SOP", "Standar pelayanan, maklumat, SOP"),
        new("formulir", "Formulir", "Formulir permohonan yang dapat diunduh"),
        new("informasi-publik", "Informasi Publik (PPID)", "Daftar informasi publik, informasi berkala"),
        new(Other, "Lainnya", ""),
    ];

    /// <summary>By key, or by label, as older API clients sent free text ("Peraturan"); null when neither matches.</summary>
    public static ContentCategory? Find(string? keyOrLabel) =>
        string.IsNullOrWhiteSpace(keyOrLabel) ? null
        : All.FirstOrDefault(c => string.Equals(c.Key, keyOrLabel.Trim(), StringComparison.OrdinalIgnoreCase)
            || string.Equals(c.Label, keyOrLabel.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string Label(string? key) => Find(key)?.Label ?? "Dokumen";

    public static string StatusLabel(this RegulationStatus status) => status switch
    {
        RegulationStatus.Revoked => "Dicabut",
        RegulationStatus.Amended => "Diubah",
        _ => "Berlaku",
    };

    public static RegulationStatus? ParseStatus(string? word) => word?.Trim().ToLowerInvariant() switch
    {
        "berlaku" or "inforce" or "in-force" => RegulationStatus.InForce,
        "dicabut" or "revoked" => RegulationStatus.Revoked,
        "diubah" or "amended" => RegulationStatus.Amended,
        _ => null,
    };

    public static string StatusWord(this RegulationStatus status) => status.StatusLabel().ToLowerInvariant();
}

/// <summary>
/// The announcement categories. Lowongan (job openings: CPNS, PPPK, honorer) is what citizens look for
/// most on a regency's announcement list, so it has its own.
/// </summary>
public static class AnnouncementCategories
{
    public const string General = "umum";
    public const string Jobs = "lowongan";

    public static readonly IReadOnlyList<ContentCategory> All =
    [
        new(General, "Umum", "Pemberitahuan umum"),
        new(Jobs, "Lowongan", "CPNS, PPPK, tenaga honorer, rekrutmen lain"),
        new("seleksi", "Seleksi dan Hasil", "Pendaftaran, jadwal dan hasil seleksi, beasiswa"),
        new("layanan", "Jadwal dan Layanan", "Perubahan jam atau tempat layanan, pemeliharaan"),
        new("pengadaan", "Pengadaan Barang/Jasa", "Lelang, pengumuman penyedia"),
        new("bantuan", "Bantuan Sosial", "Penyaluran bantuan, penerima bantuan"),
    ];

    public static ContentCategory? Find(string? key) =>
        string.IsNullOrWhiteSpace(key) ? null : All.FirstOrDefault(c => string.Equals(c.Key, key.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The article form's and the API's check: announcements need one of the list, other kinds carry none.</summary>
    public static string? Validate(ArticleKind? kind, string? key, out string? error)
    {
        error = null;
        if (kind != ArticleKind.Pengumuman)
        {
            return null;
        }
        if (string.IsNullOrWhiteSpace(key))
        {
            return General;
        }
        if (Find(key) is { } found)
        {
            return found.Key;
        }
        error = $"Kategori pengumuman \"{(key.Length > 40 ? key[..40] : key)}\" tidak ada; pilih salah satu: {string.Join(", ", All.Select(c => c.Key))}.";
        return null;
    }
}

/// <summary>Where a regulation stands: in force, revoked, or amended by a later one.</summary>
public enum RegulationStatus
{
    InForce = 0,
    Revoked = 1,
    Amended = 2,
}
