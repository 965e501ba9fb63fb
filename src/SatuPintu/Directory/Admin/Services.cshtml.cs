using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Accounts;
using SatuPintu.Content;
using SatuPintu.Data;
using SatuPintu.Shared;

namespace SatuPintu.Directory.Admin;

/// <summary>/admin/opd/{slug}/layanan: the OPD's public services (standar pelayanan), kept by its own people.</summary>
public sealed class ServicesModel(SatuPintuDb db, TimeProvider time) : PageModel
{
    [BindProperty]
    public ServiceInput Input { get; set; } = new();

    public Opd Opd { get; private set; } = null!;
    [TempData]
    public string? Message { get; set; }
    public string? Problem { get; private set; }
    public bool IsAdmin => User.IsAdmin();

    public async Task<IActionResult> OnGetAsync(string slug, int? ubah, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refusal)
        {
            return refusal;
        }
        if (ubah is { } id && Opd.Services.FirstOrDefault(s => s.Id == id) is { } s)
        {
            Input = ServiceInput.From(s);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refusal)
        {
            return refusal;
        }
        var errors = Input.Check(IsAdmin);
        if (errors.Count > 0)
        {
            ModelState.AddFieldErrors(errors.ToDictionary());
            return Invalid("Belum tersimpan: " + ModelState.AllMessages());
        }
        var name = HtmlCleaner.PlainText(Input.Name);
        PublicService service;
        if (Input.Id is { } id)
        {
            if (Opd.Services.FirstOrDefault(s => s.Id == id) is not { } existing)
            {
                return Invalid("Layanan yang diubah tidak ada di OPD ini.");
            }
            service = existing;
        }
        else
        {
            var baseSlug = Shared.Slug.From(name, 100) is { Length: > 0 } b ? b : "layanan";
            var serviceSlug = baseSlug;
            for (var n = 2; Opd.Services.Any(s => s.Slug == serviceSlug); n++)
            {
                serviceSlug = $"{baseSlug}-{n}";
            }
            service = new PublicService { OpdId = Opd.Id, Slug = serviceSlug, Name = name, SortOrder = Opd.Services.Count };
            db.PublicServices.Add(service);
        }
        Input.ApplyTo(service, IsAdmin, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return this.Done($"/admin/opd/{slug}/layanan", $"Layanan \"{name}\" disimpan.");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string slug, int id, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refusal)
        {
            return refusal;
        }
        var service = Opd.Services.FirstOrDefault(s => s.Id == id);
        if (service is null)
        {
            return NotFound();
        }
        db.PublicServices.Remove(service);
        await db.SaveChangesAsync(ct);
        return this.Done($"/admin/opd/{slug}/layanan", $"Layanan \"{service.Name}\" dihapus.");
    }

    private PageResult Invalid(string message)
    {
        Problem = message;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken ct)
    {
        var opd = Shared.Slug.IsWellFormed(slug)
            ? await db.Opds.Include(o => o.Services.OrderBy(s => s.SortOrder)).FirstOrDefaultAsync(o => o.Slug == slug && o.ArchivedAt == null, ct)
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
