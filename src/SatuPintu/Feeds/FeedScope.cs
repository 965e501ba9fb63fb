using SatuPintu.Content;
using SatuPintu.Directory;
using SatuPintu.Shared;

namespace SatuPintu.Feeds;

/// <summary>Which articles a feed holds: all, one kind, one OPD's, or one OPD's of one kind; and where its page is.</summary>
public sealed record FeedScope(ArticleKind? Kind, Opd? Opd)
{
    /// <summary>The HTML page the feed follows: "/", "/berita", "/opd/dinkes", "/opd/dinkes/berita".</summary>
    public string PagePath => (Opd, Kind) switch
    {
        (null, null) => "/",
        (null, { } k) => "/" + k.UrlWord(),
        ({ } o, null) => $"/opd/{o.Slug}",
        ({ } o, { } k) => $"/opd/{o.Slug}/{k.UrlWord()}",
    };

    /// <summary>Prefix of the feed files: "/feed.xml" for the whole site, "/berita/feed.xml" for one kind.</summary>
    public string FeedBase => PagePath == "/" ? "" : PagePath;

    /// <summary>A stable name for the feed id, independent of the OPD's display name.</summary>
    public string IdPart => (Opd, Kind) switch
    {
        (null, null) => "feed",
        (null, { } k) => "feed/" + k.UrlWord(),
        ({ } o, null) => $"feed/opd/{o.Id}",
        ({ } o, { } k) => $"feed/opd/{o.Id}/{k.UrlWord()}",
    };

    public string Title(SiteOptions site) => (Opd, Kind) switch
    {
        (null, null) => site.Name,
        (null, { } k) => $"{k.Label()} — {site.Name}",
        ({ } o, null) => $"{o.Name} — {site.Name}",
        ({ } o, { } k) => $"{k.Label()} {o.DisplayShortName} — {site.Name}",
    };

    public string Description(SiteOptions site) => (Opd, Kind) switch
    {
        (null, null) => $"Berita, pengumuman dan agenda terbaru dari seluruh perangkat daerah {site.Regency}.",
        (null, { } k) => $"{k.Label()} terbaru dari seluruh perangkat daerah {site.Regency}.",
        ({ } o, null) => $"Berita, pengumuman dan agenda terbaru dari {o.Name}.",
        ({ } o, { } k) => $"{k.Label()} terbaru dari {o.Name}.",
    };

    public static IReadOnlyList<ArticleKind> Kinds { get; } = [ArticleKind.Berita, ArticleKind.Pengumuman, ArticleKind.Agenda];
}
