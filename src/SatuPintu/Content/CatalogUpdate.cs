using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;

namespace SatuPintu.Content;

/// <summary>
/// A new catalog snapshot from the previous one when only articles changed: reads just those
/// articles and re-sorts the kinds' lists in memory, instead of reading every table again. Used for
/// the common case (publishes, edits, imports of articles); anything else rebuilds in full. Answers
/// null when the changed rows point at an OPD or tag the snapshot does not know (a full build then
/// follows).
/// </summary>
internal static class CatalogUpdate
{
    /// <summary>Beyond this many articles in one batch a full build is as cheap.</summary>
    public const int MaxArticles = 5000;

    public static async Task<CatalogSnapshot?> WithArticlesAsync(CatalogSnapshot previous, SatuPintuDb db, IReadOnlyCollection<int> ids, long version, DateTimeOffset now, CancellationToken ct)
    {
        var rows = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id) && a.Status == PublicationStatus.Published && a.PublishAt != null)
            .Select(a => new { a.Id, a.OpdId, a.Kind, a.Slug, a.Title, a.Summary, PublishAt = a.PublishAt!.Value, a.EventStart, a.EventPlace, a.RevisedAt, a.Category, a.EventEnd,
                Lead = a.LeadImage == null ? null : new CardImage(a.LeadImage.StoredName, a.LeadImage.AltText ?? "", a.LeadImage.Width, a.LeadImage.Height) })
            .ToListAsync(ct);
        var tagLinks = (await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id) && a.Status == PublicationStatus.Published && a.PublishAt != null)
                .SelectMany(a => a.Tags, (a, t) => new { ArticleId = a.Id, TagId = t.Id }).ToListAsync(ct))
            .ToLookup(l => l.ArticleId, l => l.TagId);
        if (rows.Any(r => !previous.OpdsById.ContainsKey(r.OpdId)) || tagLinks.SelectMany(l => l).Any(t => !previous.TagsById.ContainsKey(t)))
        {
            return null;
        }
        var changed = ids.ToHashSet();
        var fresh = rows.Select(a =>
        {
            var opd = previous.OpdsById[a.OpdId];
            return new CatalogArticle
            {
                Id = a.Id, OpdId = a.OpdId, Kind = a.Kind, PublishAt = a.PublishAt, TagIds = tagLinks[a.Id].ToArray(),
                Card = new ArticleCard(a.Slug, a.Title, a.Summary, a.Kind, a.PublishAt, opd.Slug, opd.DisplayShortName, a.EventStart, a.EventPlace, a.RevisedAt, a.Lead, a.Category, a.EventEnd),
            };
        });
        // Copies: the previous snapshot's articles keep their own positions for the readers still holding it.
        var kept = previous.ArticlesByKind.Values.SelectMany(list => list).Where(a => !changed.Contains(a.Id)).Select(a => new CatalogArticle
        {
            Id = a.Id, OpdId = a.OpdId, Kind = a.Kind, PublishAt = a.PublishAt, TagIds = a.TagIds, Card = a.Card,
        });
        var byKind = kept.Concat(fresh).GroupBy(a => a.Kind)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.PublishAt).ThenByDescending(a => a.Id).ToArray());
        foreach (var list in byKind.Values)
        {
            for (var i = 0; i < list.Length; i++)
            {
                list[i].Index = i;
            }
        }
        return new CatalogSnapshot
        {
            Version = version,
            // The tables other than articles were read for the previous snapshot: its age still bounds theirs.
            BuiltAt = previous.BuiltAt,
            Opds = previous.Opds,
            OpdsBySlug = previous.OpdsBySlug,
            OpdsById = previous.OpdsById,
            TagsBySlug = previous.TagsBySlug,
            TagsById = previous.TagsById,
            ArticlesByKind = byKind,
            ArticlesBySlug = byKind.Values.SelectMany(l => l).ToDictionary(a => a.Card.Slug, StringComparer.Ordinal),
            Documents = previous.Documents,
            DocumentsBySlug = previous.DocumentsBySlug,
            PagesByOpd = previous.PagesByOpd,
        };
    }
}
