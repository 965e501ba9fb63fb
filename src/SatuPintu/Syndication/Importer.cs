using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Audit;
using SatuPintu.Content;
using SatuPintu.Data;
using SatuPintu.Syndication.Parsing;

namespace SatuPintu.Syndication;

/// <summary>
/// Items of a source into articles of its OPD (origin "imported"), idempotently: the key is the item's
/// id, else its link, else a hash of its text, unique per source. An unchanged item is left alone; a
/// changed one gets a new revision; what a person hid stays hidden (the import never changes a
/// status). Saved in batches, so the change feed — and with it the catalog, search and feeds — takes
/// a large archive a batch at a time instead of an item at a time.
/// </summary>
public sealed class Importer(SatuPintuDb db, HtmlCleaner cleaner, ImportImages images, WriteTurn writes, TimeProvider time)
{
    public const int BatchSize = 200;
    public const string Actor = "sindikasi";
    public const string AuditAction = "import";

    public sealed record Counts(int Created, int Updated, int Unchanged)
    {
        public static Counts operator +(Counts a, Counts b) => new(a.Created + b.Created, a.Updated + b.Updated, a.Unchanged + b.Unchanged);
    }

    /// <summary>
    /// <paramref name="fetching"/> bounds the network work (images) by the source's deadline; the database
    /// work runs under <paramref name="ct"/>, so a deadline never cuts a write in half.
    /// </summary>
    public async Task<Counts> ImportAsync(Source source, IReadOnlyList<FeedEntry> entries, CancellationToken fetching, CancellationToken ct)
    {
        var total = new Counts(0, 0, 0);
        foreach (var batch in entries.DistinctBy(KeyOf).Chunk(BatchSize))
        {
            total += await ImportBatchAsync(source, batch, fetching, ct);
        }
        return total;
    }

    public static string KeyOf(FeedEntry e) => Clip(e.Id ?? e.Link ?? "sha256:" + Hash(e.Title, e.Content ?? e.Summary), 500);

    private sealed record Work(FeedEntry Entry, string Key, string Hash, Article? Article, string Body);

    /// <summary>
    /// Reading, sanitizing and fetching images first, outside the write turn; then, in one short turn,
    /// the rows of the whole batch in one save.
    /// </summary>
    private async Task<Counts> ImportBatchAsync(Source source, FeedEntry[] batch, CancellationToken fetching, CancellationToken ct)
    {
        // One audit entry sums the batch up instead of one per article, revision and tag (a 10,000-post archive).
        using var summarised = Audit.AuditSummary.Use();
        var keys = batch.Select(KeyOf).ToList();
        // Binned items too: an item a person (or the gone rule) put in the bin is never imported a second time.
        var existing = await db.Articles.IgnoreQueryFilters().Include(a => a.Tags).Where(a => a.SourceId == source.Id && keys.Contains(a.ExternalKey!)).ToDictionaryAsync(a => a.ExternalKey!, ct);
        await MatchAcrossFeedsAsync(source, batch, keys, existing, ct);
        var work = new List<Work>();
        foreach (var entry in batch)
        {
            var key = KeyOf(entry);
            var hash = Hash(entry.Title, entry.Summary, entry.Content, entry.Link, entry.ImageUrl, string.Join('|', entry.Categories));
            existing.TryGetValue(key, out var article);
            if (article is not null && ((article.ImportHash == hash && article.GoneAtSourceAt is null) || article.DeletedAt is not null))
            {
                continue;
            }
            work.Add(new Work(entry, key, hash, article, await images.LocalizeAsync(source, Body(entry), entry.ImageUrl, fetching)));
        }
        if (work.Count == 0)
        {
            if (db.ChangeTracker.HasChanges())
            {
                // Items matched across feeds took their new key.
                using (await writes.TakeAsync(db, ct))
                {
                    await db.SaveChangesAsync(ct);
                }
            }
            db.ChangeTracker.Clear();
            return new(0, 0, batch.Length);
        }
        using var turn = await writes.TakeAsync(db, ct);
        var counts = await WriteBatchAsync(source, work, ct);
        return counts with { Unchanged = batch.Length - work.Count };
    }

