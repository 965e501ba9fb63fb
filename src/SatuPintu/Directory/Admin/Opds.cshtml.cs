using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Accounts;
using SatuPintu.Content;
using SatuPintu.Data;
using SatuPintu.Shared;

namespace SatuPintu.Directory.Admin;

/// <summary>/admin/opd: the OPDs a person may edit (all for admins); admins add new ones here.</summary>
public sealed class OpdsModel(SatuPintuDb db, OpdEditing editing) : PageModel
{
    [BindProperty]
    public NewOpdInput Input { get; set; } = new() { Kind = nameof(OpdKind.Dinas) };

    public IReadOnlyList<Opd> Opds { get; private set; } = [];
    public string? Problem { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var outcome = await editing.CreateAsync(User, Input, ct);
        if (this.Refusal(outcome) is { } refusal)
        {
            return refusal;
        }
        if (outcome.Status == OutcomeStatus.Ok)
        {
            return this.Done($"/admin/opd/{outcome.Value!.Slug}", $"{outcome.Value.Name} ditambahkan.");
        }
        ModelState.AddFieldErrors(outcome.Errors);
        Problem = "OPD tidak dibuat: " + ModelState.AllMessages();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var mine = User.OpdsFor(OpdRight.Edit);
        var q = db.Opds.AsNoTracking();
        if (mine is not null)
        {
            q = q.Where(o => mine.Contains(o.Id));
        }
        Opds = await q.OrderBy(o => o.ArchivedAt != null).ThenBy(o => o.SortOrder).ToListAsync(ct);
    }
}
