using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SatuPintu.Data;
using SatuPintu.Directory;
using SatuPintu.Hosting;
using SatuPintu.Shared;

namespace SatuPintu.Content;

/// <summary>
/// The public read model: everything the portal's lists and the OPD pages show — OPDs with units,
/// services and page titles, and a card (no body) of every published article and document — held
/// in memory as one immutable snapshot, so those pages run no query at all.
/// <see cref="ContentChangeInterceptor"/> calls <see cref="Invalidate"/> after every write of public
/// data; the next reader rebuilds, so a change shows at once. Writes from another process (the CLI)
/// show after <see cref="OutputCacheSettings.Seconds"/>, like the output cache. "Published and due" is
/// applied at read time, so a scheduled publish time passing needs no rebuild.
/// </summary>
public sealed class PublicCatalog(IServiceScopeFactory scopes, TimeProvider time, IOptions<SatuPintuOptions> options, ILogger<PublicCatalog> log) : IDisposable
{
    private readonly SemaphoreSlim _building = new(1, 1);
    private CatalogSnapshot? _current;
    private long _version;

    public void Invalidate() => Interlocked.Increment(ref _version);

    public void Dispose() => _building.Dispose();

    public async ValueTask<CatalogSnapshot> GetAsync(CancellationToken ct)
    {
        if (Fresh(Volatile.Read(ref _current)) is { } ready)
        {
            return ready;
        }
        await _building.WaitAsync(ct);
        try
        {
            if (Fresh(_current) is { } builtMeanwhile)
            {
                return builtMeanwhile;
            }
            // The version is read before the database: a write during the build leaves the snapshot stale, and the next reader builds again.
            var version = Interlocked.Read(ref _version);
            await using var scope = scopes.CreateAsyncScope();
            // Not cancelled with the reader that happens to build: the others are waiting for it.
            var started = time.GetTimestamp();
            var snapshot = await CatalogSnapshot.BuildAsync(scope.ServiceProvider.GetRequiredService<SatuPintuDb>(), version, time.GetUtcNow(), CancellationToken.None);
            Volatile.Write(ref _current, snapshot);
            log.LogInformation("Public catalog built in {Milliseconds:F0} ms: {Articles} articles, {Documents} documents, {Opds} OPDs",
                time.GetElapsedTime(started).TotalMilliseconds, snapshot.ArticlesBySlug.Count, snapshot.Documents.Count, snapshot.Opds.Count);
            return snapshot;
        }
        finally
        {
            _building.Release();
        }
    }

    private CatalogSnapshot? Fresh(CatalogSnapshot? s) =>
        s is not null && s.Version == Interlocked.Read(ref _version) && time.GetUtcNow() - s.BuiltAt < TimeSpan.FromSeconds(options.Value.OutputCache.Seconds)
            ? s : null;
}

/// <summary>A published article as the catalog holds it: its card and what lists filter on.</summary>
public sealed class CatalogArticle
{
    public required int Id { get; init; }
    public required int OpdId { get; init; }
    public required ArticleKind Kind { get; init; }
    public required DateTime PublishAt { get; init; }
    public required int[] TagIds { get; init; }
    public required ArticleCard Card { get; init; }
    /// <summary>Position in its kind's list (newest first), for previous/next.</summary>
    public int Index { get; set; }
}

/// <summary>A published document and its card.</summary>
public sealed record CatalogDocument(Document Document, DocumentCard Card);

/// <summary>
/// One view of the public data at one moment; never changed once built. The entities it holds (OPDs,
/// tags, documents) are shared by every request: pages only read them.
/// </summary>
public sealed class CatalogSnapshot
{
    private static readonly IReadOnlyList<(string Slug, string Title)> NoPages = [];

