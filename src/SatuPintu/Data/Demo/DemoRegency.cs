using SatuPintu.Shared;

namespace SatuPintu.Data.Demo;

/// <summary>
/// The demo instance's regency settings: Kepahiang's public facts, filled into <see cref="RegencyOptions"/>
/// while the demo is seeded and no regency name is configured. Leaders' names are placeholders.
/// </summary>
public static class DemoRegency
{
    public const string Name = "Kabupaten Kepahiang";
    public const string Address = "Kompleks Perkantoran Pemkab Kepahiang, Bengkulu · Telepon (0732)";
    public const string Domain = "kepahiangkab.go.id";

    public static void Fill(RegencyOptions r)
    {
        r.Name = Name;
        r.Regent ??= "Nama Bupati (data demo)";
        r.ViceRegent ??= "Nama Wakil Bupati (data demo)";
        r.Term ??= "2025–2030";
        r.Overview ??= "Kabupaten Kepahiang dibentuk pada 7 Januari 2004 berdasarkan Undang-Undang Nomor 39 Tahun 2003, " +
            "hasil pemekaran dari Kabupaten Rejang Lebong, Provinsi Bengkulu (kode wilayah 17.08).\n\n" +
            "Semboyan daerah \"Asri Laksana Emas dan Intan\" (ALAMI). Sebagian besar warga bertani di dataran tinggi, " +
            "terutama kopi dan teh. Jumlah penduduk sekitar 125.000 jiwa (Sensus 2010).";
        r.Geography ??= "Wilayah seluas sekitar 665 km² di dataran tinggi Bukit Barisan, dengan ibu kota di Kepahiang " +
            "(sekitar 3°39′ LS, 102°34′ BT). Terdiri atas 8 kecamatan dan sekitar 91 desa. Kode area telepon 0732.";
        if (r.Districts.Length == 0)
        {
            r.Districts = ["Kepahiang", "Bermani Ilir", "Ujan Mas", "Tebat Karai", "Kabawetan", "Seberang Musi", "Muara Kemumu", "Merigi"];
        }
        r.Ppid ??= $"https://ppid.{Domain}";
        r.Jdih ??= $"https://jdih.{Domain}";
        r.Lpse ??= $"https://lpse.{Domain}";
        if (r.Social.Count == 0)
        {
            r.Social = new() { ["Instagram"] = "https://www.instagram.com/pemkabkepahiang", ["YouTube"] = "https://www.youtube.com/@pemkabkepahiang" };
        }
        if (r.Emergency.Count == 0)
        {
            r.Emergency = new() { ["Panggilan darurat"] = "112", ["Ambulans"] = "119", ["Polisi"] = "110", ["Pemadam kebakaran"] = "113" };
        }
    }
}
