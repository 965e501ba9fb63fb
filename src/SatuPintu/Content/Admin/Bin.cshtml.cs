using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SatuPintu.Shared;

namespace SatuPintu.Content.Admin;

/// <summary>/admin/artikel/sampah: deleted articles of the user's OPDs, restorable until the purge takes them.</summary>
public sealed class BinModel(ArticlePublishing publishing) : PageModel
{
    public IReadOnlyList<Article> Items { get; private set; } = [];
    [TempData]
    public string? Message { get; set; }
    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Items = await publishing.BinAsync(User, ct);

    public async Task<IActionResult> OnPostRestoreAsync(int id, CancellationToken ct)
    {
        var outcome = await publishing.RestoreFromBinAsync(User, id, ct);
        if (this.Refusal(outcome) is { } refusal)
        {
            return refusal;
        }
        if (outcome.Status == OutcomeStatus.Ok)
        {
            return this.Done($"/admin/artikel/{id}", $"Artikel \"{outcome.Value!.Title}\" dipulihkan sebagai draf.");
        }
        Problem = outcome.Message;
        Response.StatusCode = StatusCodes.Status409Conflict;
        Items = await publishing.BinAsync(User, ct);
        return Page();
    }
}
