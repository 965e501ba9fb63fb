using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Shared;
using SatuPintu.Data;

namespace SatuPintu.Network.Admin;

/// <summary>/admin/jaringan: every site with its state, the capacity figure, a free-space view of a block, and a new site.</summary>
public sealed class SitesModel(SatuPintuDb db, SiteEditing editing, NetworkProgress progress) : PageModel
{
    [BindProperty]
    public SiteInput Input { get; set; } = new();

    [FromQuery(Name = "blok")]
    public string? Block { get; set; }

    public NetworkSnapshot Snapshot { get; private set; } = null!;
    public IReadOnlyList<string> FreeBlocks { get; private set; } = [];
    public string? BlockError { get; private set; }
    public string? Problem { get; private set; }
    public string? Message { get; private set; }
    public EditSiteModel.Choices Options { get; private set; } = null!;

    public async Task OnGetAsync([FromQuery(Name = "ok")] string? done, CancellationToken ct)
    {
        Message = NetworkPages.DoneMessage(done);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (!ModelState.BindingFailed())
        {
            var outcome = await editing.SaveSiteAsync(User, null, Input, ct);
            if (this.Refusal(outcome) is { } refusal)
            {
                return refusal;
            }
            if (outcome.Status == OutcomeStatus.Ok)
            {
                return Redirect($"/admin/jaringan/lokasi/{outcome.Id}?ok=lokasi");
            }
            ModelState.AddErrors(outcome, "Input.");
        }
        Problem = "Lokasi tidak dibuat: " + ModelState.AllMessages();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Snapshot = await progress.SnapshotAsync(ct);
        Options = await EditSiteModel.Choices.LoadAsync(db, ct);
        if (!string.IsNullOrWhiteSpace(Block))
        {
            if (SubnetRules.TryParse(Block, out var parent, out var error))
            {
                var used = (await db.NetworkSubnets.AsNoTracking().Where(n => n.Family == SubnetRules.Family(parent)).Select(n => n.Cidr).ToListAsync(ct))
                    .Select(c => SubnetRules.TryParse(c, out var n, out _) ? n : null).OfType<System.Net.IPNetwork2>();
                FreeBlocks = [.. SubnetRules.FreeSpace(parent, used).Select(SubnetRules.Normalise)];
            }
            else
            {
                BlockError = error;
            }
        }
    }
}
