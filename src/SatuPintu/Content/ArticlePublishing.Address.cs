using Microsoft.EntityFrameworkCore;

namespace SatuPintu.Content;

public sealed partial class ArticlePublishing
{
    /// <summary>Taken by another article, now or as a former address (binned articles keep theirs until purged).</summary>
    private async Task<bool> AddressTakenAsync(string slug, int? exceptArticle, CancellationToken ct) =>
        await db.Articles.IgnoreQueryFilters().AnyAsync(a => a.Slug == slug && a.Id != exceptArticle, ct)
        || await db.ArticleAddresses.IgnoreQueryFilters().AnyAsync(x => x.Slug == slug && x.ArticleId != exceptArticle, ct);

    private async Task ValidateAddressAsync(Article article, string? wanted, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (wanted is null || wanted == article.Slug)
        {
            return;
        }
        if (wanted.Length > 200 || !Shared.Slug.IsWellFormed(wanted))
        {
            errors["slug"] = ["Alamat halaman hanya boleh huruf kecil, angka dan tanda hubung (paling banyak 200 karakter), misalnya panen-raya-2026."];
        }
        else if (await AddressTakenAsync(wanted, article.Id, ct))
        {
            errors["slug"] = ["Alamat halaman ini sudah dipakai artikel lain; pilih yang lain."];
        }
    }

    /// <summary>The old address is kept, so links to it answer 301 to the new one; taking back an old address drops it from the list.</summary>
    private void ChangeAddress(Article article, string? wanted)
    {
        if (wanted is null || wanted == article.Slug)
        {
            return;
        }
        db.ArticleAddresses.Add(new ArticleAddress { Slug = article.Slug, ArticleId = article.Id });
        db.ArticleAddresses.RemoveRange(db.ArticleAddresses.Where(x => x.ArticleId == article.Id && x.Slug == wanted));
        article.Slug = wanted;
    }
}
