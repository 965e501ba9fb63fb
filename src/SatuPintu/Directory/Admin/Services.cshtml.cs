using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Accounts;
using SatuPintu.Content;
using SatuPintu.Data;
using SatuPintu.Shared;

namespace SatuPintu.Directory.Admin;

/// <summary>/admin/opd/{slug}/layanan: the OPD's public services (standar pelayanan), kept by its own people.</summary>
public sealed class ServicesModel(SatuPintuDb db) : PageModel
{
    public sealed class Form
    {
        public int? Id { get; set; }
        public string? Name { get; set; }
        public string? Description { get; set; }
        public string? Requirements { get; set; }
        public string? Procedure { get; set; }
        public string? Duration { get; set; }
        public string? Cost { get; set; }
        public string? Output { get; set; }
    }

    [BindProperty]
    public Form Input { get; set; } = new();

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
        if (ubah is { } id && Opd.Services.FirstOrDefault(s => s.Id == id) is { } s)
        {
            Input = new Form { Id = s.Id, Name = s.Name, Description = s.Description, Requirements = s.Requirements, Procedure = s.Procedure, Duration = s.Duration, Cost = s.Cost, Output = s.Output };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } refusal)
        {
            return refusal;
        }
        var name = HtmlCleaner.PlainText(Input.Name);
        if (name.Length is 0 or > 200)
        {
            return Invalid("Nama layanan wajib diisi (paling banyak 200 karakter).");
        }
        var texts = new[] { Input.Description, Input.Requirements, Input.Procedure, Input.Duration, Input.Cost, Input.Output };
        if (texts.Any(t => t?.Length > 5000))
        {
            return Invalid("Setiap isian paling banyak 5000 karakter.");
        }
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
        static string? Clean(string? t) => string.IsNullOrWhiteSpace(t) ? null : t.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        service.Name = name;
        service.Description = Clean(Input.Description);
        service.Requirements = Clean(Input.Requirements);
        service.Procedure = Clean(Input.Procedure);
        service.Duration = Clean(HtmlCleaner.PlainText(Input.Duration));
        service.Cost = Clean(HtmlCleaner.PlainText(Input.Cost));
        service.Output = Clean(HtmlCleaner.PlainText(Input.Output));
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
