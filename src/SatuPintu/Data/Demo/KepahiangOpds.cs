using SatuPintu.Directory;

namespace SatuPintu.Data.Demo;

/// <summary>
/// The demo OPD list of Kabupaten Kepahiang. The programme facts (34 OPDs, the 8 kecamatan,
/// the connected offices, the head of Diskominfo) come from public reports; the rest of the list
/// is a plausible stand-in for the regency's Perda SOTK and must be replaced before production.
/// </summary>
internal static class KepahiangOpds
{
    // Approximate centre of the regency seat; every demo coordinate is marked approximate.
    private const double SeatLat = -3.65;
    private const double SeatLon = 102.5667;

    public sealed record OpdSeed(string Slug, string Name, string? ShortName, OpdKind Kind, string? Head = null, string? HeadTitle = null);

    public static readonly OpdSeed[] All =
    [
        new("setda", "Sekretariat Daerah", "Setda", OpdKind.Sekretariat, HeadTitle: "Sekretaris Daerah"),
        new("setwan", "Sekretariat Dewan Perwakilan Rakyat Daerah", "Setwan", OpdKind.Sekretariat, HeadTitle: "Sekretaris DPRD"),
        new("inspektorat", "Inspektorat Daerah", "Inspektorat", OpdKind.Inspektorat, HeadTitle: "Inspektur"),
        new("disdikbud", "Dinas Pendidikan dan Kebudayaan", "Disdikbud", OpdKind.Dinas),
        new("dinkes", "Dinas Kesehatan", "Dinkes", OpdKind.Dinas),
        new("pupr", "Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas PUPR", OpdKind.Dinas),
        new("dinsos", "Dinas Sosial", "Dinsos", OpdKind.Dinas),
        new("disdukcapil", "Dinas Kependudukan dan Pencatatan Sipil", "Disdukcapil", OpdKind.Dinas),
        new("diskominfo", "Dinas Komunikasi, Informatika, Persandian dan Statistik", "Diskominfo", OpdKind.Dinas, "Kushadi Cahyadi, S.IP, MM"),
        new("dpmptsp", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP", OpdKind.Dinas),
        new("distan", "Dinas Pertanian", "Distan", OpdKind.Dinas),
        new("dlh", "Dinas Lingkungan Hidup", "DLH", OpdKind.Dinas),
        new("dishub", "Dinas Perhubungan", "Dishub", OpdKind.Dinas),
        new("diskopukm", "Dinas Koperasi, Usaha Kecil dan Menengah, Perindustrian dan Perdagangan", "Diskop UKM", OpdKind.Dinas),
        new("dpmd", "Dinas Pemberdayaan Masyarakat dan Desa", "DPMD", OpdKind.Dinas),
        new("dp3appkb", "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana", "DP3AP2KB", OpdKind.Dinas),
        new("dispora", "Dinas Pariwisata, Pemuda dan Olahraga", "Disparpora", OpdKind.Dinas),
        new("dkpp", "Dinas Ketahanan Pangan dan Perikanan", "DKPP", OpdKind.Dinas),
        new("dispusip", "Dinas Perpustakaan dan Kearsipan", "Dispusip", OpdKind.Dinas),
        new("satpolpp", "Satuan Polisi Pamong Praja dan Pemadam Kebakaran", "Satpol PP", OpdKind.Satuan, HeadTitle: "Kepala Satuan"),
        new("bkd", "Badan Keuangan Daerah", "BKD", OpdKind.Badan),
        new("bappeda", "Badan Perencanaan Pembangunan Daerah", "Bappeda", OpdKind.Badan),
        new("bkpsdm", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM", OpdKind.Badan),
        new("bpbd", "Badan Penanggulangan Bencana Daerah", "BPBD", OpdKind.Badan, HeadTitle: "Kepala Pelaksana"),
        new("kesbangpol", "Badan Kesatuan Bangsa dan Politik", "Kesbangpol", OpdKind.Badan),
        new("rsud", "Rumah Sakit Umum Daerah Kepahiang", "RSUD", OpdKind.Rsud, HeadTitle: "Direktur"),
        new("kec-kepahiang", "Kecamatan Kepahiang", null, OpdKind.Kecamatan, HeadTitle: "Camat"),
        new("kec-bermani-ilir", "Kecamatan Bermani Ilir", null, OpdKind.Kecamatan, HeadTitle: "Camat"),
        new("kec-ujan-mas", "Kecamatan Ujan Mas", null, OpdKind.Kecamatan, HeadTitle: "Camat"),
        new("kec-tebat-karai", "Kecamatan Tebat Karai", null, OpdKind.Kecamatan, HeadTitle: "Camat"),
        new("kec-kabawetan", "Kecamatan Kabawetan", null, OpdKind.Kecamatan, HeadTitle: "Camat"),
        new("kec-seberang-musi", "Kecamatan Seberang Musi", null, OpdKind.Kecamatan, HeadTitle: "Camat"),
        new("kec-muara-kemumu", "Kecamatan Muara Kemumu", null, OpdKind.Kecamatan, HeadTitle: "Camat"),
        new("kec-merigi", "Kecamatan Merigi", null, OpdKind.Kecamatan, HeadTitle: "Camat"),
    ];

    /// <summary>Units under an OPD; UPBJ and Bagian Pembangunan are the ones named in the programme's report.</summary>
    public static readonly (string Opd, string Slug, string Name, string? Short, string Kind)[] Units =
    [
        ("setda", "bagian-pembangunan", "Bagian Pembangunan", null, "Bagian"),
        ("setda", "upbj", "Unit Pengadaan Barang dan Jasa", "UPBJ", "Unit"),
        ("setda", "bagian-umum", "Bagian Umum", null, "Bagian"),
        ("setda", "bagian-hukum", "Bagian Hukum", null, "Bagian"),
        ("setda", "bagian-tata-pemerintahan", "Bagian Tata Pemerintahan", null, "Bagian"),
        ("setda", "bagian-prokopim", "Bagian Protokol dan Komunikasi Pimpinan", "Prokopim", "Bagian"),
        ("dinkes", "puskesmas-kepahiang", "Puskesmas Kepahiang", null, "UPT"),
        ("dinkes", "puskesmas-kabawetan", "Puskesmas Kabawetan", null, "UPT"),
        ("dinkes", "labkesda", "Laboratorium Kesehatan Daerah", "Labkesda", "UPT"),
        ("disdikbud", "upt-sanggar-kegiatan-belajar", "UPT Sanggar Kegiatan Belajar", "SKB", "UPT"),
        ("bkd", "upt-pajak-daerah", "UPT Pelayanan Pajak Daerah", null, "UPT"),
        ("distan", "upt-balai-penyuluhan-pertanian", "UPT Balai Penyuluhan Pertanian", "BPP", "UPT"),
    ];

    /// <summary>Small deterministic offsets around the seat so map links differ per office.</summary>
    public static (double Lat, double Lon) ApproximateLocation(int index) =>
        (Math.Round(SeatLat + ((index * 37 % 21) - 10) * 0.0009, 5), Math.Round(SeatLon + ((index * 53 % 19) - 9) * 0.0011, 5));

    public static string Website(OpdSeed o) => o.Kind == OpdKind.Kecamatan
        ? $"https://{o.Slug.Replace("kec-", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal)}.kepahiangkab.go.id"
        : $"https://{o.Slug}.kepahiangkab.go.id";
}
