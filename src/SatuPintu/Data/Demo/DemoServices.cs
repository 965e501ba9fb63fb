using SatuPintu.Directory;

namespace SatuPintu.Data.Demo;

/// <summary>
/// Standar pelayanan for the demo: the services citizens ask for most, written out as their OPDs publish
/// them (requirements, steps, cost, legal basis), real service names elsewhere, a generic pair for the rest.
/// </summary>
internal static class DemoServices
{
    public const string OfficeHours = "Senin-Kamis 08.00-12.00, 13.00-16.00\nJumat 08.00-11.30, 13.30-16.30\nSabtu, Minggu tutup";
    public const string ClinicHours = "Senin-Kamis 08.00-14.00\nJumat 08.00-11.00\nSabtu 08.00-12.30\nMinggu tutup";
    public const string AllDay = "Setiap hari 24 jam\nHari libur 24 jam";

    private sealed record Standard(string Opd, string Name, string Topic, int? Rank, string Requirements, string Procedure, string Duration,
        string Cost, string Output, string LegalBasis, string? Forms = null, string? Hours = null);

    private const string Adminduk = "Undang-Undang Nomor 24 Tahun 2013 tentang Administrasi Kependudukan\nPeraturan Presiden Nomor 96 Tahun 2018 tentang Persyaratan dan Tata Cara Pendaftaran Penduduk dan Pencatatan Sipil";

