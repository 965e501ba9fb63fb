using System.Net;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Directory;
using SatuPintu.Content;
using SatuPintu.Data;
using SatuPintu.Hosting;

namespace SatuPintu.Search;

/// <summary>
/// Reads what the public may see from the database as <see cref="SearchEntry"/>s: everything (for a
/// rebuild) or the rows one change-feed batch names (the rest of those ids are deletions).
/// </summary>
public sealed partial class SearchSources(SatuPintuDb db, RegionalClock clock, DocumentText documentText)
{
    /// <summary>The feed kinds that reach search (tags and network rows do not).</summary>
    public static readonly IReadOnlySet<string> FeedKinds = new HashSet<string> { "article", "document", "page", "opd", "opd-unit", "public-service" };

    public async IAsyncEnumerable<SearchEntry> AllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var kind in FeedKinds)
        {
            var lastId = 0;
            while (true)
            {
                var batch = await LoadAsync(kind, null, lastId, 500, ct);
                foreach (var (id, entry) in batch)
                {
                    lastId = id;
                    if (entry is not null)
                    {
                        yield return entry;
                    }
                }
                if (batch.Count < 500)
                {
                    break;
                }
            }
        }
    }

    /// <summary>About how many entries a rebuild writes (the rows it reads), for its progress bar.</summary>
    public async Task<int> CountAsync(CancellationToken ct) =>
        await db.Articles.CountAsync(ct) + await db.Documents.CountAsync(ct) + await db.Pages.CountAsync(ct)
        + await db.Opds.CountAsync(ct) + await db.OpdUnits.CountAsync(ct) + await db.PublicServices.CountAsync(ct);

    /// <summary>The current entries of these feed rows; a key without an entry is no longer public.</summary>
    public async Task<(List<SearchEntry> Upserts, List<string> Deletes)> ForAsync(string kind, IReadOnlyCollection<int> ids, CancellationToken ct)
    {
        var found = await LoadAsync(kind, ids, 0, int.MaxValue, ct);
        var upserts = found.Where(f => f.Entry is not null).Select(f => f.Entry!).ToList();
        var present = upserts.Select(u => u.Id).ToHashSet();
        var deletes = ids.Select(i => IdOf(kind, i)).Where(i => !present.Contains(i)).ToList();
        return (upserts, deletes);
    }

    /// <summary>Every entry id a feed row of this kind and key can stand for (an article's id does not tell its kind).</summary>
    public static string IdOf(string feedKind, int key) => $"{feedKind}:{key}";

    private async Task<List<(int Id, SearchEntry? Entry)>> LoadAsync(string kind, IReadOnlyCollection<int>? ids, int after, int take, CancellationToken ct)
    {
        var now = clock.UtcNow;
        switch (kind)
        {
            case "article":
                var articles = await db.Articles.AsNoTracking().Include(a => a.Opd).Include(a => a.Tags)
                    .Where(a => ids == null ? a.Id > after : ids.Contains(a.Id)).OrderBy(a => a.Id).Take(take).ToListAsync(ct);
                return articles.Select(a => (a.Id, a.Status == PublicationStatus.Published && a.PublishAt <= now && a.Opd is not { Hidden: true }
                    ? new SearchEntry(IdOf(kind, a.Id), a.Kind.UrlWord(), a.Title,
                        Join(a.Summary, PlainText(a.BodyHtml), a.EventPlace, string.Join(", ", a.Tags.Select(t => t.Name))),
                        ArticleKinds.DetailUrl(a.Kind, a.Slug), a.Opd?.Slug, a.Opd?.DisplayShortName, a.PublishAt)
                    : null)).ToList();
            case "document":
                var docs = await db.Documents.AsNoTracking().Include(d => d.Opd)
                    .Where(d => ids == null ? d.Id > after : ids.Contains(d.Id)).OrderBy(d => d.Id).Take(take).ToListAsync(ct);
                var result = new List<(int, SearchEntry?)>();
                foreach (var d in docs)
                {
                    var visible = d.Status == PublicationStatus.Published && d.PublishAt <= now && d.Opd is not { Hidden: true };
                    result.Add((d.Id, visible
                        ? new SearchEntry(IdOf(kind, d.Id), "dokumen", d.Title, Join(d.Description, d.Category, d.FileName, await documentText.ExtractAsync(d, ct)),
                            $"/dokumen/{d.Slug}", d.Opd?.Slug, d.Opd?.DisplayShortName, d.PublishAt)
                        : null));
                }
                return result;
            case "page":
                var pages = await db.Pages.AsNoTracking().Include(p => p.Opd)
                    .Where(p => ids == null ? p.Id > after : ids.Contains(p.Id)).OrderBy(p => p.Id).Take(take).ToListAsync(ct);
                return pages.Select(p => (p.Id, p.Status == PublicationStatus.Published && p.Opd is not { Hidden: true }
                    ? new SearchEntry(IdOf(kind, p.Id), "halaman", p.Title, PlainText(p.BodyHtml), $"/halaman/{p.Slug}", p.Opd?.Slug, p.Opd?.DisplayShortName, p.PublishedAt ?? p.UpdatedAt)
                    : null)).ToList();
            case "opd":
                var opds = await db.Opds.AsNoTracking().Include(o => o.Units)
                    .Where(o => ids == null ? o.Id > after : ids.Contains(o.Id)).OrderBy(o => o.Id).Take(take).ToListAsync(ct);
                return opds.Select(o => (o.Id, o.IsPublic()
                    ? new SearchEntry(IdOf(kind, o.Id), "opd", o.ShortName is null ? o.Name : $"{o.Name} ({o.ShortName})",
                        Join(o.Summary, o.Duties, o.Vision, o.Mission, o.HeadName, o.Address, string.Join(", ", o.Units.Where(u => u.ArchivedAt == null).Select(u => u.Name))),
                        $"/opd/{o.Slug}", o.Slug, o.DisplayShortName, null)
                    : null)).ToList();
            case "opd-unit":
                var units = await db.OpdUnits.AsNoTracking().Include(u => u.Opd)
                    .Where(u => ids == null ? u.Id > after : ids.Contains(u.Id)).OrderBy(u => u.Id).Take(take).ToListAsync(ct);
                return units.Select(u => (u.Id, u.ArchivedAt == null && u.Opd!.ArchivedAt == null && !u.Opd.Hidden
                    ? new SearchEntry(IdOf(kind, u.Id), "opd", u.ShortName is null ? u.Name : $"{u.Name} ({u.ShortName})",
                        Join(u.KindLabel, u.Description, u.Opd.Name), $"/opd/{u.Opd.Slug}#unit", u.Opd.Slug, u.Opd.DisplayShortName, null)
                    : (SearchEntry?)null)).ToList();
            case "public-service":
                var services = await db.PublicServices.AsNoTracking().Include(s => s.Opd)
                    .Where(s => ids == null ? s.Id > after : ids.Contains(s.Id)).OrderBy(s => s.Id).Take(take).ToListAsync(ct);
                return services.Select(s => (s.Id, s.Opd!.ArchivedAt == null && !s.Opd.Hidden
                    ? new SearchEntry(IdOf(kind, s.Id), "layanan", s.Name, Join(s.Description, s.Requirements, s.Procedure, s.Output, s.Opd.Name),
                        $"/layanan/{s.Opd.Slug}/{s.Slug}", s.Opd.Slug, s.Opd.DisplayShortName, null)
                    : (SearchEntry?)null)).ToList();
            default:
                return [];
        }
    }

    private static string Join(params string?[] parts) => string.Join("\n", parts.Where(p => !string.IsNullOrWhiteSpace(p)));

    /// <summary>Text of our own sanitized HTML: tags become spaces, entities are decoded.</summary>
    public static string PlainText(string? html) =>
        string.IsNullOrEmpty(html) ? "" : WebUtility.HtmlDecode(Tags().Replace(html, " "));

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
