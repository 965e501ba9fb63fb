using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Accounts;
using SatuPintu.Data;
using SatuPintu.Directory;
using SatuPintu.Shared;

namespace SatuPintu.Content.Admin;

/// <summary>/admin/halaman: the static pages a person may edit — their OPDs' pages, and for admins the regency's too.</summary>
public sealed class PagesModel(SatuPintuDb db) : PageModel
{
    public sealed record Row(int Id, string Title, string Slug, PublicationStatus Status, string? OpdSlug, string? OpdName, DateTime UpdatedAt);

    public PagedList<Row> List { get; private set; } = null!;
    public IReadOnlyList<(string Slug, string Name)> Opds { get; private set; } = [];
    public string? Opd { get; private set; }
    public PublicationStatus? Status { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? opd, string? status, CancellationToken ct)
    {
        var page = PageRequest.Parse(Request.Query, 25, out var error);
        if (page is null)
        {
            return this.Answer(400, error!);
        }
        Opds = await EditableOpds.ChoicesAsync(db, User, ct);
        var mine = User.OpdsFor(OpdRight.Edit);
        var query = db.Pages.AsNoTracking();
        if (mine is not null)
        {
            query = query.Where(p => p.OpdId != null && mine.Contains(p.OpdId.Value));
        }
        if (opd == PagesApi.Regency)
        {
            Opd = opd;
            query = query.Where(p => p.OpdId == null);
        }
        else if (!string.IsNullOrEmpty(opd))
        {
            Opd = opd;
            query = query.Where(p => p.Opd!.Slug == opd);
        }
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<PublicationStatus>(status, ignoreCase: true, out var st) || !Enum.IsDefined(st) || st == PublicationStatus.Scheduled)
            {
                return this.Answer(400, "Status tidak dikenal.");
            }
            Status = st;
            query = query.Where(p => p.Status == st);
        }
        List = await query.OrderBy(p => p.OpdId == null ? 0 : 1).ThenBy(p => p.Opd!.SortOrder).ThenBy(p => p.SortOrder).ThenBy(p => p.Title)
            .Select(p => new Row(p.Id, p.Title, p.Slug, p.Status, p.Opd!.Slug, p.Opd.ShortName ?? p.Opd.Name, p.UpdatedAt))
            .ToPageAsync(page, ct);
        return this.CheckPaging(null, List) ?? Page();
    }
}