    private static readonly Standard[] Detailed =
    [
        new("disdukcapil", "Perekaman KTP Elektronik", "kependudukan", 1,
            "Berusia 17 tahun atau sudah/pernah kawin\nFotokopi Kartu Keluarga\nSurat pengantar dari desa/kelurahan (bila diminta petugas)",
            "Ambil nomor antrean di loket pelayanan\nSerahkan berkas ke petugas untuk diperiksa\nPerekaman foto, sidik jari, iris mata dan tanda tangan\nKTP-el dicetak atau pemohon menerima jadwal pengambilan",
            "1 hari kerja bila blangko tersedia", "Tidak dipungut biaya", "KTP elektronik", Adminduk,
            "Formulir Biodata Penduduk (F-1.01) | /dokumen"),
        new("disdukcapil", "Penerbitan Kartu Keluarga", "kependudukan", 2,
            "Formulir biodata keluarga (F-1.01)\nBuku nikah/akta perkawinan atau akta cerai\nSurat keterangan pindah bagi penduduk pindahan\nKartu Keluarga lama (untuk perubahan data)",
            "Isi formulir F-1.01 dan lengkapi berkas\nSerahkan berkas di loket atau melalui desa\nPetugas memverifikasi dan memproses data\nKartu Keluarga dicetak dan ditandatangani secara elektronik",
            "1 hari kerja", "Tidak dipungut biaya", "Kartu Keluarga", Adminduk, "Formulir Biodata Keluarga (F-1.01) | /dokumen"),
        new("disdukcapil", "Penerbitan Akta Kelahiran", "kependudukan", 3,
            "Surat keterangan lahir dari rumah sakit, puskesmas, bidan atau kepala desa\nKartu Keluarga orang tua\nKTP-el orang tua\nBuku nikah/akta perkawinan orang tua\nFormulir pelaporan kelahiran (F-2.01)",
            "Lengkapi berkas dan isi formulir F-2.01\nSerahkan berkas di loket pencatatan sipil\nPetugas memverifikasi dan mencatat kelahiran\nAkta kelahiran diterbitkan",
            "1 hari kerja", "Tidak dipungut biaya", "Kutipan akta kelahiran", Adminduk, "Formulir Pelaporan Pencatatan Sipil (F-2.01) | /dokumen"),
        new("disdukcapil", "Penerbitan Kartu Identitas Anak (KIA)", "kependudukan", 4,
            "Fotokopi akta kelahiran anak\nKartu Keluarga asli orang tua\nKTP-el kedua orang tua\nPas foto berwarna 2x3 untuk anak usia 5 tahun ke atas",
            "Serahkan berkas di loket pelayanan\nPetugas memverifikasi data anak\nKIA dicetak dan diserahkan kepada orang tua",
            "1 hari kerja", "Tidak dipungut biaya", "Kartu Identitas Anak",
            "Peraturan Menteri Dalam Negeri Nomor 2 Tahun 2016 tentang Kartu Identitas Anak"),
        new("dinkes", "Pelayanan Kesehatan di Puskesmas", "kesehatan", 5,
            "KTP-el atau Kartu Keluarga\nKartu JKN-KIS (bila peserta BPJS Kesehatan)\nBuku KIA bagi ibu hamil dan balita",
            "Daftar di loket pendaftaran puskesmas\nTunggu panggilan di ruang tunggu poli\nPemeriksaan oleh dokter, bidan atau perawat\nAmbil obat di ruang farmasi",
            "Pada hari yang sama", "Gratis bagi peserta JKN; umum sesuai Perda retribusi", "Pelayanan kesehatan tingkat pertama",
            "Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan\nPeraturan Menteri Kesehatan Nomor 43 Tahun 2019 tentang Pusat Kesehatan Masyarakat",
            Hours: ClinicHours),
        new("dpmptsp", "Nomor Induk Berusaha (NIB) melalui OSS", "perizinan", 6,
            "KTP-el pemilik usaha\nNPWP (bila ada)\nAlamat surel dan nomor telepon aktif\nData usaha: bidang usaha (KBLI), lokasi dan modal",
            "Buat akun di oss.go.id atau datang ke Mal Pelayanan Publik untuk dibantu petugas\nIsi data usaha dan pilih KBLI\nSetujui pernyataan mandiri\nNIB terbit dan dapat diunduh",
            "Pada hari yang sama", "Tidak dipungut biaya", "Nomor Induk Berusaha (NIB)",
            "Peraturan Pemerintah Nomor 28 Tahun 2025 tentang Penyelenggaraan Perizinan Berusaha Berbasis Risiko",
            "Panduan OSS | https://oss.go.id"),
        new("bkpsdm", "Informasi Seleksi CPNS dan PPPK", "ketenagakerjaan", 7,
            "Pengumuman resmi formasi dari BKPSDM\nAkun SSCASN (sscasn.bkn.go.id)\nDokumen sesuai pengumuman: KTP-el, ijazah, transkrip, pas foto",
            "Baca pengumuman formasi di portal ini (Pengumuman, kategori Lowongan)\nDaftar dan unggah berkas di SSCASN\nIkuti seleksi administrasi dan seleksi kompetensi\nLihat pengumuman hasil di portal ini",
            "Sesuai jadwal seleksi nasional", "Tidak dipungut biaya", "Informasi dan pendampingan pendaftaran",
            "Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara", "Portal SSCASN | https://sscasn.bkn.go.id"),
        new("rsud", "Instalasi Gawat Darurat 24 Jam", "kesehatan", null,
            "Tidak ada syarat untuk keadaan gawat darurat\nKTP-el dan kartu JKN-KIS menyusul setelah penanganan",
            "Pasien langsung ditangani tim IGD\nTriase menentukan tingkat kegawatan\nPasien dirawat, dirujuk atau dipulangkan",
            "Segera", "Gratis bagi peserta JKN; umum sesuai tarif rumah sakit", "Penanganan gawat darurat",
            "Undang-Undang Nomor 17 Tahun 2023 tentang Kesehatan", Hours: AllDay),
    ];

