using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using SatuPintu.Content;
using SatuPintu.Directory;
using SatuPintu.Hosting;
using SatuPintu.Shared;

namespace SatuPintu.Portal;

/// <summary>/opd/{slug}: one OPD's profile, services, contacts and its latest content of every kind.</summary>
[OutputCache(PolicyName = HostingFeature.PublicPolicy)]
public sealed class OpdPageModel(PublicCatalog catalog, RegionalClock clock, Network.NetworkProgress network) : PageModel
{
    private const int Latest = 5;

    public Opd Opd { get; private set; } = null!;
    public IReadOnlyList<ArticleCard> News { get; private set; } = [];
    public IReadOnlyList<ArticleCard> Announcements { get; private set; } = [];
    public IReadOnlyList<ArticleCard> Agenda { get; private set; } = [];
    public IReadOnlyList<DocumentCard> Documents { get; private set; } = [];
    public IReadOnlyList<(string Slug, string Title)> Pages { get; private set; } = [];
    /// <summary>The OPD's Internet Satu Pintu connection; null when no network site houses it.</summary>
    public Network.OpdStatus? Connection { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var c = await catalog.GetAsync(ct);
        if (!Slug.IsWellFormed(slug) || !c.OpdsBySlug.TryGetValue(slug, out var opd))
        {
            return this.Answer(404, "Perangkat daerah yang Anda cari tidak ada.");
        }
        Opd = opd;
        var now = clock.UtcNow;
        News = c.Latest(ArticleKind.Berita, now, Latest, opd.Id);
        Announcements = c.Latest(ArticleKind.Pengumuman, now, Latest, opd.Id);
        Agenda = c.Latest(ArticleKind.Agenda, now, Latest, opd.Id);
        Pages = c.PagesOf(opd.Id);
        Documents = c.VisibleDocuments(now, opd.Id).Take(Latest).Select(d => d.Card).ToList();
        Connection = await network.ForOpdAsync(opd, ct);
        return Page();
    }

    public string? MapUrl => MapOf(Opd);

    public static string? MapOf(Opd o) => o.Latitude is { } lat && o.Longitude is { } lon
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}")
        : null;

    /// <summary>A phone number as a tel: link wants it: "(0732) 391 123" → "0732391123".</summary>
    public static string Dial(string phone) => phone.Replace(" ", "", StringComparison.Ordinal).Replace("(", "", StringComparison.Ordinal).Replace(")", "", StringComparison.Ordinal);
}
