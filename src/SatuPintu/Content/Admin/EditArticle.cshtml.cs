using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Accounts;
using SatuPintu.Content.Uploads;
using SatuPintu.Data;
using SatuPintu.Directory;
using SatuPintu.Hosting;
using SatuPintu.Shared;

namespace SatuPintu.Content.Admin;

/// <summary>
/// /admin/artikel/baru and /admin/artikel/{id}: the editor's form (Markdown, sanitized on save) and the
/// workflow buttons. Every action goes through <see cref="ArticlePublishing"/>, as the API does.
/// </summary>
[UploadLimits]
public sealed partial class EditArticleModel(ArticlePublishing publishing, DocumentPublishing documents, SatuPintuDb db, RegionalClock clock, UploadStore uploads, UploadInspector inspector) : PageModel
{
    public sealed record Form
    {
        public string? Opd { get; set; }
        public string? Kind { get; set; } = "berita";
        public string? Title { get; set; }
        public string? Summary { get; set; }
        public string? Body { get; set; }
        public DateTime? EventStart { get; set; }
        public DateTime? EventEnd { get; set; }
        public string? EventPlace { get; set; }
        public string? Category { get; set; }
        public List<string> Tags { get; set; } = [];
        /// <summary>WIB; empty publishes now.</summary>
        public DateTime? PublishAt { get; set; }
        public string? Reason { get; set; }
        /// <summary>The version shown, so a save or publish of a version no longer current is refused.</summary>
        public int? Version { get; set; }
        /// <summary>The lead image uploaded with this form, kept across a refused save so it need not be chosen again.</summary>
        public int? LeadImageId { get; set; }
        public bool RemoveLeadImage { get; set; }
        public string? LeadImageAlt { get; set; }
        public string? LeadImageCaption { get; set; }
        public string? LeadImageCredit { get; set; }
        public string? Slug { get; set; }
        public string? AttachmentTitle { get; set; }
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    [BindProperty]
    public IFormFile? Image { get; set; }

    [BindProperty]
    public string? ImageAlt { get; set; }

    public Article? Article { get; private set; }
    public IReadOnlyList<(string Slug, string Name)> Opds { get; private set; } = [];
    public IReadOnlyList<(string Slug, string Name)> AllTags { get; private set; } = [];
    [TempData]
    public string? Message { get; set; }
    public string? Problem { get; private set; }

    public bool CanPublish => Article is not null && User.Can(OpdRight.Publish, Article.OpdId);
    public bool CanEdit => Article is null || ArticlePublishing.MayEdit(User, Article);

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            Article = await publishing.FindAsync(existing, ct);
            if (Article is null)
            {
                return NotFound();
            }
            if (!User.Can(OpdRight.Edit, Article.OpdId))
            {
                return Forbid();
            }
            Input = FromArticle(Article);
        }
        await LoadChoicesAsync(ct);
        if (ProposesCorrection && Proposal is { } proposal)
        {
            // The editor goes on from their own proposal, not from the published text.
            Input = Input with { Title = proposal.Title, Summary = proposal.Summary, Body = proposal.BodyMarkdown };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken ct)
    {
        if (await UploadLeadImageAsync(id, ct) is { } refused)
        {
            return refused;
        }
        var input = ToInput();
        var outcome = id is { } existing ? await publishing.UpdateAsync(User, existing, input, ct) : await publishing.CreateAsync(User, input, ct);
        if (outcome.Status == OutcomeStatus.Ok && await AttachAsync(outcome.Value!, ct) is { } attachRefused)
        {
            return attachRefused;
        }
        return await ShowAsync(id, outcome, id is null ? "Artikel disimpan sebagai draf." : "Perubahan disimpan.", ct, mainForm: true);
    }

