using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Accounts;
using SatuPintu.Content;
using SatuPintu.Data;
using SatuPintu.Shared;

namespace SatuPintu.Directory.Admin;

/// <summary>/admin/opd: the OPDs a person may edit (all for admins); admins add new ones here.</summary>
public sealed class OpdsModel(SatuPintuDb db, TimeProvider time) : PageModel
{
    public sealed class NewOpd
    {
        public string? Name { get; set; }
        public string? ShortName { get; set; }
        public string? Slug { get; set; }
        public OpdKind Kind { get; set; } = OpdKind.Dinas;
    }

    [BindProperty]
    public NewOpd Input { get; set; } = new();

    public IReadOnlyList<Opd> Opds { get; private set; } = [];
    public string? Problem { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!User.IsAdmin())
        {
            return Forbid();
        }
        var name = HtmlCleaner.PlainText(Input.Name);
        var slug = string.IsNullOrWhiteSpace(Input.Slug) ? Slug.From(Input.ShortName ?? name, 60) : Input.Slug.Trim();
        if (name.Length is 0 or > 200)
        {
            ModelState.AddModelError("Input.Name", "Nama wajib diisi (paling banyak 200 karakter).");
        }
        if (!Slug.IsWellFormed(slug) || slug.Length > 80)
        {
            ModelState.AddModelError("Input.Slug", "Slug hanya huruf kecil, angka dan tanda hubung (paling banyak 80).");
        }
        else if (await db.Opds.AnyAsync(o => o.Slug == slug, ct))
        {
            ModelState.AddModelError("Input.Slug", $"Slug \"{slug}\" sudah dipakai.");
        }
        if (!Enum.IsDefined(Input.Kind))
        {
            ModelState.AddModelError("Input.Kind", "Jenis OPD tidak dikenal.");
        }
        if (ModelState.ErrorCount > 0)
        {
            Problem = "OPD tidak dibuat: " + string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(ct);
            return Page();
        }
        var opd = new Opd
        {
            Slug = slug, Name = name, ShortName = HtmlCleaner.PlainText(Input.ShortName) is { Length: > 0 and <= 40 } s ? s : null,
            Kind = Input.Kind, SortOrder = await db.Opds.MaxAsync(o => (int?)o.SortOrder, ct) + 1 ?? 0, UpdatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Opds.Add(opd);
        await db.SaveChangesAsync(ct);
        return Redirect($"/admin/opd/{opd.Slug}");
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
