namespace SatuPintu.Content;

/// <summary>The URL word and the Indonesian labels of each article kind.</summary>
public static class ArticleKinds
{
    /// <summary>Route constraint for the kind segment.</summary>
    public const string RoutePattern = "regex(^(berita|pengumuman|agenda)$)";

    public static string UrlWord(this ArticleKind kind) => kind switch
    {
        ArticleKind.Pengumuman => "pengumuman",
        ArticleKind.Agenda => "agenda",
        _ => "berita",
    };

    public static string Label(this ArticleKind kind) => kind switch
    {
        ArticleKind.Pengumuman => "Pengumuman",
        ArticleKind.Agenda => "Agenda",
        _ => "Berita",
    };

    public static ArticleKind? FromUrlWord(string? word) => word switch
    {
        "berita" => ArticleKind.Berita,
        "pengumuman" => ArticleKind.Pengumuman,
        "agenda" => ArticleKind.Agenda,
        _ => null,
    };

    public static string DetailUrl(ArticleKind kind, string slug) => $"/{kind.UrlWord()}/{slug}";
}
