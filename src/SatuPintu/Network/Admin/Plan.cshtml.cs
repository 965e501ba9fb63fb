using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Shared;
using SatuPintu.Data;

namespace SatuPintu.Network.Admin;

/// <summary>/admin/jaringan/rencana: the uplinks at the core and the rollout phases with their progress.</summary>
public sealed class PlanModel(SatuPintuDb db, PlanEditing editing, NetworkProgress progress) : PageModel
{
    [BindProperty]
    public UplinkInput Uplink { get; set; } = new();

    [BindProperty]
    public PhaseInput Phase { get; set; } = new() { TargetYear = 2026 };

    public IReadOnlyList<Uplink> Uplinks { get; private set; } = [];
    public NetworkSnapshot Snapshot { get; private set; } = null!;
    public string? Message { get; private set; }
    public string? Problem { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "ok")] string? done, [FromQuery(Name = "uplink")] int? editUplink, [FromQuery(Name = "tahap")] int? editPhase, CancellationToken ct)
    {
        Message = NetworkPages.DoneMessage(done);
        await LoadAsync(ct);
        if (Uplinks.FirstOrDefault(u => u.Id == editUplink) is { } u)
        {
            Uplink = new UplinkInput { Id = u.Id, Provider = u.Provider, Mbps = u.Mbps, MonthlyCostRupiah = u.MonthlyCostRupiah, ContractStart = u.ContractStart, ContractEnd = u.ContractEnd, Notes = u.Notes };
        }
        if (editPhase is { } p && await db.NetworkPhases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == p, ct) is { } phase)
        {
            Phase = new PhaseInput { Id = phase.Id, Name = phase.Name, TargetYear = phase.TargetYear, Description = phase.Description };
        }
    }

    public Task<IActionResult> OnPostUplinkAsync(CancellationToken ct) =>
        HandleAsync("Uplink.", "uplink", "Uplink tidak disimpan: ", () => editing.SaveUplinkAsync(User, Uplink, ct), ct);

    public Task<IActionResult> OnPostDeleteUplinkAsync([FromQuery(Name = "id")] int id, CancellationToken ct) =>
        HandleAsync("Uplink.", "uplink-hapus", "Uplink tidak dihapus: ", () => editing.DeleteUplinkAsync(User, id, ct), ct);

    public Task<IActionResult> OnPostPhaseAsync(CancellationToken ct) =>
        HandleAsync("Phase.", "tahap", "Tahap tidak disimpan: ", () => editing.SavePhaseAsync(User, Phase, ct), ct);

    private async Task<IActionResult> HandleAsync(string prefix, string done, string failure, Func<Task<NetworkOutcome>> act, CancellationToken ct)
    {
        if (!User.MayChangeNetwork())
        {
            return Forbid();
        }
        if (!ModelState.BindingFailed())
        {
            var outcome = await act();
            if (this.Refusal(outcome) is { } refusal)
            {
                return refusal;
            }
            if (outcome.Status == OutcomeStatus.Ok)
            {
                return Redirect($"/admin/jaringan/rencana?ok={done}");
            }
            ModelState.AddErrors(outcome, prefix);
        }
        Problem = failure + ModelState.AllMessages();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Uplinks = await db.NetworkUplinks.AsNoTracking().OrderBy(u => u.ContractStart).ThenBy(u => u.Provider).ToListAsync(ct);
        Snapshot = await progress.SnapshotAsync(ct);
    }
}
