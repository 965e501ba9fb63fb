using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Accounts;
using SatuPintu.Content.Uploads;
using SatuPintu.Data;
using SatuPintu.Directory;
using SatuPintu.Shared;

namespace SatuPintu.Content.Admin;

/// <summary>/admin/dokumen: upload documents (checked by content), publish an editor's upload, delete.</summary>
[RequestFormLimits(MultipartBodyLengthLimit = 210L * 1024 * 1024)]
[RequestSizeLimit(210L * 1024 * 1024)]
public sealed class DocumentsModel(SatuPintuDb db, UploadStore uploads, TimeProvider time, Microsoft.Extensions.Options.IOptions<UploadOptions> options) : PageModel
{
    public sealed class Form
    {
        public string? Opd { get; set; }
        public string? Title { get; set; }
        public string? Description { get; set; }
        public string? Category { get; set; }
        public IFormFile? File { get; set; }
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    public IReadOnlyList<Document> Documents { get; private set; } = [];
    public IReadOnlyList<(string Slug, string Name)> Opds { get; private set; } = [];
    public string? Message { get; private set; }
    public string? Problem { get; private set; }
    public long MaxBytes => options.Value.MaxBytes;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        var title = HtmlCleaner.PlainText(Input.Title);
        var opd = Slug.IsWellFormed(Input.Opd) ? await db.Opds.FirstOrDefaultAsync(o => o.Slug == Input.Opd && o.ArchivedAt == null, ct) : null;
        if (opd is null)
        {
            ModelState.AddModelError("Input.Opd", "Pilih perangkat daerah.");
        }
        if (title.Length is 0 or > 300)
        {
            ModelState.AddModelError("Input.Title", "Judul wajib diisi (paling banyak 300 karakter).");
        }
        if (Input.File is null || Input.File.Length == 0)
        {
            ModelState.AddModelError("Input.File", "Pilih berkas.");
        }
        else if (Input.File.Length > options.Value.MaxBytes)
        {
            ModelState.AddModelError("Input.File", $"Berkas terlalu besar ({Formats.FileSize(Input.File.Length)}); paling besar {Formats.FileSize(options.Value.MaxBytes)}.");
        }
        if (ModelState.ErrorCount > 0)
        {
            return await InvalidAsync(ct);
        }
        if (!User.Can(OpdRight.Edit, opd!.Id))
        {
            return Forbid();
        }
        using var buffer = new MemoryStream();
        await Input.File!.CopyToAsync(buffer, ct);
        var result = await uploads.SaveDocumentAsync(User, opd.Id, title, Clip(HtmlCleaner.PlainText(Input.Description), 1000), Clip(HtmlCleaner.PlainText(Input.Category), 80),
            Input.File.FileName, buffer.ToArray(), ct);
        if (result.Forbidden)
        {
            return Forbid();
        }
        if (result.Error is not null)
        {
            ModelState.AddModelError("Input.File", result.Error);
            return await InvalidAsync(ct);
        }
        Message = result.Value!.Status == PublicationStatus.Published
            ? $"Dokumen \"{result.Value.Title}\" diterbitkan."
            : $"Dokumen \"{result.Value.Title}\" diunggah dan menunggu tinjauan.";
        Input = new Form();
        ModelState.Clear();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct)
    {
        var doc = await db.Documents.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (doc is null)
        {
            return NotFound();
        }
        if (!User.Can(OpdRight.Publish, doc.OpdId))
        {
            return Forbid();
        }
        var now = time.GetUtcNow().UtcDateTime;
        doc.Status = PublicationStatus.Published;
        doc.PublishAt ??= now;
        doc.UpdatedAt = now;
        await db.SaveChangesAsync(ct);
        Message = $"Dokumen \"{doc.Title}\" diterbitkan.";
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var doc = await db.Documents.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (doc is null)
        {
            return NotFound();
        }
        var needed = doc.Status == PublicationStatus.Published ? OpdRight.Publish : OpdRight.Edit;
        if (!User.Can(needed, doc.OpdId))
        {
            return Forbid();
        }
        db.Documents.Remove(doc);
        await db.SaveChangesAsync(ct);
        Message = $"Dokumen \"{doc.Title}\" dihapus.";
        await LoadAsync(ct);
        return Page();
    }

    private async Task<IActionResult> InvalidAsync(CancellationToken ct)
    {
        Problem = "Dokumen tidak disimpan: " + string.Join(" ", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var mine = User.OpdsFor(OpdRight.Edit);
        var docs = db.Documents.AsNoTracking().Include(d => d.Opd).AsQueryable();
        if (mine is not null)
        {
            docs = docs.Where(d => mine.Contains(d.OpdId));
        }
        Opds = await EditableOpds.ChoicesAsync(db, User, ct);
        Documents = await docs.OrderByDescending(d => d.UpdatedAt).ThenByDescending(d => d.Id).Take(100).ToListAsync(ct);
        Input.Opd ??= Opds.Count == 1 ? Opds[0].Slug : null;
    }

    private static string? Clip(string s, int max) => s.Length == 0 ? null : s.Length <= max ? s : s[..max];
}
