using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SatuPintu.Changes;
using SatuPintu.Data;
using SatuPintu.Directory;
using SatuPintu.Hosting;
using SatuPintu.Shared;

namespace SatuPintu.Content;

/// <summary>
/// The public read model: everything the portal's lists and the OPD pages show — OPDs with units,
/// services and page titles, and a card (no body) of every published article and document — held
/// in memory as one immutable snapshot, so those pages run no query at all.
/// Only the very first reader waits for a build. After that readers always get the current snapshot
/// while a new one is built in the background: by the change feed (<see cref="ChangeFeedPoller"/>
/// hands each batch of changes here, so a burst of writes costs one rebuild), and, as a safety net
/// for rows written past the feed, when the snapshot is older than <see cref="OutputCacheSettings.Seconds"/>.
/// "Published and due" is applied at read time, so a scheduled publish time passing needs no rebuild.
/// </summary>
public sealed class PublicCatalog(IServiceScopeFactory scopes, TimeProvider time, IOptions<SatuPintuOptions> options, ILogger<PublicCatalog> log)
    : IChangeConsumer, IDisposable
{
    private static readonly HashSet<string> Kinds = ["article", "document", "page", "tag", "opd", "opd-unit", "public-service"];
    private readonly SemaphoreSlim _building = new(1, 1);
    private CatalogSnapshot? _current;
    private long _version;
    private int _refreshing;

    /// <summary>The snapshot readers get now; null before the first build.</summary>
    public CatalogSnapshot? Current => Volatile.Read(ref _current);

    public int Order => 0;

    public void Dispose() => _building.Dispose();

    public async ValueTask<CatalogSnapshot> GetAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _current) is { } current)
        {
            if (time.GetUtcNow() - current.BuiltAt >= TimeSpan.FromSeconds(options.Value.OutputCache.Seconds))
            {
                RefreshInBackground();
            }
            return current;
        }
        await _building.WaitAsync(ct);
        try
        {
            return Volatile.Read(ref _current) ?? await BuildLockedAsync();
        }
        finally
        {
            _building.Release();
        }
    }

    /// <summary>Rebuilds after public changes; readers keep the previous snapshot meanwhile.</summary>
    public async Task ApplyAsync(IReadOnlyList<PublicChange> changes, CancellationToken ct)
    {
        // Before the first build there is nothing to refresh: the first reader builds from the tables. A first
        // build already running may have read the tables before this change committed, so it is followed by another.
        if (!changes.Any(c => Kinds.Contains(c.Kind)) || (Volatile.Read(ref _current) is null && _building.CurrentCount == 1))
        {
            return;
        }
        var articles = changes.Where(c => Kinds.Contains(c.Kind)).All(c => c.Kind == "article")
            ? changes.Where(c => c.Kind == "article").Select(c => int.TryParse(c.Key, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : -1).ToHashSet()
            : null;
        if (articles is null || articles.Contains(-1) || articles.Count > CatalogUpdate.MaxArticles)
        {
            await RebuildAsync(ct);
            return;
        }
        await _building.WaitAsync(ct);
        try
        {
            if (Volatile.Read(ref _current) is not { } previous)
            {
                await BuildLockedAsync();
                return;
            }
            await using var scope = scopes.CreateAsyncScope();
            var started = time.GetTimestamp();
            var updated = await CatalogUpdate.WithArticlesAsync(previous, scope.ServiceProvider.GetRequiredService<SatuPintuDb>(), articles,
                Interlocked.Increment(ref _version), time.GetUtcNow(), CancellationToken.None);
            if (updated is null)
            {
                await BuildLockedAsync();
                return;
            }
            Volatile.Write(ref _current, updated);
            log.LogDebug("Public catalog updated with {Count} article(s) in {Milliseconds:F0} ms", articles.Count, time.GetElapsedTime(started).TotalMilliseconds);
        }
        finally
        {
            _building.Release();
        }
    }

    public async Task RebuildAsync(CancellationToken ct)
    {
        await _building.WaitAsync(ct);
        try
        {
            await BuildLockedAsync();
        }
        finally
        {
            _building.Release();
        }
    }

    private void RefreshInBackground()
    {
        if (Interlocked.Exchange(ref _refreshing, 1) == 1)
        {
            return;
        }
        _ = Task.Run(async () =>
        {
            try
            {
                await RebuildAsync(CancellationToken.None);
            }
            catch (Exception e)
            {
                log.LogError(e, "Refreshing the public catalog failed; readers keep the previous snapshot");
            }
            finally
            {
                Volatile.Write(ref _refreshing, 0);
            }
        });
    }

    private async Task<CatalogSnapshot> BuildLockedAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        // Not cancelled with whoever asked: readers and the feed share the result.
        var started = time.GetTimestamp();
        var snapshot = await CatalogSnapshot.BuildAsync(scope.ServiceProvider.GetRequiredService<SatuPintuDb>(), Interlocked.Increment(ref _version), time.GetUtcNow(), CancellationToken.None);
        Volatile.Write(ref _current, snapshot);
        log.LogInformation("Public catalog built in {Milliseconds:F0} ms: {Articles} articles, {Documents} documents, {Opds} OPDs",
            time.GetElapsedTime(started).TotalMilliseconds, snapshot.ArticlesBySlug.Count, snapshot.Documents.Count, snapshot.Opds.Count);
        return snapshot;
    }
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
    /// <summary>Every OPD not hidden, archived ones too: their published articles stay readable.</summary>
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
            .Include(o => o.Units.Where(u => u.ArchivedAt == null).OrderBy(u => u.SortOrder)).Include(o => o.Services.OrderBy(s => s.SortOrder))
            .OrderBy(o => o.SortOrder).ToListAsync(ct);
        // A hidden OPD is left out whole, with its content (OpdVisibility); an archived one keeps its articles readable.
        var opdsById = allOpds.Where(o => !o.Hidden).ToDictionary(o => o.Id);
        var active = allOpds.Where(o => o.IsPublic()).ToList();
        var tags = await db.Tags.AsNoTracking().ToListAsync(ct);

        var rows = await db.Articles.AsNoTracking().Where(a => a.Status == PublicationStatus.Published && a.PublishAt != null)
            .OrderByDescending(a => a.PublishAt).ThenByDescending(a => a.Id)
            .Select(a => new { a.Id, a.OpdId, a.Kind, a.Slug, a.Title, a.Summary, PublishAt = a.PublishAt!.Value, a.EventStart, a.EventPlace, a.RevisedAt, a.Category, a.EventEnd,
                Lead = a.LeadImage == null ? null : new CardImage(a.LeadImage.StoredName, a.LeadImage.AltText ?? "", a.LeadImage.Width, a.LeadImage.Height) })
            .ToListAsync(ct);
        var tagLinks = (await db.Articles.AsNoTracking().Where(a => a.Status == PublicationStatus.Published && a.PublishAt != null)
                .SelectMany(a => a.Tags, (a, t) => new { ArticleId = a.Id, TagId = t.Id }).ToListAsync(ct))
            .ToLookup(l => l.ArticleId, l => l.TagId);
        var tagsById = tags.ToDictionary(t => t.Id);
        // The queries are not one transaction: a row whose OPD or tag was created after the first query is
        // left out (or its tag dropped) here; that write's feed row brings the next rebuild.
        var articles = rows.Where(a => opdsById.ContainsKey(a.OpdId)).Select(a =>
        {
            var opd = opdsById[a.OpdId];
            return new CatalogArticle
            {
                Id = a.Id, OpdId = a.OpdId, Kind = a.Kind, PublishAt = a.PublishAt, TagIds = tagLinks[a.Id].Where(tagsById.ContainsKey).ToArray(),
                Card = new ArticleCard(a.Slug, a.Title, a.Summary, a.Kind, a.PublishAt, opd.Slug, opd.DisplayShortName, a.EventStart, a.EventPlace, a.RevisedAt, a.Lead, a.Category, a.EventEnd),
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
                return new CatalogDocument(d, new DocumentCard(d.Slug, d.Title, d.Category, d.ContentType, d.SizeBytes, d.PublishAt!.Value, d.Opd.Slug, d.Opd.DisplayShortName,
                    d.RegulationNumber, d.RegulationYear, d.RegulationStatus));
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