    public required long Version { get; init; }
    public required DateTimeOffset BuiltAt { get; init; }
    /// <summary>Active OPDs in directory order, with units and services.</summary>
    public required IReadOnlyList<Opd> Opds { get; init; }
    public required IReadOnlyDictionary<string, Opd> OpdsBySlug { get; init; }
    /// <summary>Every OPD, archived ones too: their published articles stay readable.</summary>
    public required IReadOnlyDictionary<int, Opd> OpdsById { get; init; }
    public required IReadOnlyDictionary<string, Tag> TagsBySlug { get; init; }
    public required IReadOnlyDictionary<int, Tag> TagsById { get; init; }
    /// <summary>Per kind, every published article newest first (ties by id), including those not yet due.</summary>
    public required IReadOnlyDictionary<ArticleKind, CatalogArticle[]> ArticlesByKind { get; init; }
    public required IReadOnlyDictionary<string, CatalogArticle> ArticlesBySlug { get; init; }
    /// <summary>Every published document newest first, including those not yet due.</summary>
    public required IReadOnlyList<CatalogDocument> Documents { get; init; }
    public required IReadOnlyDictionary<string, CatalogDocument> DocumentsBySlug { get; init; }
    public required IReadOnlyDictionary<int, IReadOnlyList<(string Slug, string Title)>> PagesByOpd { get; init; }

    public IReadOnlyList<(string Slug, string Title)> PagesOf(int opdId) => PagesByOpd.GetValueOrDefault(opdId) ?? NoPages;

    /// <summary>Published and due, newest first, optionally of one OPD and one tag.</summary>
    public IEnumerable<CatalogArticle> Visible(ArticleKind kind, DateTime nowUtc, int? opdId = null, int? tagId = null)
    {
        var all = ArticlesByKind.GetValueOrDefault(kind) ?? [];
        // Newest first: what is not yet due sits at the front.
        var start = 0;
        while (start < all.Length && all[start].PublishAt > nowUtc)
        {
            start++;
        }
        for (var i = start; i < all.Length; i++)
        {
            var a = all[i];
            if ((opdId is null || a.OpdId == opdId) && (tagId is null || Array.IndexOf(a.TagIds, tagId.Value) >= 0))
            {
                yield return a;
            }
        }
    }

    public IReadOnlyList<ArticleCard> Latest(ArticleKind kind, DateTime nowUtc, int count, int? opdId = null) =>
        Visible(kind, nowUtc, opdId).Take(count).Select(a => a.Card).ToList();

    public PagedList<ArticleCard> Page(ArticleKind kind, DateTime nowUtc, PageRequest page, int? opdId = null, int? tagId = null)
    {
        var matching = Visible(kind, nowUtc, opdId, tagId);
        var total = 0;
        var items = new List<ArticleCard>(page.Size);
        foreach (var a in matching)
        {
            if (total >= page.Skip && items.Count < page.Size)
            {
                items.Add(a.Card);
            }
            total++;
        }
        return new PagedList<ArticleCard>(items, page, total);
    }

    /// <summary>The next older and next newer due article of the same kind.</summary>
    public (ArticleCard? Previous, ArticleCard? Next) Neighbours(CatalogArticle a, DateTime nowUtc)
    {
        var all = ArticlesByKind[a.Kind];
        var previous = a.Index + 1 < all.Length ? all[a.Index + 1].Card : null;
        var next = a.Index > 0 && all[a.Index - 1].PublishAt <= nowUtc ? all[a.Index - 1].Card : null;
        return (previous, next);
    }

    public IEnumerable<CatalogDocument> VisibleDocuments(DateTime nowUtc, int? opdId = null) =>
        Documents.Where(d => d.Document.PublishAt <= nowUtc && (opdId is null || d.Document.OpdId == opdId));

