using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Accounts;
using SatuPintu.Content;
using SatuPintu.Data;
using SatuPintu.Shared;

namespace SatuPintu.Directory.Admin;

/// <summary>
/// /admin/opd/{slug}/unit: the OPD's units (puskesmas, UPT, bagian) with their own address, phone and
/// opening hours, kept by the OPD's own editors and reviewers and by admins. Archiving takes a unit off the
/// portal; it is kept, since network sites may still name it, and can be restored.
/// </summary>
public sealed class UnitsModel(SatuPintuDb db, TimeProvider time) : PageModel
{
    [BindProperty]
    public UnitInput Input { get; set; } = new();

    public Opd Opd { get; private set; } = null!;
    [TempData]
    public string? Message { get; set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, int? ubah, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refusal)
        {
            return refusal;
        }
        if (ubah is { } id && Opd.Units.FirstOrDefault(u => u.Id == id) is { } unit)
        {
            Input = UnitInput.From(unit);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refusal)
        {
            return refusal;
        }
        var errors = Input.Check();
        if (errors.Count > 0)
        {
            ModelState.AddFieldErrors(errors.ToDictionary());
            return Invalid("Unit belum tersimpan: " + ModelState.AllMessages());
        }
        OpdUnit unit;
        if (Input.Id is { } id)
        {
            if (Opd.Units.FirstOrDefault(u => u.Id == id) is not { } existing)
            {
                return Invalid("Unit yang diubah tidak ada di OPD ini.");
            }
            unit = existing;
        }
        else
        {
            var baseSlug = Shared.Slug.From(HtmlCleaner.PlainText(Input.Name), 76);
            var unitSlug = baseSlug;
            for (var n = 2; Opd.Units.Any(u => u.Slug == unitSlug); n++)
            {
                unitSlug = $"{baseSlug}-{n}";
            }
            unit = new OpdUnit { OpdId = Opd.Id, Slug = unitSlug, Name = "", KindLabel = "", SortOrder = Opd.Units.Count };
            db.OpdUnits.Add(unit);
        }
        Input.ApplyTo(unit);
        await db.SaveChangesAsync(ct);
        return this.Done(Here(slug), $"Unit \"{unit.Name}\" disimpan.");
    }

    /// <summary>Archives a unit (off the portal) or, when it is archived, restores it.</summary>
    public async Task<IActionResult> OnPostArchiveAsync(string slug, int id, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refusal)
        {
            return refusal;
        }
        if (Opd.Units.FirstOrDefault(u => u.Id == id) is not { } unit)
        {
            return NotFound();
        }
        unit.ArchivedAt = unit.ArchivedAt is null ? time.GetUtcNow().UtcDateTime : null;
        await db.SaveChangesAsync(ct);
        return this.Done(Here(slug), unit.ArchivedAt is null ? $"Unit \"{unit.Name}\" tampil lagi di portal." : $"Unit \"{unit.Name}\" diarsipkan: tidak tampil lagi di portal.");
    }

    private static string Here(string slug) => $"/admin/opd/{slug}/unit";

    private PageResult Invalid(string message)
    {
        Problem = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken ct)
    {
        var opd = Shared.Slug.IsWellFormed(slug)
            ? await db.Opds.Include(o => o.Units.OrderBy(u => u.ArchivedAt != null).ThenBy(u => u.SortOrder)).FirstOrDefaultAsync(o => o.Slug == slug && o.ArchivedAt == null, ct)
            : null;
        if (opd is null)
        {
            return NotFound();
        }
        if (!User.Can(OpdRight.Edit, opd.Id))
        {
            return Forbid();
        }
        Opd = opd;
        return null;
    }
}