    private async Task<Counts> WriteBatchAsync(Source source, List<Work> work, CancellationToken ct)
    {
        var tags = await TagsAsync(work.Select(w => w.Entry), ct);
        var updatedIds = work.Where(w => w.Article is not null).Select(w => w.Article!.Id).ToList();
        var lastRevisions = updatedIds.Count == 0 ? [] : await db.ArticleRevisions.Where(r => r.ArticleId != null && updatedIds.Contains(r.ArticleId.Value))
            .GroupBy(r => r.ArticleId!.Value).Select(g => new { g.Key, Last = g.Max(r => r.Number) }).ToDictionaryAsync(g => g.Key, g => g.Last, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var (created, updated) = (0, 0);
        var fresh = new List<Article>();
        var revisions = new List<(Article, int)>();
        var replaced = new List<string>();
        foreach (var (entry, key, hash, found, body) in work)
        {
            var article = found;
            var title = Clip(TitleOf(entry, body), ArticlePublishing.MaxTitle);
            if (article is null)
            {
                var at = entry.Published ?? entry.Updated ?? new DateTimeOffset(now);
                article = new Article
                {
                    OpdId = source.OpdId, Kind = ArticleKind.Berita, Slug = "", Title = title, Status = PublicationStatus.Published,
                    PublishAt = Min(at.UtcDateTime, now), FirstPublishedAt = Min(at.UtcDateTime, now), CreatedAt = now, CreatedBy = Actor,
                    Origin = ContentOrigin.Imported, SourceId = source.Id, ExternalKey = key,
                };
                fresh.Add(article);
                db.Articles.Add(article);
                revisions.Add((article, 1));
                created++;
            }
            else
            {
                revisions.Add((article, lastRevisions.GetValueOrDefault(article.Id) + 1));
                replaced.Add(article.BodyHtml);
                article.Version++;
                updated++;
            }
            article.Title = title;
            article.Summary = SummaryOf(entry);
            article.BodyMarkdown = body;
            article.BodyHtml = body;
            article.SourceUrl = entry.Link is { } link && Uri.TryCreate(link, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? Clip(link, 2000) : null;
            article.SourceName = Clip(source.Title, 300);
            article.ImportHash = hash;
            article.GoneAtSourceAt = null;
            article.UpdatedAt = now;
            article.UpdatedBy = Actor;
            article.Tags.Clear();
            article.Tags.AddRange(entry.Categories.Select(c => tags.GetValueOrDefault(Shared.Slug.From(c, 80))).OfType<Tag>().DistinctBy(t => t.Slug).Take(10));
        }
        foreach (var (a, number) in revisions)
        {
            db.ArticleRevisions.Add(ArticleRevision.Of(a, number, Actor, now));
        }
        db.Audit(AuditAction, nameof(Source), source.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), source.OpdId,
            $"{source.Title}: {created} berita baru, {updated} berita diperbarui dari situs OPD");
        await AssignSlugsAsync(fresh, ct);
        await SaveAsync(fresh, ct);
        await images.ReleaseUnusedAsync(source, replaced, ct);
        // Saved rows are not needed again: kept tracked, every later save of a big archive would compare them
        // all again (and the save companions look at every tracked row), making the import quadratic.
        db.ChangeTracker.Clear();
        return new(created, updated, 0);
    }

    /// <summary>
    /// After a switch to another feed of the same site (RSS ↔ WordPress REST, Atom …) an item may come with
    /// another key: one not found by its key is looked for by its link, then by its title and date, and
    /// takes the new key, so nothing already imported is imported twice.
    /// </summary>
    private async Task MatchAcrossFeedsAsync(Source source, FeedEntry[] batch, List<string> keys, Dictionary<string, Article> existing, CancellationToken ct)
    {
        var missing = batch.Where(e => !existing.ContainsKey(KeyOf(e))).ToList();
        if (missing.Count == 0)
        {
            return;
        }
        var links = missing.Select(e => e.Link).OfType<string>().ToList();
        var titles = missing.Select(PlainTitle).Where(t => t.Length > 0).ToList();
        var candidates = await db.Articles.IgnoreQueryFilters().Include(a => a.Tags)
            .Where(a => a.SourceId == source.Id && !keys.Contains(a.ExternalKey!) && (links.Contains(a.SourceUrl!) || titles.Contains(a.Title))).ToListAsync(ct);
        foreach (var entry in missing)
        {
            var at = (entry.Published ?? entry.Updated)?.UtcDateTime;
            var match = candidates.FirstOrDefault(a => entry.Link is not null && a.SourceUrl == entry.Link)
                ?? candidates.FirstOrDefault(a => a.Title == PlainTitle(entry) && at is { } t && a.PublishAt is { } p && Math.Abs((p - t).TotalHours) < 24);
            if (match is not null)
            {
                candidates.Remove(match);
                match.ExternalKey = KeyOf(entry);
                existing[match.ExternalKey] = match;
            }
        }
    }

    private async Task SaveAsync(List<Article> fresh, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException e) when (attempt < 5 && Shared.UniqueViolation.On(e, "Slug"))
            {
                // Someone took one of the slugs since we looked: every new one of the batch gets a fresh suffix.
                foreach (var a in fresh)
                {
                    a.Slug = Clip(a.Slug, 180) + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
                }
            }
        }
    }

    private async Task AssignSlugsAsync(List<Article> fresh, CancellationToken ct)
    {
        if (fresh.Count == 0)
        {
            return;
        }
        var bases = fresh.Select(a => Shared.Slug.From(a.Title, 90) is { Length: > 0 } s ? s : "berita").ToList();
        var distinct = bases.Distinct().ToList();
        var taken = (await db.Articles.Where(a => distinct.Contains(a.Slug)).Select(a => a.Slug).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < fresh.Count; i++)
        {
            var slug = bases[i];
            // One query for the batch; only a title already used asks again, suffix by suffix.
            for (var n = 2; taken.Contains(slug) || (n > 2 && await db.Articles.AnyAsync(a => a.Slug == slug, ct)); n++)
            {
                slug = $"{bases[i]}-{n}";
            }
            taken.Add(slug);
            fresh[i].Slug = slug;
        }
    }

    private async Task<Dictionary<string, Tag>> TagsAsync(IEnumerable<FeedEntry> batch, CancellationToken ct)
    {
        var wanted = batch.SelectMany(e => e.Categories).Select(c => (Slug: Shared.Slug.From(c, 80), Name: Clip(HtmlCleaner.PlainText(WebUtility.HtmlDecode(c)), 80)))
            .Where(t => t.Slug.Length > 0 && t.Name.Length > 0).DistinctBy(t => t.Slug).ToList();
        var slugs = wanted.Select(t => t.Slug).ToList();
        var tags = await db.Tags.Where(t => slugs.Contains(t.Slug)).ToDictionaryAsync(t => t.Slug, ct);
        foreach (var (slug, name) in wanted.Where(t => !tags.ContainsKey(t.Slug)))
        {
            var tag = new Tag { Slug = slug, Name = name };
            db.Tags.Add(tag);
            tags[slug] = tag;
        }
        return tags;
    }

    private string Body(FeedEntry e) => cleaner.Sanitize(e.Content ?? e.Summary ?? "");

    private static string PlainTitle(FeedEntry e) =>
        Clip(HtmlCleaner.PlainText(e.TitleIsHtml ? WebUtility.HtmlDecode(Discovery.StripTags(e.Title)) : e.Title), ArticlePublishing.MaxTitle);

    private static string TitleOf(FeedEntry e, string body)
    {
        var title = PlainTitle(e);
        return title.Length > 0 ? title : HtmlCleaner.PlainText(WebUtility.HtmlDecode(Discovery.StripTags(body))) is { Length: > 0 } text ? Clip(text, 80) + "…" : "(tanpa judul)";
    }

    private static string? SummaryOf(FeedEntry e)
    {
        if (e.Summary is null || e.Content is null)
        {
            return null;
        }
        var text = HtmlCleaner.PlainText(WebUtility.HtmlDecode(Discovery.StripTags(e.Summary)));
        return text.Length == 0 ? null : Clip(text, ArticlePublishing.MaxSummary);
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static string Hash(params string?[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts.Select(p => p ?? "")))));

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max];
}
