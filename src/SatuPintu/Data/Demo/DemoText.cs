using System.Text;
using SatuPintu.Shared;

namespace SatuPintu.Data.Demo;

/// <summary>
/// Deterministic Indonesian-looking government prose for demo and benchmark content:
/// the same index always yields the same article, whatever machine or day.
/// </summary>
internal static class DemoText
{
    public static readonly string[] Places =
    [
        "Desa Tanjung Alam", "Desa Kelobak", "Desa Pelangkian", "Kelurahan Pasar Ujung", "Desa Imigrasi Permu",
        "Desa Sosokan", "Desa Tebat Monok", "Desa Bogor Baru", "Desa Suro Muncar", "Desa Air Hitam",
        "Kelurahan Padang Lekat", "Desa Cugung Lalang", "Desa Barat Wetan", "Desa Taba Tebelet", "Desa Penanjung Panjang",
        "kompleks perkantoran Pemkab Kepahiang", "Balai Desa Weskust", "Aula Bappeda", "Gedung Dharma Wanita", "Taman Santoso",
    ];

    private static readonly string[] Actions =
    [
        "menggelar sosialisasi", "meninjau pelaksanaan", "meluncurkan program", "menyerahkan bantuan", "membuka pelatihan",
        "mengevaluasi capaian", "memperkuat koordinasi", "melaksanakan monitoring", "menyelenggarakan rapat kerja", "mempercepat layanan",
    ];

    private static readonly string[] Topics =
    [
        "pelayanan publik terpadu", "jaringan Internet Satu Pintu", "penurunan angka stunting", "perbaikan jalan desa",
        "pendataan penduduk", "perizinan berusaha berbasis risiko", "pengelolaan keuangan daerah", "ketahanan pangan keluarga",
        "budidaya kopi robusta", "kebun teh Kabawetan", "keamanan informasi pemerintah", "tertib administrasi kependudukan",
        "penanggulangan bencana longsor", "pemberdayaan UMKM", "digitalisasi arsip", "kesehatan ibu dan anak",
        "penguatan kapasitas aparatur", "transparansi anggaran", "pengelolaan sampah", "wisata alam Kepahiang",
    ];

    private static readonly string[] Openings =
    [
        "Pemerintah Kabupaten Kepahiang terus berupaya meningkatkan kualitas {0}.",
        "Kegiatan ini merupakan bagian dari program prioritas daerah di bidang {0}.",
        "Menurut kepala dinas, {0} menjadi perhatian utama tahun ini.",
        "Sebanyak {1} peserta dari berbagai desa mengikuti kegiatan tentang {0}.",
        "Kegiatan tersebut dipusatkan di {2} dan berlangsung sejak pagi hari.",
    ];

    private static readonly string[] Middles =
    [
        "Masyarakat diharapkan dapat memanfaatkan layanan ini dengan sebaik-baiknya.",
        "Seluruh perangkat daerah diminta untuk mendukung pelaksanaan program secara terpadu.",
        "Anggaran kegiatan bersumber dari APBD Kabupaten Kepahiang dan akan dilanjutkan pada APBD Perubahan.",
        "Data yang terkumpul akan menjadi dasar perencanaan pembangunan tahun berikutnya.",
        "Pelayanan diberikan tanpa dipungut biaya dan dapat diakses melalui kantor kecamatan terdekat.",
        "Koordinasi lintas sektor dinilai penting agar hasilnya dirasakan langsung oleh warga.",
        "Pihaknya juga membuka layanan pengaduan bagi warga yang mengalami kendala.",
        "Kegiatan serupa akan digelar secara bergiliran di delapan kecamatan.",
        "Dengan tersambungnya jaringan, pertukaran data antarperangkat daerah menjadi lebih cepat.",
        "Camat dan kepala desa diminta menyampaikan informasi ini kepada masyarakat.",
        "Evaluasi dilakukan setiap triwulan untuk memastikan target tercapai.",
        "Warga menyambut baik kegiatan ini karena sangat membantu kebutuhan sehari-hari.",
    ];

    private static readonly string[] Closings =
    [
        "Informasi lebih lanjut dapat diperoleh di kantor {3} pada jam kerja.",
        "Pemerintah daerah berkomitmen melanjutkan program ini secara berkelanjutan.",
        "Kegiatan ditutup dengan diskusi dan tanya jawab bersama peserta.",
    ];

    private static readonly string[] AnnouncementTitles =
    [
        "Pengumuman Jadwal {0}", "Pemberitahuan Perubahan Jam Layanan {0}", "Pengumuman Hasil Seleksi {0}",
        "Pengumuman Pendaftaran {0}", "Pemberitahuan Pemeliharaan Layanan {0}",
    ];

    private static readonly string[] AgendaTitles =
    [
        "Rapat Koordinasi {0}", "Sosialisasi {0} di {1}", "Pelatihan {0}", "Musyawarah Perencanaan {0}", "Bimbingan Teknis {0}",
    ];

    public static readonly (string Slug, string Name)[] Tags =
    [
        ("pelayanan-publik", "Pelayanan Publik"), ("kesehatan", "Kesehatan"), ("pendidikan", "Pendidikan"),
        ("infrastruktur", "Infrastruktur"), ("internet-satu-pintu", "Internet Satu Pintu"), ("apbd", "APBD"),
        ("umkm", "UMKM"), ("pertanian", "Pertanian"), ("kopi", "Kopi"), ("pariwisata", "Pariwisata"),
        ("bencana", "Kebencanaan"), ("kependudukan", "Kependudukan"), ("investasi", "Investasi"),
        ("lingkungan", "Lingkungan"), ("sosial", "Sosial"), ("desa", "Desa"), ("kepegawaian", "Kepegawaian"),
        ("transparansi", "Transparansi"), ("olahraga", "Olahraga"), ("budaya", "Budaya"),
    ];

    public static string Topic(Random rng) => Pick(rng, Topics);

    public static string Place(Random rng) => Pick(rng, Places);

    public static string NewsTitle(Random rng, string opdShort, string topic, string place) =>
        $"{opdShort} {Pick(rng, Actions)} {topic} di {place}";

    public static string AnnouncementTitle(Random rng, string topic) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, Pick(rng, AnnouncementTitles), Capitalize(topic));

    public static string AgendaTitle(Random rng, string topic, string place) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, Pick(rng, AgendaTitles), Capitalize(topic), place);

    /// <summary>Four to seven paragraphs of HTML (already safe: no input from outside).</summary>
    public static string Body(Random rng, string topic, string place, string opdName)
    {
        var sb = new StringBuilder();
        var paragraphs = rng.Next(4, 8);
        for (var p = 0; p < paragraphs; p++)
        {
            sb.Append("<p>");
            var template = p == 0 ? Pick(rng, Openings) : p == paragraphs - 1 ? Pick(rng, Closings) : null;
            if (template is not null)
            {
                sb.Append(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, topic, rng.Next(20, 300), place, opdName)).Append(' ');
            }
            var sentences = rng.Next(2, 5);
            for (var s = 0; s < sentences; s++)
            {
                sb.Append(Pick(rng, Middles)).Append(' ');
            }
            sb.Length--;
            sb.Append("</p>\n");
        }
        return sb.ToString();
    }

    public static string Summary(string title, string place) =>
        $"{title}. Kegiatan berlangsung di {place}, Kabupaten Kepahiang.";

    public static T Pick<T>(Random rng, IReadOnlyList<T> items) => items[rng.Next(items.Count)];

    private static string Capitalize(string s) => Slug.TitleCase(s);
}
