namespace SatuPintu.Directory;

/// <summary>
/// The controlled topic list of the services directory: a citizen looks for "kependudukan", not for the
/// OPD that happens to run it. Slugs are stored on <see cref="PublicService.Topic"/> and used in
/// <c>/layanan?topik=</c>; a service without a topic is listed under <see cref="Other"/>.
/// </summary>
public static class ServiceTopics
{
    public const string Other = "lainnya";

    public static readonly IReadOnlyList<(string Slug, string Label)> All =
    [
        ("kependudukan", "Kependudukan dan catatan sipil"),
        ("kesehatan", "Kesehatan"),
        ("perizinan", "Perizinan dan penanaman modal"),
        ("pendidikan", "Pendidikan dan kebudayaan"),
        ("sosial", "Sosial dan bantuan"),
        ("ketenagakerjaan", "Ketenagakerjaan dan kepegawaian"),
        ("pajak", "Pajak dan retribusi daerah"),
        ("pertanian", "Pertanian dan lingkungan"),
        ("informasi", "Informasi publik dan pengaduan"),
        ("kebencanaan", "Kebencanaan dan ketertiban"),
        (Other, "Lainnya"),
    ];

    public static bool IsKnown(string? slug) => All.Any(t => t.Slug == slug);

    public static string Label(string? slug) => All.FirstOrDefault(t => t.Slug == (slug ?? Other)).Label ?? "Lainnya";
}