    public async Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) =>
        await ShowAsync(id, await publishing.SubmitAsync(User, id, ct), "Artikel diajukan untuk ditinjau.", ct);

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct)
    {
        var at = Input.PublishAt is { } local ? clock.FromLocal(local) : (DateTime?)null;
        var outcome = await publishing.PublishAsync(User, id, at, ct, Input.Version);
        var message = outcome is { Status: OutcomeStatus.Ok, Value.Status: PublicationStatus.Scheduled }
            ? $"Artikel dijadwalkan terbit {clock.LongDateTime(outcome.Value.PublishAt!.Value)}."
            : "Artikel diterbitkan.";
        return await ShowAsync(id, outcome, message, ct);
    }

    public async Task<IActionResult> OnPostRejectAsync(int id, CancellationToken ct) =>
        await ShowAsync(id, await publishing.RejectAsync(User, id, Input.Reason, ct), "Artikel dikembalikan ke editor.", ct);

    public async Task<IActionResult> OnPostUnpublishAsync(int id, CancellationToken ct) =>
        await ShowAsync(id, await publishing.UnpublishAsync(User, id, ct), "Artikel ditarik dari portal dan kembali menjadi draf.", ct);

    /// <summary>
    /// Uploads an image (checked, re-encoded) and appends it to the body as Markdown. The editor's form posts
    /// its fields along with the file, so unsaved edits are saved with the image, and kept on the form when
    /// the image is refused; a bare upload (no form fields) appends to the stored article.
    /// </summary>
    public async Task<IActionResult> OnPostImageAsync(int id, CancellationToken ct)
    {
        var article = await publishing.FindAsync(id, ct);
        if (article is null)
        {
            return NotFound();
        }
        if (!ArticlePublishing.MayEdit(User, article))
        {
            return Forbid();
        }
        var typed = Request.HasFormContentType && Request.Form.ContainsKey("Input.Body");
        if (Image is null || Image.Length == 0)
        {
            return await ShowAsync(id, Outcome<Article>.Invalid(new Dictionary<string, string[]> { ["image"] = ["Pilih berkas gambar."] }), "", ct, mainForm: typed);
        }
        await using var stream = Image.OpenReadStream();
        var saved = await uploads.SaveImageAsync(User, article.OpdId, Image.FileName, stream, ImageAlt, ct);
        if (saved.Forbidden)
        {
            return Forbid();
        }
        if (saved.Error is not null)
        {
            return await ShowAsync(id, Outcome<Article>.Invalid(new Dictionary<string, string[]> { ["image"] = [saved.Error] }), "", ct, mainForm: typed);
        }
        var media = saved.Value!;
        var alt = (media.AltText ?? "").Replace("]", "", StringComparison.Ordinal);
        var current = typed ? ToInput() : ArticleInput.From(article);
        var input = current with { Body = $"{current.Body}\n\n![{alt}]({media.Url})" };
        var outcome = await publishing.UpdateAsync(User, id, input, ct);
        if (outcome.Status != OutcomeStatus.Ok && typed)
        {
            // The image is stored; its link stays in the typed body, to be saved once the form is right.
            Input = Input with { Body = input.Body };
        }
        return await ShowAsync(id, outcome, "Gambar diunggah dan disisipkan di akhir isi.", ct, mainForm: typed);
    }

    /// <summary>Asks first (<paramref name="confirm"/> unset shows the question); then the article goes to the bin.</summary>
    public async Task<IActionResult> OnPostDeleteAsync(int id, bool confirm, CancellationToken ct)
    {
        if (!confirm)
        {
            Article = await publishing.FindAsync(id, ct);
            if (Article is null || !User.Can(OpdRight.Edit, Article.OpdId))
            {
                return NotFound();
            }
            if (!User.Can(Review.RightToDelete(Article), Article.OpdId))
            {
                return Forbid();
            }
            ConfirmDelete = true;
            Input = FromArticle(Article);
            await LoadChoicesAsync(ct);
            return Page();
        }
        var outcome = await publishing.DeleteAsync(User, id, ct);
        return outcome.Status == OutcomeStatus.Ok
            ? this.Done("/admin/artikel", $"Artikel \"{outcome.Value!.Title}\" dipindahkan ke Tempat sampah. Dapat dipulihkan selama {ArticlePublishing.BinDays} hari.")
            : await ShowAsync(id, outcome, "", ct);
    }

    /// <summary>
    /// A change that went through redirects (POST/redirect/GET). A refused one shows the form again: as typed
    /// when it was the form's own save (<paramref name="mainForm"/>), as stored after a refused side action
    /// (submit, publish, reject …), whose own fields (reason, time) keep what was typed.
    /// </summary>
    private async Task<IActionResult> ShowAsync(int? id, Outcome<Article> outcome, string success, CancellationToken ct, bool mainForm = false)
    {
        if (this.Refusal(outcome) is { } refusal)
        {
            return refusal;
        }
        if (outcome.Status == OutcomeStatus.Ok)
        {
            return this.Done($"/admin/artikel/{outcome.Value!.Id}", success);
        }
        // The image has its own form, outside Input.
        if (this.ShowErrors(outcome, f => f switch { "image" => nameof(Image), "leadImage" => nameof(LeadImageFile), "attachment" => nameof(Attachment), _ => null }) is { } status)
        {
            Problem = outcome.Message;
            Response.StatusCode = status;
        }
        Article = id is { } existing ? await publishing.FindAsync(existing, ct) : null;
        if (mainForm && outcome.Status == OutcomeStatus.Conflict && Article is not null)
        {
            // What was typed stays; saving again is a deliberate overwrite of the newer version.
            Problem += " Atau simpan lagi untuk menimpanya dengan isian Anda di bawah.";
            ModelState.Remove("Input.Version");
            Input = Input with { Version = Article.Version };
        }
        if (Article is not null && !User.Can(OpdRight.Edit, Article.OpdId))
        {
            // Whoever may not edit the article sees nothing of it, whatever the outcome says.
            return Forbid();
        }
        if (Article is not null && !mainForm)
        {
            Input = FromArticle(Article) with { Reason = Input.Reason, PublishAt = Input.PublishAt };
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    private ArticleInput ToInput() => new()
    {
        Opd = Input.Opd, Kind = Input.Kind, Title = Input.Title, Summary = Input.Summary, Body = Input.Body,
        EventStart = Input.EventStart is { } s ? clock.FromLocal(s) : null,
        EventEnd = Input.EventEnd is { } e ? clock.FromLocal(e) : null,
        EventPlace = Input.EventPlace, Category = Input.Category, Tags = Input.Tags, Version = Input.Version,
        LeadImageId = Input.LeadImageId, RemoveLeadImage = Input.RemoveLeadImage,
        // An emptied field clears the value; the API's null keeps it.
        LeadImageAlt = Input.LeadImageAlt ?? "", LeadImageCaption = Input.LeadImageCaption ?? "", LeadImageCredit = Input.LeadImageCredit ?? "",
        Slug = string.IsNullOrWhiteSpace(Input.Slug) ? null : Input.Slug.Trim(),
    };

    private Form FromArticle(Article a) => new()
    {
        Opd = a.Opd?.Slug, Kind = a.Kind.UrlWord(), Title = a.Title, Summary = a.Summary, Body = a.BodyMarkdown ?? a.BodyHtml,
        EventStart = a.EventStart is { } s ? clock.ToLocal(s) : null, EventEnd = a.EventEnd is { } e ? clock.ToLocal(e) : null,
        EventPlace = a.EventPlace, Category = a.Category, Tags = a.Tags.Select(t => t.Slug).ToList(), Version = a.Version,
        LeadImageAlt = a.LeadImage?.AltText, LeadImageCaption = a.LeadImageCaption, LeadImageCredit = a.LeadImageCredit, Slug = a.Slug,
    };

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        await LoadExtrasAsync(ct);
        Opds = await EditableOpds.ChoicesAsync(db, User, ct);
        AllTags = (await db.Tags.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Slug, t.Name }).ToListAsync(ct)).Select(t => (t.Slug, t.Name)).ToList();
        if (Input.Opd is null && Opds.Count == 1)
        {
            Input.Opd = Opds[0].Slug;
        }
    }
}
