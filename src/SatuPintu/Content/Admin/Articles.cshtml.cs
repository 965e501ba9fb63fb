using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Accounts;
using SatuPintu.Data;
using SatuPintu.Directory;
using SatuPintu.Shared;

namespace SatuPintu.Content.Admin;

/// <summary>/admin/artikel: the articles of the OPDs the user may edit (all for admins), newest change first.</summary>
public sealed class ArticlesModel(SatuPintuDb db) : PageModel
{
    public sealed record Row(int Id, string Title, ArticleKind Kind, PublicationStatus Status, string OpdName, DateTime UpdatedAt, DateTime? PublishAt);

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
        var mine = User.OpdsFor(OpdRight.Edit);
        Opds = await EditableOpds.ChoicesAsync(db, User, ct);

        var query = db.Articles.AsNoTracking();
        if (mine is not null)
        {
            query = query.Where(a => mine.Contains(a.OpdId));
        }
        if (!string.IsNullOrEmpty(opd))
        {
            Opd = opd;
            query = query.Where(a => a.Opd!.Slug == opd);
        }
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<PublicationStatus>(status, ignoreCase: true, out var s) || !Enum.IsDefined(s))
            {
                return this.Answer(400, "Status tidak dikenal.");
            }
            Status = s;
            query = query.Where(a => a.Status == s);
        }
        List = await query.OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id)
            .Select(a => new Row(a.Id, a.Title, a.Kind, a.Status, a.Opd!.ShortName ?? a.Opd.Name, a.UpdatedAt, a.PublishAt))
            .ToPageAsync(page, ct);
        return this.CheckPaging(null, List) ?? Page();
    }

    public static string StatusLabel(PublicationStatus s) => s switch
    {
        PublicationStatus.Draft => "Draf",
        PublicationStatus.Review => "Menunggu tinjauan",
        PublicationStatus.Published => "Terbit",
        PublicationStatus.Rejected => "Ditolak",
        PublicationStatus.Scheduled => "Terjadwal",
        _ => s.ToString(),
    };
}
