using SatuPintu.Directory;

namespace SatuPintu.Data.Demo;

/// <summary>Standar pelayanan for the demo: real service names for the OPDs that offer them, a generic one elsewhere.</summary>
internal static class DemoServices
{
    private static readonly Dictionary<string, string[]> Named = new()
    {
        ["disdukcapil"] = ["Perekaman KTP Elektronik", "Penerbitan Kartu Keluarga", "Penerbitan Akta Kelahiran", "Surat Keterangan Pindah"],
        ["dpmptsp"] = ["Nomor Induk Berusaha (NIB) melalui OSS", "Persetujuan Bangunan Gedung (PBG)", "Izin Praktik Tenaga Kesehatan", "Konsultasi Perizinan"],
        ["dinkes"] = ["Imunisasi Dasar Lengkap", "Layanan Kesehatan Ibu dan Anak", "Surat Keterangan Sehat"],
        ["rsud"] = ["Rawat Jalan", "Instalasi Gawat Darurat 24 Jam", "Rawat Inap", "Pemeriksaan Laboratorium"],
        ["bkd"] = ["Pembayaran Pajak Bumi dan Bangunan", "Pelayanan BPHTB", "Pajak Restoran dan Hotel"],
        ["diskominfo"] = ["Pengajuan Subdomain kepahiangkab.go.id", "Permohonan Informasi Publik (PPID)", "Sambungan Internet Satu Pintu untuk OPD"],
        ["dinsos"] = ["Pengusulan Data Terpadu Kesejahteraan Sosial", "Rekomendasi Bantuan Sosial"],
        ["bpbd"] = ["Laporan Kejadian Bencana", "Sosialisasi Desa Tangguh Bencana"],
        ["distan"] = ["Rekomendasi Pupuk Bersubsidi", "Penyuluhan Budidaya Kopi"],
        ["dlh"] = ["Persetujuan Lingkungan (UKL-UPL)", "Pengangkutan Sampah"],
        ["bkpsdm"] = ["Layanan Kenaikan Pangkat", "Layanan Cuti ASN"],
    };

    public static IEnumerable<PublicService> For(IEnumerable<Opd> opds)
    {
        foreach (var opd in opds)
        {
            var names = Named.TryGetValue(opd.Slug, out var n) ? n
                : opd.Kind == OpdKind.Kecamatan ? ["Surat Keterangan Domisili", "Rekomendasi Administrasi Kependudukan", "Legalisasi Dokumen"]
                : ["Permohonan Informasi Publik", "Pengaduan Masyarakat"];
            for (var i = 0; i < names.Length; i++)
            {
                yield return new PublicService
                {
                    OpdId = opd.Id,
                    Slug = Shared.Slug.From(names[i], 100),
                    Name = names[i],
                    SortOrder = i,
                    Description = $"Layanan {names[i]} oleh {opd.Name}.",
                    Requirements = "1. Formulir permohonan yang telah diisi.\n2. Fotokopi KTP elektronik.\n3. Dokumen pendukung sesuai jenis layanan.",
                    Procedure = "1. Pemohon mengambil nomor antrean.\n2. Petugas memeriksa kelengkapan berkas.\n3. Berkas diproses.\n4. Pemohon menerima hasil layanan.",
                    Duration = i % 2 == 0 ? "1 hari kerja" : "3 hari kerja",
                    Cost = "Tidak dipungut biaya",
                    Output = names[i],
                };
            }
        }
    }
}
