using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using SatuPintu.Directory;
using SatuPintu.Hosting;
using SatuPintu.Shared;

namespace SatuPintu.Content;

/// <summary>/berita, /pengumuman, /agenda, and the same per OPD (/opd/{opd}/berita); ?tag= filters by tag.</summary>
[OutputCache(PolicyName = HostingFeature.PublicPolicy)]
public sealed class ArticleListModel(PublicCatalog catalog, RegionalClock clock) : PageModel
{
    public const int PageSize = 12;

    public ArticleKind Kind { get; private set; }
    public Opd? Opd { get; private set; }
    public Tag? Tag { get; private set; }
    public PagedList<ArticleCard> List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string kind, string? opd, string? tag, CancellationToken ct)
    {
        Kind = ArticleKinds.FromUrlWord(kind) ?? ArticleKind.Berita;
        var c = await catalog.GetAsync(ct);
        if (opd is not null)
        {
            Opd = Slug.IsWellFormed(opd) ? c.OpdsBySlug.GetValueOrDefault(opd) : null;
            if (Opd is null)
            {
                return this.Answer(404, "Perangkat daerah yang Anda cari tidak ada.");
            }
        }
        if (tag is not null)
        {
            Tag = Slug.IsWellFormed(tag) ? c.TagsBySlug.GetValueOrDefault(tag) : null;
            if (Tag is null)
            {
                return this.Answer(404, $"Tidak ada topik \"{(tag.Length > 40 ? tag[..40] : tag)}\".");
            }
        }
        var page = PageRequest.Parse(Request.Query, PageSize, out var error);
        if (page is null)
        {
            return this.Answer(400, error!);
        }

        List = c.Page(Kind, clock.UtcNow, page, Opd?.Id, Tag?.Id);
        return this.CheckPaging(null, List) ?? Page();
    }

    public string Heading => (Tag, Opd) switch
    {
        ({ } t, _) => $"{Kind.Label()}: {t.Name}",
        (_, { } o) => $"{Kind.Label()} {o.DisplayShortName}",
        _ => Kind.Label(),
    };
}
