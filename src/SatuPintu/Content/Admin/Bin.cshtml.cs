using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SatuPintu.Shared;

namespace SatuPintu.Content.Admin;

/// <summary>/admin/artikel/sampah: deleted articles of the user's OPDs, restorable until the purge takes them.</summary>
public sealed class BinModel(ArticlePublishing publishing) : PageModel
{
    public const int PageSize = 25;

    public PagedList<Article> List { get; private set; } = new([], new PageRequest(1, PageSize), 0);
    [TempData]
    public string? Message { get; set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var page = PageRequest.Parse(Request.Query, PageSize, out var error);
        if (page is null)
        {
            return this.Answer(400, error!);
        }
        List = await publishing.BinAsync(User, page, ct);
        return Page();
    }

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
        List = await publishing.BinAsync(User, PageRequest.Parse(Request.Query, PageSize, out _) ?? new PageRequest(1, PageSize), ct);
        return Page();
    }
}
