using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SatuPintu.Accounts;
using SatuPintu.Data;
using SatuPintu.Directory;
using SatuPintu.Shared;

namespace SatuPintu.Syndication;

/// <summary>
/// Adding, pausing and resuming sources and hiding one imported item — from the admin page and the API
/// alike. Admins act on every OPD, an OPD's editors and reviewers on theirs (<see cref="Access"/>).
/// </summary>
public sealed class SourceEditing(SatuPintuDb db, Discovery discovery, TimeProvider time, IOptions<SyndicationOptions> options)
{
    public sealed record Added(Source Source, Discovery.Found Found);

    public async Task<Opd?> OpdAsync(string slug, CancellationToken ct) =>
        Slug.IsWellFormed(slug) ? await db.Opds.FirstOrDefaultAsync(o => o.Slug == slug && o.ArchivedAt == null, ct) : null;

    /// <summary>
    /// Discovers what <paramref name="url"/> offers and adds the best feed (or <paramref name="pick"/>, one of those
    /// found). Refused (Invalid) when the address is refused or nothing usable is there; nothing is saved then.
    /// </summary>
    public async Task<Outcome<Added>> AddAsync(ClaimsPrincipal user, Opd opd, string? url, string? pick, int? intervalMinutes, CancellationToken ct)
    {
        if (!user.Can(OpdRight.Edit, opd.Id))
        {
            return Outcome<Added>.Forbidden("Anda hanya dapat menambah sumber untuk perangkat daerah Anda sendiri.");
        }
        var interval = intervalMinutes ?? options.Value.DefaultIntervalMinutes;
        if (interval is < 5 or > 10080)
        {
            return Invalid("intervalMinutes", "Selang pengambilan 5 sampai 10080 menit.");
        }
        if (string.IsNullOrWhiteSpace(url) || url.Length > 2000)
        {
            return Invalid("url", "Alamat situs atau umpan wajib diisi (paling banyak 2000 karakter).");
        }
        var found = await discovery.DiscoverAsync(url, ct);
        if (found.Best is null)
        {
            return Invalid("url", found.Error ?? "Tidak ada umpan yang dapat dibaca di alamat ini.");
        }
        var chosen = pick is null ? found.Best : found.Candidates.FirstOrDefault(c => c.Url == pick);
        if (chosen is null)
        {
            return Invalid("pick", "Pilih salah satu umpan yang ditemukan.");
        }
        if (await db.SyndicationSources.AnyAsync(s => s.OpdId == opd.Id && s.FeedUrl == chosen.Url, ct))
        {
            return Outcome<Added>.Conflict($"Umpan {chosen.Url} sudah menjadi sumber {opd.DisplayShortName}.");
        }
        var now = time.GetUtcNow().UtcDateTime;
        var source = new Source
        {
            OpdId = opd.Id, Opd = opd, SiteUrl = url.Trim(), FeedUrl = chosen.Url, Kind = chosen.Kind, Title = chosen.Title,
            Alternatives = string.Join('\n', found.Candidates.Where(c => c != chosen).Select(c => c.Url)) is { Length: > 0 } alt ? alt : null,
            IntervalMinutes = interval, CreatedAt = now, CreatedBy = user.FindFirstValue(ClaimTypes.Email), NextPollAt = now,
        };
        db.SyndicationSources.Add(source);
        await db.SaveChangesAsync(ct);
        return Outcome<Added>.Ok(new Added(source, found));
    }

    public async Task<Outcome<Source>> SetPausedAsync(ClaimsPrincipal user, int id, bool paused, CancellationToken ct)
    {
        var source = await db.SyndicationSources.Include(s => s.Opd).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (source is null || !user.Can(OpdRight.Edit, source.OpdId))
        {
            return Outcome<Source>.NotFound("Sumber tidak ditemukan.");
        }
        source.Paused = paused;
        if (!paused)
        {
            // Resumed by a person: try now, not after the backoff that failures built up.
            source.NextPollAt = time.GetUtcNow().UtcDateTime;
            source.BackoffUntil = null;
        }
        await db.SaveChangesAsync(ct);
        return Outcome<Source>.Ok(source);
    }

