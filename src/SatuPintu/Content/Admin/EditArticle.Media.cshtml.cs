using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Accounts;
using SatuPintu.Shared;

namespace SatuPintu.Content.Admin;

/// <summary>The article form's lead image, attached documents and corrections.</summary>
public sealed partial class EditArticleModel
{
    [BindProperty]
    public IFormFile? LeadImageFile { get; set; }

    [BindProperty]
    public IFormFile? Attachment { get; set; }

    public bool ConfirmDelete { get; private set; }
    public Uploads.MediaFile? LeadImagePreview { get; private set; }
    public IReadOnlyList<Document> Attachments { get; private set; } = [];
    /// <summary>The correction waiting for a reviewer, if any.</summary>
    public ArticleRevision? Proposal { get; private set; }

    /// <summary>A published article whose editor may not change it directly: the form proposes a correction instead.</summary>
    public bool ProposesCorrection => Article is { Status: PublicationStatus.Published } a && !User.Can(OpdRight.Publish, a.OpdId) && User.Can(OpdRight.Edit, a.OpdId);

    public async Task<IActionResult> OnPostProposeAsync(int id, CancellationToken ct) =>
        await ShowAsync(id, await publishing.ProposeCorrectionAsync(User, id, ToInput(), ct),
            "Koreksi diusulkan. Versi yang terbit tetap tampil sampai peninjau menerimanya.", ct, mainForm: true);

    public async Task<IActionResult> OnPostAcceptCorrectionAsync(int id, CancellationToken ct) =>
        await ShowAsync(id, await publishing.AcceptCorrectionAsync(User, id, Input.Version, ct), "Koreksi diterima dan sudah tampil di portal.", ct);

    public async Task<IActionResult> OnPostDeclineCorrectionAsync(int id, CancellationToken ct) =>
        await ShowAsync(id, await publishing.DeclineCorrectionAsync(User, id, Input.Version, ct), "Koreksi tidak diterima; versi yang terbit tetap.", ct);

    /// <summary>
    /// A chosen lead image is uploaded before the article is saved, so a refused save keeps it (its id rides
    /// in the form). Without alt text nothing is uploaded and the form comes back as typed.
    /// </summary>
    private async Task<IActionResult?> UploadLeadImageAsync(int? id, CancellationToken ct)
    {
        if (LeadImageFile is not { Length: > 0 } file)
        {
            return null;
        }
        if (string.IsNullOrWhiteSpace(Input.LeadImageAlt))
        {
            return await ShowAsync(id, Outcome<Article>.Invalid(new Dictionary<string, string[]>
            {
                ["leadImageAlt"] = ["Tulis teks alternatif gambar utama: apa yang tampak di gambar, untuk pembaca yang tidak dapat melihatnya. Pilih berkas gambarnya lagi."],
            }), "", ct, mainForm: true);
        }
        var opd = await db.Opds.AsNoTracking().Where(o => o.Slug == Input.Opd).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
        if (opd is null)
        {
            // The save reports the missing OPD; the image is chosen again with it.
            return null;
        }
        await using var stream = file.OpenReadStream();
        var saved = await uploads.SaveImageAsync(User, opd.Value, file.FileName, stream, Input.LeadImageAlt, ct);
        if (saved.Forbidden)
        {
            return Forbid();
        }
        if (saved.Error is not null)
        {
            return await ShowAsync(id, Outcome<Article>.Invalid(new Dictionary<string, string[]> { ["leadImage"] = [saved.Error] }), "", ct, mainForm: true);
        }
        ModelState.Remove("Input.LeadImageId");
        Input = Input with { LeadImageId = saved.Value!.Id, RemoveLeadImage = false };
        return null;
    }

    /// <summary>Attaches the chosen document to the saved article; it waits for the article (or a reviewer) to go out.</summary>
    private async Task<IActionResult?> AttachAsync(Article article, CancellationToken ct)
    {
        if (Attachment is not { Length: > 0 } file)
        {
            return null;
        }
        var (bytes, error) = await inspector.ReadAsync(file.OpenReadStream(), ct);
        var title = string.IsNullOrWhiteSpace(Input.AttachmentTitle) ? Path.GetFileNameWithoutExtension(file.FileName) : Input.AttachmentTitle;
        var outcome = bytes is null ? null : await documents.UploadAsync(User, article.Opd?.Slug, title, null, null, file.FileName, bytes, ct, article: article);
        if (outcome is { Status: OutcomeStatus.Ok })
        {
            return null;
        }
        var why = error ?? string.Join(" ", outcome!.Errors?.Values.SelectMany(v => v) ?? [outcome.Message ?? ""]);
        return this.Done($"/admin/artikel/{article.Id}", $"Artikel disimpan, tetapi lampiran tidak: {why} Pilih berkasnya lagi.");
    }

    private async Task LoadExtrasAsync(CancellationToken ct)
    {
        var leadId = Input.LeadImageId ?? Article?.LeadImageId;
        LeadImagePreview = Input.RemoveLeadImage || leadId is null ? null : await db.MediaFiles.AsNoTracking().FirstOrDefaultAsync(m => m.Id == leadId, ct);
        if (Article is null)
        {
            return;
        }
        var articleId = Article.Id;
        Attachments = await db.Documents.AsNoTracking().Where(d => d.ArticleId == articleId).OrderBy(d => d.Id).ToListAsync(ct);
        Proposal = await publishing.ProposalAsync(Article, ct);
    }
}
