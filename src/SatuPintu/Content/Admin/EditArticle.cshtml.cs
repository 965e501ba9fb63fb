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
/// workflow buttons. Every action goes through <see cref="Publishing"/>, as the API does.
/// </summary>
[UploadLimits]
public sealed class EditArticleModel(Publishing publishing, SatuPintuDb db, RegionalClock clock, UploadStore uploads) : PageModel
{
    public sealed class Form
    {
        public string? Opd { get; set; }
        public string? Kind { get; set; } = "berita";
        public string? Title { get; set; }
        public string? Summary { get; set; }
        public string? Body { get; set; }
        public DateTime? EventStart { get; set; }
        public DateTime? EventEnd { get; set; }
        public string? EventPlace { get; set; }
        public List<string> Tags { get; set; } = [];
        /// <summary>WIB; empty publishes now.</summary>
        public DateTime? PublishAt { get; set; }
        public string? Reason { get; set; }
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
    public string? Message { get; private set; }
    public string? Problem { get; private set; }

    public bool CanPublish => Article is not null && User.Can(OpdRight.Publish, Article.OpdId);
    public bool CanEdit => Article is null || Publishing.MayEdit(User, Article);

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
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken ct)
    {
        var input = ToInput();
        var outcome = id is { } existing ? await publishing.UpdateAsync(User, existing, input, ct) : await publishing.CreateAsync(User, input, ct);
        if (outcome.Status == EditStatus.Ok && id is null)
        {
            return Redirect($"/admin/artikel/{outcome.Article!.Id}?disimpan=1");
        }
        return await ShowAsync(id, outcome, "Perubahan disimpan.", ct);
    }

    public async Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) =>
        await ShowAsync(id, await publishing.SubmitAsync(User, id, ct), "Artikel diajukan untuk ditinjau.", ct);

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct)
    {
        var at = Input.PublishAt is { } local ? clock.FromLocal(local) : (DateTime?)null;
        var outcome = await publishing.PublishAsync(User, id, at, ct);
        var message = outcome.Article?.Status == PublicationStatus.Scheduled
            ? $"Artikel dijadwalkan terbit {clock.LongDateTime(outcome.Article.PublishAt!.Value)}."
            : "Artikel diterbitkan.";
        return await ShowAsync(id, outcome, message, ct);
    }

    public async Task<IActionResult> OnPostRejectAsync(int id, CancellationToken ct) =>
        await ShowAsync(id, await publishing.RejectAsync(User, id, Input.Reason, ct), "Artikel dikembalikan ke editor.", ct);

    public async Task<IActionResult> OnPostUnpublishAsync(int id, CancellationToken ct) =>
        await ShowAsync(id, await publishing.UnpublishAsync(User, id, ct), "Artikel ditarik dari portal dan kembali menjadi draf.", ct);

    /// <summary>Uploads an image (checked, re-encoded) and appends it to the body as Markdown.</summary>
    public async Task<IActionResult> OnPostImageAsync(int id, CancellationToken ct)
    {
        var article = await publishing.FindAsync(id, ct);
        if (article is null)
        {
            return NotFound();
        }
        if (!Publishing.MayEdit(User, article))
        {
            return Forbid();
        }
        if (Image is null || Image.Length == 0)
        {
            return await ShowAsync(id, EditOutcome.Invalid(new Dictionary<string, string[]> { ["image"] = ["Pilih berkas gambar."] }), "", ct);
        }
        await using var stream = Image.OpenReadStream();
        var saved = await uploads.SaveImageAsync(User, article.OpdId, Image.FileName, stream, ImageAlt, ct);
        if (saved.Forbidden)
        {
            return Forbid();
        }
        if (saved.Error is not null)
        {
            return await ShowAsync(id, EditOutcome.Invalid(new Dictionary<string, string[]> { ["image"] = [saved.Error] }), "", ct);
        }
        var media = saved.Value!;
        var alt = (media.AltText ?? "").Replace("]", "", StringComparison.Ordinal);
        var input = ArticleInput.From(article) with { Body = $"{article.BodyMarkdown}\n\n![{alt}]({media.Url})" };
        return await ShowAsync(id, await publishing.UpdateAsync(User, id, input, ct), "Gambar diunggah dan disisipkan di akhir isi.", ct);
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var outcome = await publishing.DeleteAsync(User, id, ct);
        return outcome.Status == EditStatus.Ok ? Redirect("/admin/artikel") : await ShowAsync(id, outcome, "", ct);
    }

    private async Task<IActionResult> ShowAsync(int? id, EditOutcome outcome, string success, CancellationToken ct)
    {
        if (this.Refusal(outcome.Status) is { } refusal)
        {
            return refusal;
        }
        // The image has its own form, outside Input.
        if (this.ShowErrors(outcome.Status, outcome.Errors, f => f == "image" ? nameof(Image) : null) is { } status)
        {
            Problem = outcome.Message;
            Response.StatusCode = status;
        }
        else
        {
            Message = success;
        }
        Article = id is { } existing ? await publishing.FindAsync(existing, ct) : null;
        if (Article is not null && !User.Can(OpdRight.Edit, Article.OpdId))
        {
            // Whoever may not edit the article sees nothing of it, whatever the outcome says.
            return Forbid();
        }
        if (Article is not null && outcome.Status == EditStatus.Ok)
        {
            Input = FromArticle(Article);
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    private ArticleInput ToInput() => new()
    {
        Opd = Input.Opd, Kind = Input.Kind, Title = Input.Title, Summary = Input.Summary, Body = Input.Body,
        EventStart = Input.EventStart is { } s ? clock.FromLocal(s) : null,
        EventEnd = Input.EventEnd is { } e ? clock.FromLocal(e) : null,
        EventPlace = Input.EventPlace, Tags = Input.Tags,
    };

    private Form FromArticle(Article a) => new()
    {
        Opd = a.Opd?.Slug, Kind = a.Kind.UrlWord(), Title = a.Title, Summary = a.Summary, Body = a.BodyMarkdown ?? a.BodyHtml,
        EventStart = a.EventStart is { } s ? clock.ToLocal(s) : null, EventEnd = a.EventEnd is { } e ? clock.ToLocal(e) : null,
        EventPlace = a.EventPlace, Tags = a.Tags.Select(t => t.Slug).ToList(),
    };

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Opds = await EditableOpds.ChoicesAsync(db, User, ct);
        AllTags = (await db.Tags.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Slug, t.Name }).ToListAsync(ct)).Select(t => (t.Slug, t.Name)).ToList();
        if (Input.Opd is null && Opds.Count == 1)
        {
            Input.Opd = Opds[0].Slug;
        }
    }
}
