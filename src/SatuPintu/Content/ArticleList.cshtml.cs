using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;
using SatuPintu.Directory;
using SatuPintu.Hosting;
using SatuPintu.Shared;

namespace SatuPintu.Content;

/// <summary>/berita, /pengumuman, /agenda, and the same per OPD (/opd/{opd}/berita); ?tag= filters by tag.</summary>
[OutputCache(PolicyName = HostingFeature.PublicPolicy)]
public sealed class ArticleListModel(SatuPintuDb db, RegionalClock clock) : PageModel
{
    public const int PageSize = 12;

    public ArticleKind Kind { get; private set; }
    public Opd? Opd { get; private set; }
    public Tag? Tag { get; private set; }
    public PagedList<ArticleCard> List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string kind, string? opd, string? tag, CancellationToken ct)
    {
        Kind = ArticleKinds.FromUrlWord(kind) ?? ArticleKind.Berita;
        if (opd is not null)
        {
            Opd = Slug.IsWellFormed(opd) ? await db.Opds.AsNoTracking().FirstOrDefaultAsync(o => o.Slug == opd && o.ArchivedAt == null, ct) : null;
            if (Opd is null)
            {
                return this.Answer(404, "Perangkat daerah yang Anda cari tidak ada.");
            }
        }
        if (tag is not null)
        {
            Tag = Slug.IsWellFormed(tag) ? await db.Tags.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == tag, ct) : null;
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

        var query = db.Articles.AsNoTracking().Visible(clock.UtcNow).Where(a => a.Kind == Kind);
        if (Opd is not null)
        {
            query = query.Where(a => a.OpdId == Opd.Id);
        }
        if (Tag is not null)
        {
            query = query.Where(a => a.Tags.Any(t => t.Id == Tag.Id));
        }
        List = await query.Newest().ToCards().ToPageAsync(page, ct);
        return this.CheckPaging(null, List) ?? Page();
    }

    public string Heading => (Tag, Opd) switch
    {
        ({ } t, _) => $"{Kind.Label()}: {t.Name}",
        (_, { } o) => $"{Kind.Label()} {o.DisplayShortName}",
        _ => Kind.Label(),
    };
}
