using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Content;
using SatuPintu.Data;
using SatuPintu.Hosting;
using SatuPintu.Shared;

namespace SatuPintu.Portal;

/// <summary>
/// /cari?q=: until the full-text search lands, a title match over articles and documents,
/// case-insensitive on both SQLite and PostgreSQL (both lower-case ASCII the same way).
/// </summary>
[OutputCache(PolicyName = HostingFeature.PublicPolicy)]
public sealed class SearchModel(SatuPintuDb db, RegionalClock clock) : PageModel
{
    public const int MaxQueryLength = 200;
    public const int PageSize = 20;

    public string? Query { get; private set; }
    public PagedList<ArticleCard>? Articles { get; private set; }
    public IReadOnlyList<DocumentCard> Documents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? q, CancellationToken ct)
    {
        var page = PageRequest.Parse(Request.Query, PageSize, out var error);
        if (page is null)
        {
            return this.Answer(400, error!);
        }
        Query = q?.Trim();
        if (string.IsNullOrEmpty(Query))
        {
            Query = null;
            return Page();
        }
        if (Query.Length > MaxQueryLength)
        {
            return this.Answer(400, $"Kata kunci terlalu panjang: paling banyak {MaxQueryLength} karakter.");
        }
        var words = Query.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8).ToArray();
        var now = clock.UtcNow;
        var articles = db.Articles.AsNoTracking().Visible(now);
        var documents = db.Documents.AsNoTracking().Visible(now);
        foreach (var w in words)
        {
            // ToLower() is what EF translates to SQL lower(); culture overloads are not translatable.
#pragma warning disable CA1304, CA1311, CA1862
            articles = articles.Where(a => a.Title.ToLower().Contains(w));
            documents = documents.Where(d => d.Title.ToLower().Contains(w));
#pragma warning restore CA1304, CA1311, CA1862
        }
        Articles = await articles.Newest().ToCards().ToPageAsync(page, ct);
        if (page.Number == 1)
        {
            Documents = await documents.ToCards().Take(10).ToListAsync(ct);
        }
        return this.CheckPaging(null, Articles) ?? Page();
    }
}
