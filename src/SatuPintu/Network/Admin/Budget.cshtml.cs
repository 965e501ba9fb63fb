using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;
using SatuPintu.Shared;

namespace SatuPintu.Network.Admin;

/// <summary>/admin/jaringan/anggaran?tahun=: budget lines of one fiscal year (pagu and realisasi), with the totals of every year.</summary>
public sealed class BudgetModel(SatuPintuDb db, PlanEditing editing, TimeProvider time) : PageModel
{
    [BindProperty]
    public BudgetLineInput Input { get; set; } = new();

    public int Year { get; private set; }
    public IReadOnlyList<BudgetLine> Lines { get; private set; } = [];
    public IReadOnlyList<(int Year, long Planned, long Realised)> Years { get; private set; } = [];
    public IReadOnlyList<(int Id, string Name)> Phases { get; private set; } = [];
    public string? Message { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "tahun")] int? year, [FromQuery(Name = "ok")] string? done, [FromQuery(Name = "ubah")] int? edit, CancellationToken ct)
    {
        if (year is < PlanEditing.FirstYear or > PlanEditing.LastYear)
        {
            return this.Answer(400, $"Tahun anggaran harus antara {PlanEditing.FirstYear} dan {PlanEditing.LastYear}.");
        }
        Message = NetworkPages.DoneMessage(done);
        await LoadAsync(year ?? time.GetUtcNow().Year, ct);
        Input = Lines.FirstOrDefault(l => l.Id == edit) is { } line
            ? new BudgetLineInput { Id = line.Id, FiscalYear = line.FiscalYear, Source = line.Source, Item = line.Item, Description = line.Description, PlannedRupiah = line.PlannedRupiah, RealisedRupiah = line.RealisedRupiah, PhaseId = line.PhaseId }
            : new BudgetLineInput { FiscalYear = Year };
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) =>
        HandleAsync("anggaran", "Baris anggaran tidak disimpan: ", Input.FiscalYear, () => editing.SaveBudgetLineAsync(User, Input, ct), ct);

    public Task<IActionResult> OnPostDeleteAsync([FromQuery(Name = "id")] int id, [FromQuery(Name = "tahun")] int? year, CancellationToken ct) =>
        HandleAsync("anggaran-hapus", "Baris anggaran tidak dihapus: ", year ?? time.GetUtcNow().Year, () => editing.DeleteBudgetLineAsync(User, id, ct), ct);

    private async Task<IActionResult> HandleAsync(string done, string failure, int year, Func<Task<NetworkOutcome>> act, CancellationToken ct)
    {
        if (!User.MayChangeNetwork())
        {
            return Forbid();
        }
        year = Math.Clamp(year, PlanEditing.FirstYear, PlanEditing.LastYear);
        if (!ModelState.BindingFailed())
        {
            var outcome = await act();
            if (this.Refusal(outcome) is { } refusal)
            {
                return refusal;
            }
            if (outcome.Status == OutcomeStatus.Ok)
            {
                return Redirect($"/admin/jaringan/anggaran?tahun={year}&ok={done}");
            }
            ModelState.AddErrors(outcome, "Input.");
        }
        Problem = failure + ModelState.AllMessages();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(year, ct);
        return Page();
    }

    private async Task LoadAsync(int year, CancellationToken ct)
    {
        Year = year;
        Lines = await db.NetworkBudgetLines.AsNoTracking().Include(l => l.Phase).Where(l => l.FiscalYear == year)
            .OrderBy(l => l.Source).ThenBy(l => l.Item).ThenBy(l => l.Id).ToListAsync(ct);
        Years = [.. (await db.NetworkBudgetLines.AsNoTracking().GroupBy(l => l.FiscalYear)
                .Select(g => new { Year = g.Key, Planned = g.Sum(l => l.PlannedRupiah), Realised = g.Sum(l => l.RealisedRupiah) }).ToListAsync(ct))
            .OrderBy(y => y.Year).Select(y => (y.Year, y.Planned, y.Realised))];
        Phases = [.. (await db.NetworkPhases.AsNoTracking().OrderBy(p => p.TargetYear).Select(p => new { p.Id, p.Name }).ToListAsync(ct)).Select(p => (p.Id, p.Name))];
    }
}