    public static async Task<CatalogSnapshot> BuildAsync(SatuPintuDb db, long version, DateTimeOffset now, CancellationToken ct)
    {
        var allOpds = await db.Opds.AsNoTracking().AsSplitQuery()
            .Include(o => o.Units.OrderBy(u => u.SortOrder)).Include(o => o.Services.OrderBy(s => s.SortOrder))
            .OrderBy(o => o.SortOrder).ToListAsync(ct);
        var opdsById = allOpds.ToDictionary(o => o.Id);
        var active = allOpds.Where(o => o.ArchivedAt == null).ToList();
        var tags = await db.Tags.AsNoTracking().ToListAsync(ct);

        var rows = await db.Articles.AsNoTracking().Where(a => a.Status == PublicationStatus.Published && a.PublishAt != null)
            .OrderByDescending(a => a.PublishAt).ThenByDescending(a => a.Id)
            .Select(a => new { a.Id, a.OpdId, a.Kind, a.Slug, a.Title, a.Summary, PublishAt = a.PublishAt!.Value, a.EventStart, a.EventPlace })
            .ToListAsync(ct);
        var tagLinks = (await db.Articles.AsNoTracking().Where(a => a.Status == PublicationStatus.Published && a.PublishAt != null)
                .SelectMany(a => a.Tags, (a, t) => new { ArticleId = a.Id, TagId = t.Id }).ToListAsync(ct))
            .ToLookup(l => l.ArticleId, l => l.TagId);
        var tagsById = tags.ToDictionary(t => t.Id);
        // The queries are not one transaction: a row whose OPD or tag was created after the first query is
        // left out (or its tag dropped) here; that write bumped the version, so the next reader rebuilds.
        var articles = rows.Where(a => opdsById.ContainsKey(a.OpdId)).Select(a =>
        {
            var opd = opdsById[a.OpdId];
            return new CatalogArticle
            {
                Id = a.Id, OpdId = a.OpdId, Kind = a.Kind, PublishAt = a.PublishAt, TagIds = tagLinks[a.Id].Where(tagsById.ContainsKey).ToArray(),
                Card = new ArticleCard(a.Slug, a.Title, a.Summary, a.Kind, a.PublishAt, opd.Slug, opd.DisplayShortName, a.EventStart, a.EventPlace),
            };
        }).ToList();
        var byKind = articles.GroupBy(a => a.Kind).ToDictionary(g => g.Key, g => g.ToArray());
        foreach (var list in byKind.Values)
        {
            for (var i = 0; i < list.Length; i++)
            {
                list[i].Index = i;
            }
        }

        var documents = (await db.Documents.AsNoTracking().Where(d => d.Status == PublicationStatus.Published && d.PublishAt != null)
                .OrderByDescending(d => d.PublishAt).ThenByDescending(d => d.Id).ToListAsync(ct))
            .Where(d => opdsById.ContainsKey(d.OpdId))
            .Select(d =>
            {
                d.Opd = opdsById[d.OpdId];
                return new CatalogDocument(d, new DocumentCard(d.Slug, d.Title, d.Category, d.ContentType, d.SizeBytes, d.PublishAt!.Value, d.Opd.Slug, d.Opd.DisplayShortName));
            }).ToList();

        var pages = await db.Pages.AsNoTracking().Where(p => p.OpdId != null && p.Status == PublicationStatus.Published)
            .OrderBy(p => p.SortOrder).ThenBy(p => p.Title).Select(p => new { OpdId = p.OpdId!.Value, p.Slug, p.Title }).ToListAsync(ct);

        return new CatalogSnapshot
        {
            Version = version,
            BuiltAt = now,
            Opds = active,
            OpdsBySlug = active.ToDictionary(o => o.Slug, StringComparer.Ordinal),
            OpdsById = opdsById,
            TagsBySlug = tags.ToDictionary(t => t.Slug, StringComparer.Ordinal),
            TagsById = tagsById,
            ArticlesByKind = byKind,
            ArticlesBySlug = articles.ToDictionary(a => a.Card.Slug, StringComparer.Ordinal),
            Documents = documents,
            DocumentsBySlug = documents.ToDictionary(d => d.Document.Slug, StringComparer.Ordinal),
            PagesByOpd = pages.GroupBy(p => p.OpdId).ToDictionary(g => g.Key, g => (IReadOnlyList<(string, string)>)g.Select(p => (p.Slug, p.Title)).ToList()),
        };
    }
}
