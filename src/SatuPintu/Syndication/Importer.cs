using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
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
public sealed class Importer(SatuPintuDb db, HtmlCleaner cleaner, ImportImages images, TimeProvider time)
{
    public const int BatchSize = 200;
    public const string Actor = "sindikasi";

    public sealed record Counts(int Created, int Updated, int Unchanged)
    {
        public static Counts operator +(Counts a, Counts b) => new(a.Created + b.Created, a.Updated + b.Updated, a.Unchanged + b.Unchanged);
    }

    public async Task<Counts> ImportAsync(Source source, IReadOnlyList<FeedEntry> entries, CancellationToken ct)
    {
        var total = new Counts(0, 0, 0);
        foreach (var batch in entries.DistinctBy(KeyOf).Chunk(BatchSize))
        {
            total += await ImportBatchAsync(source, batch, ct);
        }
        return total;
    }

    /// <summary>The items of the source no longer listed after a complete read of its archive are marked, not deleted.</summary>
    public async Task MarkGoneAsync(Source source, IReadOnlySet<string> present, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var listed = await db.Articles.Where(a => a.SourceId == source.Id && a.GoneAtSourceAt == null).Select(a => new { a.Id, a.ExternalKey }).ToListAsync(ct);
        var gone = listed.Where(a => a.ExternalKey is not null && !present.Contains(a.ExternalKey)).Select(a => a.Id).ToList();
        // Through SaveChanges (articles are public: the change feed and the audit trail see it), a batch at a time.
        foreach (var ids in gone.Chunk(BatchSize))
        {
            foreach (var article in await db.Articles.Where(a => ids.Contains(a.Id)).ToListAsync(ct))
            {
                article.GoneAtSourceAt = now;
            }
            await db.SaveChangesAsync(ct);
        }
    }

    public static string KeyOf(FeedEntry e) => Clip(e.Id ?? e.Link ?? "sha256:" + Hash(e.Title, e.Content ?? e.Summary), 500);

    private async Task<Counts> ImportBatchAsync(Source source, FeedEntry[] batch, CancellationToken ct)
    {
        var keys = batch.Select(KeyOf).ToList();
        var existing = await db.Articles.Include(a => a.Tags).Where(a => a.SourceId == source.Id && keys.Contains(a.ExternalKey!)).ToDictionaryAsync(a => a.ExternalKey!, ct);
        var tags = await TagsAsync(batch, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var (created, updated, unchanged) = (0, 0, 0);
        var fresh = new List<Article>();
        var revisions = new List<(Article, int)>();
        foreach (var entry in batch)
        {
            var key = KeyOf(entry);
            var hash = Hash(entry.Title, entry.Summary, entry.Content, entry.Link, entry.ImageUrl, string.Join('|', entry.Categories));
            existing.TryGetValue(key, out var article);
            if (article is not null && article.ImportHash == hash && article.GoneAtSourceAt is null)
            {
                unchanged++;
                continue;
            }
            var body = await images.LocalizeAsync(source, Body(entry), entry.ImageUrl, ct);
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
                var last = await db.ArticleRevisions.Where(r => r.ArticleId == article.Id).MaxAsync(r => (int?)r.Number, ct) ?? 0;
                revisions.Add((article, last + 1));
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
            db.ArticleRevisions.Add(new ArticleRevision
            {
                Article = a, Number = number, OpdId = a.OpdId, Kind = a.Kind, Title = a.Title, Summary = a.Summary, BodyMarkdown = a.BodyMarkdown ?? "",
                CreatedAt = now, CreatedBy = Actor,
            });
        }
        await AssignSlugsAsync(fresh, ct);
        await SaveAsync(fresh, ct);
        return new(created, updated, unchanged);
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

    private async Task<Dictionary<string, Tag>> TagsAsync(FeedEntry[] batch, CancellationToken ct)
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

    private static string TitleOf(FeedEntry e, string body)
    {
        var title = e.TitleIsHtml ? WebUtility.HtmlDecode(Discovery.StripTags(e.Title)) : e.Title;
        title = HtmlCleaner.PlainText(title);
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
