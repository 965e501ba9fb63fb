using Microsoft.EntityFrameworkCore;
using SatuPintu.Content;
using SatuPintu.Data;

namespace SatuPintu.Feeds;

/// <summary>One article as a feed entry. Published is the first publication, so it never moves.</summary>
public sealed record FeedEntry(
    int Id, ArticleKind Kind, string Slug, string Title, string? Summary, string? Html,
    DateTime Published, DateTime Updated, string OpdName, string OpdSlug, IReadOnlyList<string> Tags,
    DateTime? EventStart, DateTime? EventEnd, string? EventPlace)
{
    public string Path => ArticleKinds.DetailUrl(Kind, Slug);
}

/// <summary>One page of a feed: its entries (newest first) and where the next, older page starts.</summary>
public sealed record FeedPage(IReadOnlyList<FeedEntry> Entries, FeedCursor? Next, DateTime Updated);

/// <summary>
/// Picks a page from the public read model — the same "published and due" articles, in the same order,
/// as the site's lists — and reads only that page's bodies and timestamps by primary key.
/// </summary>
public static class FeedQuery
{
    public static async Task<FeedPage> PageAsync(CatalogSnapshot catalog, SatuPintuDb db, FeedScope scope, FeedCursor? after,
        int size, bool fullContent, DateTime nowUtc, CancellationToken ct)
    {
        var kinds = scope.Kind is { } k ? [k] : FeedScope.Kinds;
        var picked = Merge(kinds.Select(kind => catalog.Visible(kind, nowUtc, scope.Opd?.Id)))
            .Where(a => after is not { } c || c.IsAfter(a.PublishAt, a.Id))
            .Take(size + 1).ToList();
        var next = picked.Count > size ? new FeedCursor(picked[size - 1].PublishAt, picked[size - 1].Id) : (FeedCursor?)null;
        if (picked.Count > size)
        {
            picked.RemoveAt(size);
        }
        var ids = picked.Select(a => a.Id).ToList();
        var rows = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.UpdatedAt, a.FirstPublishedAt, a.EventEnd, Html = fullContent ? a.BodyHtml : null })
            .ToDictionaryAsync(a => a.Id, ct);
        var entries = new List<FeedEntry>(picked.Count);
        foreach (var a in picked)
        {
            // Deleted since the snapshot was taken: the next snapshot drops it too.
            if (!rows.TryGetValue(a.Id, out var row))
            {
                continue;
            }
            var published = row.FirstPublishedAt ?? a.PublishAt;
            var c = a.Card;
            entries.Add(new FeedEntry(a.Id, a.Kind, c.Slug, c.Title, c.Summary, row.Html, published,
                row.UpdatedAt > published ? row.UpdatedAt : published, catalog.OpdsById[a.OpdId].Name, c.OpdSlug,
                a.TagIds.Select(t => catalog.TagsById[t].Name).ToList(), c.EventStart, row.EventEnd, c.EventPlace));
        }
        var updated = entries.Count == 0 ? DateTime.UnixEpoch : entries.Max(e => e.Updated);
        return new FeedPage(entries, next, updated);
    }

    /// <summary>Merges lists that are each newest first (publish time, then id) into one, lazily.</summary>
    private static IEnumerable<CatalogArticle> Merge(IEnumerable<IEnumerable<CatalogArticle>> lists)
    {
        var cursors = lists.Select(l => l.GetEnumerator()).Where(e => e.MoveNext()).ToList();
        try
        {
            while (cursors.Count > 0)
            {
                var best = 0;
                for (var i = 1; i < cursors.Count; i++)
                {
                    var (x, y) = (cursors[i].Current, cursors[best].Current);
                    if (x.PublishAt > y.PublishAt || (x.PublishAt == y.PublishAt && x.Id > y.Id))
                    {
                        best = i;
                    }
                }
                yield return cursors[best].Current;
                if (!cursors[best].MoveNext())
                {
                    cursors[best].Dispose();
                    cursors.RemoveAt(best);
                }
            }
        }
        finally
        {
            foreach (var c in cursors)
            {
                c.Dispose();
            }
        }
    }
}
