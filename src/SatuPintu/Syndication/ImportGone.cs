using Microsoft.EntityFrameworkCore;
using SatuPintu.Audit;
using SatuPintu.Content;
using SatuPintu.Data;

namespace SatuPintu.Syndication;

/// <summary>
/// Items a source no longer lists: found after a complete read of a WordPress archive and marked
/// (<see cref="Article.GoneAtSourceAt"/>); then, on every poll, the source's <see cref="GoneItems"/> rule is
/// applied to every marked item — kept (the default), hidden (back to draft) or moved to the bin
/// (restorable for <see cref="ArticlePublishing.BinDays"/> days). One audit entry sums each step up.
/// </summary>
public sealed class ImportGone(SatuPintuDb db, TimeProvider time)
{
    public const string AuditAction = "gone";

    /// <summary>Marks the items of the source missing from <paramref name="present"/> (the keys of a complete read).</summary>
    public async Task<int> MarkAsync(Source source, IReadOnlySet<string> present, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var listed = await db.Articles.Where(a => a.SourceId == source.Id && a.GoneAtSourceAt == null).Select(a => new { a.Id, a.ExternalKey }).ToListAsync(ct);
        var gone = listed.Where(a => a.ExternalKey is not null && !present.Contains(a.ExternalKey)).Select(a => a.Id).ToList();
        await ChangeAsync(source, gone, a => a.GoneAtSourceAt = now, $"{gone.Count} berita tidak ada lagi di situs OPD dan ditandai", ct);
        return gone.Count;
    }

    /// <summary>The source's rule, applied to its marked items that do not follow it yet; the number changed.</summary>
    public async Task<int> ApplyRuleAsync(Source source, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var marked = db.Articles.Where(a => a.SourceId == source.Id && a.GoneAtSourceAt != null);
        switch (source.GoneItems)
        {
            case GoneItems.Hide:
                var shown = await marked.Where(a => a.Status == PublicationStatus.Published).Select(a => a.Id).ToListAsync(ct);
                await ChangeAsync(source, shown, a => a.Status = PublicationStatus.Draft, $"{shown.Count} berita yang tidak ada lagi di situs OPD disembunyikan", ct);
                return shown.Count;
            case GoneItems.Remove:
                var kept = await marked.Select(a => a.Id).ToListAsync(ct);
                await ChangeAsync(source, kept, a =>
                {
                    a.FirstPublishedAt ??= a.Status == PublicationStatus.Published ? a.PublishAt ?? now : null;
                    a.Status = PublicationStatus.Draft;
                    a.DeletedAt = now;
                    a.DeletedBy = Importer.Actor;
                }, $"{kept.Count} berita yang tidak ada lagi di situs OPD dipindahkan ke Tempat sampah", ct);
                return kept.Count;
            default:
                return 0;
        }
    }

    /// <summary>Through SaveChanges (articles are public: the change feed sees it), a batch at a time, each batch one audit entry.</summary>
    private async Task ChangeAsync(Source source, List<int> ids, Action<Article> change, string summary, CancellationToken ct)
    {
        using var summarised = AuditSummary.Use();
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var chunk in ids.Chunk(Importer.BatchSize))
        {
            foreach (var article in await db.Articles.Where(a => chunk.Contains(a.Id)).ToListAsync(ct))
            {
                change(article);
                article.UpdatedAt = now;
                article.UpdatedBy = Importer.Actor;
            }
            db.Audit(AuditAction, nameof(Source), source.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), source.OpdId,
                $"{source.Title}: " + (ids.Count == chunk.Length ? summary : $"{summary} ({chunk.Length} dalam langkah ini)"));
            await db.SaveChangesAsync(ct);
        }
    }
}
