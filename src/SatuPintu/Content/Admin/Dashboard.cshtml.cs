using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Accounts;
using SatuPintu.Data;
using SatuPintu.Directory;

namespace SatuPintu.Content.Admin;

/// <summary>/admin: per OPD the user may edit, what waits for review and when it last published; stale OPDs stand out.</summary>
public sealed class DashboardModel(SatuPintuDb db, TimeProvider time) : PageModel
{
    public const int StaleDays = 90;

    public sealed record OpdRow(int Id, string Slug, string Name, int Drafts, int InReview, int Scheduled, DateTime? LastPublished)
    {
        public bool IsStale(DateTime now) => LastPublished is null || LastPublished < now.AddDays(-StaleDays);
    }

    public IReadOnlyList<OpdRow> Rows { get; private set; } = [];
    public DateTime Now { get; private set; }
    /// <summary>Static pages waiting for review in the user's OPDs (and the regency's, for admins).</summary>
    public int PagesInReview { get; private set; }
    /// <summary>Documents waiting for a reviewer (uploaded by editors, or attached to an article that waits).</summary>
    public int DocumentsInReview { get; private set; }
    /// <summary>Published articles with a correction waiting, oldest first.</summary>
    public IReadOnlyList<(int Id, string Title)> Corrections { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = time.GetUtcNow().UtcDateTime;
        var list = await EditableOpds.For(db, User).Select(o => new { o.Id, o.Slug, o.Name }).ToListAsync(ct);
        var ids = list.Select(o => o.Id).ToList();
        var counts = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.OpdId))
            .GroupBy(a => new { a.OpdId, a.Status }).Select(g => new { g.Key.OpdId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var now = Now;
        var last = await db.Articles.AsNoTracking().Where(a => ids.Contains(a.OpdId)).Visible(now)
            .GroupBy(a => a.OpdId).Select(g => new { OpdId = g.Key, Last = g.Max(a => a.PublishAt) }).ToListAsync(ct);
        var admin = User.IsAdmin();
        PagesInReview = await db.Pages.AsNoTracking().CountAsync(p => p.Status == PublicationStatus.Review
            && ((p.OpdId != null && ids.Contains(p.OpdId.Value)) || (p.OpdId == null && admin)), ct);
        DocumentsInReview = await db.Documents.AsNoTracking().CountAsync(d => d.Status == PublicationStatus.Review && ids.Contains(d.OpdId), ct);
        Corrections = (await db.Articles.AsNoTracking().Where(a => a.ProposedRevision != null && ids.Contains(a.OpdId)).OrderBy(a => a.UpdatedAt)
            .Take(20).Select(a => new { a.Id, a.Title }).ToListAsync(ct)).Select(a => (a.Id, a.Title)).ToList();
        int Count(int opd, PublicationStatus s) => counts.Where(c => c.OpdId == opd && c.Status == s).Sum(c => c.Count);
        Rows = list.Select(o => new OpdRow(o.Id, o.Slug, o.Name, Count(o.Id, PublicationStatus.Draft) + Count(o.Id, PublicationStatus.Rejected),
                Count(o.Id, PublicationStatus.Review), Count(o.Id, PublicationStatus.Scheduled), last.FirstOrDefault(l => l.OpdId == o.Id)?.Last))
            .ToList();
    }
}