    /// <summary>
    /// What happens to items the source stops listing (<see cref="GoneItems"/>), and/or a switch to another
    /// feed of the site (e.g. from <c>/feed/</c> to the WordPress REST API): discovery runs on the new
    /// address, the old one joins the alternatives, and the next poll reads the new feed from the start.
    /// Items already imported keep their articles: the importer matches them across feeds (key, link, title).
    /// </summary>
    public async Task<Outcome<Source>> ChangeAsync(ClaimsPrincipal user, int id, GoneItems? gone, string? feedUrl, CancellationToken ct)
    {
        var source = await db.SyndicationSources.Include(s => s.Opd).FirstOrDefaultAsync(s => s.Id == id, ct);
        if (source is null || !user.Can(OpdRight.Edit, source.OpdId))
        {
            return Outcome<Source>.NotFound("Sumber tidak ditemukan.");
        }
        if (gone is { } rule)
        {
            source.GoneItems = rule;
        }
        if (!string.IsNullOrWhiteSpace(feedUrl) && feedUrl.Trim() != source.FeedUrl)
        {
            var found = await discovery.DiscoverAsync(feedUrl.Length <= 2000 ? feedUrl : "", ct);
            if (found.Best is not { } chosen)
            {
                return Outcome<Source>.Invalid(new Dictionary<string, string[]> { ["feedUrl"] = [found.Error ?? "Tidak ada umpan yang dapat dibaca di alamat ini."] },
                    found.Error ?? "Tidak ada umpan yang dapat dibaca di alamat ini.");
            }
            if (chosen.Url != source.FeedUrl && await db.SyndicationSources.AnyAsync(s => s.OpdId == source.OpdId && s.FeedUrl == chosen.Url, ct))
            {
                return Outcome<Source>.Conflict($"Umpan {chosen.Url} sudah menjadi sumber lain {source.Opd!.DisplayShortName}.");
            }
            var others = (source.Alternatives ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries).Append(source.FeedUrl).Where(u => u != chosen.Url).Distinct();
            source.Alternatives = string.Join('\n', others) is { Length: > 0 } alt ? alt : null;
            (source.FeedUrl, source.Kind, source.ETag, source.LastModified) = (chosen.Url, chosen.Kind, null, null);
            (source.ArchiveComplete, source.ArchiveReadAt, source.NextPollAt, source.BackoffUntil) = (false, null, time.GetUtcNow().UtcDateTime, null);
        }
        await db.SaveChangesAsync(ct);
        return Outcome<Source>.Ok(source);
    }

    /// <summary>Shows again an imported item that was hidden (a person's choice; the gone rule may hide it again while it stays gone).</summary>
    public Task<Outcome<Content.Article>> ShowItemAsync(ClaimsPrincipal user, int articleId, CancellationToken ct) => SetShownAsync(user, articleId, true, ct);

    /// <summary>Hides one imported item (back to draft); later polls update its text but never show it again.</summary>
    public Task<Outcome<Content.Article>> HideItemAsync(ClaimsPrincipal user, int articleId, CancellationToken ct) => SetShownAsync(user, articleId, false, ct);

    private async Task<Outcome<Content.Article>> SetShownAsync(ClaimsPrincipal user, int articleId, bool shown, CancellationToken ct)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == articleId && a.SourceId != null, ct);
        if (article is null || !user.Can(OpdRight.Edit, article.OpdId))
        {
            return Outcome<Content.Article>.NotFound("Butir impor tidak ditemukan.");
        }
        article.Status = shown ? Content.PublicationStatus.Published : Content.PublicationStatus.Draft;
        article.UpdatedAt = time.GetUtcNow().UtcDateTime;
        article.UpdatedBy = user.FindFirstValue(ClaimTypes.Email);
        await db.SaveChangesAsync(ct);
        return Outcome<Content.Article>.Ok(article);
    }

    private static Outcome<Added> Invalid(string field, string message) => Outcome<Added>.Invalid(new Dictionary<string, string[]> { [field] = [message] }, message);
}