    private static readonly Dictionary<string, string[]> Named = new()
    {
        ["disdukcapil"] = ["Surat Keterangan Pindah"],
        ["dpmptsp"] = ["Persetujuan Bangunan Gedung (PBG)", "Izin Praktik Tenaga Kesehatan", "Konsultasi Perizinan"],
        ["dinkes"] = ["Imunisasi Dasar Lengkap", "Layanan Kesehatan Ibu dan Anak", "Surat Keterangan Sehat"],
        ["rsud"] = ["Rawat Jalan", "Rawat Inap", "Pemeriksaan Laboratorium"],
        ["bkd"] = ["Pembayaran Pajak Bumi dan Bangunan", "Pelayanan BPHTB", "Pajak Restoran dan Hotel"],
        ["diskominfo"] = [$"Pengajuan Subdomain {DemoRegency.Domain}", "Permohonan Informasi Publik (PPID)", "Sambungan Internet Satu Pintu untuk OPD"],
        ["dinsos"] = ["Pengusulan Data Terpadu Kesejahteraan Sosial", "Rekomendasi Bantuan Sosial"],
        ["bpbd"] = ["Laporan Kejadian Bencana", "Sosialisasi Desa Tangguh Bencana"],
        ["distan"] = ["Rekomendasi Pupuk Bersubsidi", "Penyuluhan Budidaya Kopi"],
        ["dlh"] = ["Persetujuan Lingkungan (UKL-UPL)", "Pengangkutan Sampah"],
        ["bkpsdm"] = ["Layanan Kenaikan Pangkat", "Layanan Cuti ASN"],
    };

    private static readonly Dictionary<string, string> TopicOf = new()
    {
        ["disdukcapil"] = "kependudukan", ["dpmptsp"] = "perizinan", ["dinkes"] = "kesehatan", ["rsud"] = "kesehatan", ["bkd"] = "pajak",
        ["diskominfo"] = "informasi", ["dinsos"] = "sosial", ["bpbd"] = "kebencanaan", ["distan"] = "pertanian", ["dlh"] = "pertanian",
        ["bkpsdm"] = "ketenagakerjaan", ["disdikbud"] = "pendidikan",
    };

    /// <summary>Hours of an office of the demo: the RSUD never closes, the rest keep civil-service hours.</summary>
    public static string HoursOf(string opdSlug) => opdSlug == "rsud" ? AllDay : OfficeHours;

    public static IEnumerable<PublicService> For(IEnumerable<Opd> opds, DateTime now)
    {
        foreach (var opd in opds)
        {
            var detailed = Detailed.Where(d => d.Opd == opd.Slug).ToList();
            var names = Named.TryGetValue(opd.Slug, out var n) ? n
                : detailed.Count > 0 ? []
                : opd.Kind == OpdKind.Kecamatan ? ["Surat Keterangan Domisili", "Rekomendasi Administrasi Kependudukan", "Legalisasi Dokumen"]
                : ["Permohonan Informasi Publik", "Pengaduan Masyarakat"];
            var order = 0;
            foreach (var d in detailed)
            {
                yield return new PublicService
                {
                    OpdId = opd.Id, Slug = Shared.Slug.From(d.Name, 100), Name = d.Name, SortOrder = order++, Topic = d.Topic, PopularRank = d.Rank,
                    Description = $"{d.Name} oleh {opd.Name}.", Requirements = d.Requirements, Procedure = d.Procedure, Duration = d.Duration,
                    Cost = d.Cost, Output = d.Output, LegalBasis = d.LegalBasis, Forms = d.Forms, Hours = d.Hours, ReviewedAt = now,
                };
            }
            foreach (var name in names)
            {
                var i = order++;
                yield return new PublicService
                {
                    OpdId = opd.Id, Slug = Shared.Slug.From(name, 100), Name = name, SortOrder = i,
                    Topic = TopicOf.GetValueOrDefault(opd.Slug) ?? (opd.Kind == OpdKind.Kecamatan ? "kependudukan" : "informasi"),
                    Description = $"Layanan {name} oleh {opd.Name}.",
                    Requirements = "1. Formulir permohonan yang telah diisi.\n2. Fotokopi KTP elektronik.\n3. Dokumen pendukung sesuai jenis layanan.",
                    Procedure = "1. Pemohon mengambil nomor antrean.\n2. Petugas memeriksa kelengkapan berkas.\n3. Berkas diproses.\n4. Pemohon menerima hasil layanan.",
                    Duration = i % 2 == 0 ? "1 hari kerja" : "3 hari kerja",
                    Cost = "Tidak dipungut biaya",
                    Output = name,
                    ReviewedAt = now,
                };
            }
        }
    }
}
