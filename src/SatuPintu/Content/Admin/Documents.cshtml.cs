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
[UploadLimits]
public sealed class DocumentsModel(SatuPintuDb db, DocumentPublishing documents, Microsoft.Extensions.Options.IOptions<UploadOptions> options) : PageModel
{
    public sealed class Form
    {
        public string? Opd { get; set; }
        public string? Title { get; set; }
        public string? Description { get; set; }
        public string? Category { get; set; }
        public string? RegulationNumber { get; set; }
        public string? RegulationYear { get; set; }
        public string? RegulationStatus { get; set; }
        public IFormFile? File { get; set; }
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    public IReadOnlyList<Document> Documents { get; private set; } = [];
    public IReadOnlyList<(string Slug, string Name)> Opds { get; private set; } = [];
    [TempData]
    public string? Message { get; set; }
    public string? Problem { get; private set; }

    /// <summary>The name of the file sent with a refused upload: a browser never puts a chosen file back into the form.</summary>
    public string? ChooseFileAgain { get; private set; }
    public long MaxBytes => options.Value.MaxBytes;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        byte[]? data = null;
        if (Input.File is { Length: > 0 } file && file.Length <= options.Value.MaxBytes)
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, ct);
            data = buffer.ToArray();
        }
        var outcome = await documents.UploadAsync(User, Input.Opd, Input.Title, Input.Description, Input.Category, Input.File?.FileName, data, ct, Input.File?.Length,
            regulation: new RegulationFacts(Input.RegulationNumber, Input.RegulationYear, Input.RegulationStatus) { CategoryRequired = true });
        return await AnswerAsync(outcome, d => d.Status == PublicationStatus.Published
            ? $"Dokumen \"{d.Title}\" diterbitkan."
            : $"Dokumen \"{d.Title}\" diunggah dan menunggu tinjauan.", ct);
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct) =>
        await AnswerAsync(await documents.PublishAsync(User, id, ct), d => $"Dokumen \"{d.Title}\" diterbitkan.", ct);

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct) =>
        await AnswerAsync(await documents.DeleteAsync(User, id, ct), d => $"Dokumen \"{d.Title}\" dihapus.", ct);

    private async Task<IActionResult> AnswerAsync(Outcome<Document> outcome, Func<Document, string> success, CancellationToken ct)
    {
        if (this.Refusal(outcome) is { } refusal)
        {
            return refusal;
        }
        if (outcome.IsOk)
        {
            return this.Done("/admin/dokumen", success(outcome.Value!));
        }
        ModelState.AddFieldErrors(outcome.Errors);
        return await InvalidAsync(ct);
    }

    private async Task<IActionResult> InvalidAsync(CancellationToken ct)
    {
        Problem = "Dokumen tidak disimpan: " + ModelState.AllMessages();
        ChooseFileAgain = Input.File is { Length: > 0 } sent ? Path.GetFileName(sent.FileName) : null;
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

}
