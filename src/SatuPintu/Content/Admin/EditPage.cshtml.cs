using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SatuPintu.Accounts;
using SatuPintu.Data;
using SatuPintu.Directory;
using SatuPintu.Shared;

namespace SatuPintu.Content.Admin;

/// <summary>
/// /admin/halaman/baru and /admin/halaman/{id}: a static page's form and its workflow buttons.
/// Every action goes through <see cref="PagePublishing"/>, as the API does.
/// </summary>
public sealed class EditPageModel(PagePublishing publishing, SatuPintuDb db) : PageModel
{
    public sealed record Form
    {
        public string? Opd { get; set; }
        public string? Slug { get; set; }
        public string? Title { get; set; }
        public string? Body { get; set; }
        public int? SortOrder { get; set; }
        public string? Reason { get; set; }
        /// <summary>The version shown, so a save or publish of a version no longer current is refused.</summary>
        public int? Version { get; set; }
    }

    [BindProperty]
    public Form Input { get; set; } = new();

    public Page? Item { get; private set; }
    public IReadOnlyList<(string Slug, string Name)> Opds { get; private set; } = [];
    [TempData]
    public string? Message { get; set; }
    public string? Problem { get; private set; }

    public bool CanPublish => Item is not null && PagePublishing.Can(User, OpdRight.Publish, Item.OpdId);
    public bool CanEdit => Item is null || PagePublishing.MayEdit(User, Item);

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            Item = await publishing.FindAsync(existing, ct);
            if (Item is null)
            {
                return NotFound();
            }
            if (!PagePublishing.Can(User, OpdRight.Edit, Item.OpdId))
            {
                return Forbid();
            }
            Input = FromPage(Item);
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken ct)
    {
        var input = new PageInput { Opd = Input.Opd, Slug = Input.Slug, Title = Input.Title, Body = Input.Body, SortOrder = Input.SortOrder, Version = Input.Version };
        var outcome = id is { } existing ? await publishing.UpdateAsync(User, existing, input, ct) : await publishing.CreateAsync(User, input, ct);
        return await ShowAsync(id, outcome, id is null ? "Halaman disimpan sebagai draf." : "Perubahan disimpan.", ct, mainForm: true);
    }

    public async Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken ct) =>
        await ShowAsync(id, await publishing.SubmitAsync(User, id, ct), "Halaman diajukan untuk ditinjau.", ct);

    public async Task<IActionResult> OnPostPublishAsync(int id, CancellationToken ct) =>
        await ShowAsync(id, await publishing.PublishAsync(User, id, ct, Input.Version), "Halaman diterbitkan.", ct);

    public async Task<IActionResult> OnPostRejectAsync(int id, CancellationToken ct) =>
        await ShowAsync(id, await publishing.RejectAsync(User, id, Input.Reason, ct), "Halaman dikembalikan ke editor.", ct);

    public async Task<IActionResult> OnPostUnpublishAsync(int id, CancellationToken ct) =>
        await ShowAsync(id, await publishing.UnpublishAsync(User, id, ct), "Halaman ditarik dari portal dan kembali menjadi draf.", ct);

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var outcome = await publishing.DeleteAsync(User, id, ct);
        return outcome.Status == OutcomeStatus.Ok
            ? this.Done("/admin/halaman", $"Halaman \"{outcome.Value!.Title}\" dihapus.")
            : await ShowAsync(id, outcome, "", ct);
    }

    /// <summary>
    /// A change that went through redirects (POST/redirect/GET). A refused one shows the form again: as typed
    /// when it was the form's own save (<paramref name="mainForm"/>), as stored after a refused side action
    /// (submit, publish, reject …), whose own field (the reason) keeps what was typed.
    /// </summary>
    private async Task<IActionResult> ShowAsync(int? id, Outcome<Page> outcome, string success, CancellationToken ct, bool mainForm = false)
    {
        if (this.Refusal(outcome) is { } refusal)
        {
            return refusal;
        }
        if (outcome.Status == OutcomeStatus.Ok)
        {
            return this.Done($"/admin/halaman/{outcome.Value!.Id}", success);
        }
        if (this.ShowErrors(outcome) is { } status)
        {
            Problem = outcome.Message;
            Response.StatusCode = status;
        }
        Item = id is { } existing ? await publishing.FindAsync(existing, ct) : null;
        if (mainForm && outcome.Status == OutcomeStatus.Conflict && Item is not null)
        {
            // What was typed stays; saving again is a deliberate overwrite of the newer version.
            Problem += " Atau simpan lagi untuk menimpanya dengan isian Anda di bawah.";
            ModelState.Remove("Input.Version");
            Input = Input with { Version = Item.Version };
        }
        if (Item is not null && !PagePublishing.Can(User, OpdRight.Edit, Item.OpdId))
        {
            // Whoever may not edit the page sees nothing of it, whatever the outcome says.
            return Forbid();
        }
        if (Item is not null && !mainForm)
        {
            Input = FromPage(Item) with { Reason = Input.Reason };
        }
        await LoadChoicesAsync(ct);
        return Page();
    }

    private static Form FromPage(Page p) => new() { Opd = p.Opd?.Slug ?? PageInput.Regency, Slug = p.Slug, Title = p.Title, Body = p.BodyMarkdown, SortOrder = p.SortOrder, Version = p.Version };

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Opds = await EditableOpds.ChoicesAsync(db, User, ct);
        if (Item?.Opd is { } owner && Opds.All(o => o.Slug != owner.Slug))
        {
            // An archived OPD is no longer a choice, but its page stays where it is unless moved on purpose.
            Opds = [(owner.Slug, owner.Name), .. Opds];
        }
        if (Item is null && Input.Opd is null && Opds.Count == 1 && !User.IsAdmin())
        {
            Input.Opd = Opds[0].Slug;
        }
    }
}
