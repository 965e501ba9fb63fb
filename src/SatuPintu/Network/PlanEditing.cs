using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Shared;
using SatuPintu.Data;

namespace SatuPintu.Network;

public sealed class UplinkInput
{
    public int? Id { get; set; }
    public string? Provider { get; set; }
    public int Mbps { get; set; }
    public long MonthlyCostRupiah { get; set; }
    public DateOnly? ContractStart { get; set; }
    public DateOnly? ContractEnd { get; set; }
    public string? Notes { get; set; }
}

public sealed class PhaseInput
{
    public int? Id { get; set; }
    public string? Name { get; set; }
    public int TargetYear { get; set; }
    public string? Description { get; set; }
}

public sealed class BudgetLineInput
{
    public int? Id { get; set; }
    public int FiscalYear { get; set; }
    public BudgetSource Source { get; set; }
    public BudgetItem Item { get; set; }
    public string? Description { get; set; }
    public long PlannedRupiah { get; set; }
    public long RealisedRupiah { get; set; }
    public int? PhaseId { get; set; }
}

/// <summary>Uplinks, phases and budget lines (admins only). Years are kept to the programme's plausible span.</summary>
public sealed class PlanEditing(SatuPintuDb db)
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;
    private const long MaxRupiah = 1_000_000_000_000_000;

    public async Task<NetworkOutcome> SaveUplinkAsync(ClaimsPrincipal user, UplinkInput input, CancellationToken ct)
    {
        if (!user.MayChangeNetwork())
        {
            return NetworkOutcome.Forbidden;
        }
        var e = new FieldErrors();
        var provider = e.Text(input.Provider, 200, "provider", "Penyedia", required: true);
        e.Range(input.Mbps, 1, 1_000_000, "mbps", "Bandwidth (Mbps)");
        e.Range(input.MonthlyCostRupiah, 0L, MaxRupiah, "monthlyCostRupiah", "Biaya bulanan (rupiah)");
        var notes = e.Text(input.Notes, 1000, "notes", "Catatan");
        if (input.ContractStart is null)
        {
            e.Add("contractStart", "Tanggal mulai kontrak wajib diisi.");
        }
        else if (input.ContractEnd is { } end && end < input.ContractStart)
        {
            e.Add("contractEnd", "Kontrak tidak dapat berakhir sebelum dimulai.");
        }
        if (e.Outcome("Uplink") is { } invalid)
        {
            return invalid;
        }
        var uplink = input.Id is { } id ? await db.NetworkUplinks.FirstOrDefaultAsync(u => u.Id == id, ct) : new Uplink { Provider = provider! };
        if (uplink is null)
        {
            return NetworkOutcome.NotFound("Uplink");
        }
        if (uplink.Id == 0)
        {
            db.NetworkUplinks.Add(uplink);
        }
        (uplink.Provider, uplink.Mbps, uplink.MonthlyCostRupiah, uplink.ContractStart, uplink.ContractEnd, uplink.Notes) =
            (provider!, input.Mbps, input.MonthlyCostRupiah, input.ContractStart!.Value, input.ContractEnd, notes);
        await db.SaveChangesAsync(ct);
        return new NetworkOutcome(OutcomeStatus.Ok, Id: uplink.Id);
    }

    public Task<NetworkOutcome> DeleteUplinkAsync(ClaimsPrincipal user, int id, CancellationToken ct) =>
        DeleteAsync(user, db.NetworkUplinks.Where(u => u.Id == id), "Uplink", ct);

    public async Task<NetworkOutcome> SavePhaseAsync(ClaimsPrincipal user, PhaseInput input, CancellationToken ct)
    {
        if (!user.MayChangeNetwork())
        {
            return NetworkOutcome.Forbidden;
        }
        var e = new FieldErrors();
        var name = e.Text(input.Name, 200, "name", "Nama tahap", required: true);
        e.Range(input.TargetYear, FirstYear, LastYear, "targetYear", "Target tahun");
        var description = e.Text(input.Description, 2000, "description", "Keterangan");
        if (name is not null && await db.NetworkPhases.AnyAsync(p => p.Name == name && p.Id != (input.Id ?? 0), ct))
        {
            e.Add("name", $"Tahap \"{name}\" sudah ada.");
        }
        if (e.Outcome("Tahap") is { } invalid)
        {
            return invalid;
        }
        var phase = input.Id is { } id ? await db.NetworkPhases.FirstOrDefaultAsync(p => p.Id == id, ct) : new Phase { Name = name! };
        if (phase is null)
        {
            return NetworkOutcome.NotFound("Tahap");
        }
        if (phase.Id == 0)
        {
            db.NetworkPhases.Add(phase);
        }
        (phase.Name, phase.TargetYear, phase.Description) = (name!, input.TargetYear, description);
        await db.SaveChangesAsync(ct);
        return new NetworkOutcome(OutcomeStatus.Ok, Id: phase.Id);
    }

    public async Task<NetworkOutcome> SaveBudgetLineAsync(ClaimsPrincipal user, BudgetLineInput input, CancellationToken ct)
    {
        if (!user.MayChangeNetwork())
        {
            return NetworkOutcome.Forbidden;
        }
        var e = new FieldErrors();
        e.Range(input.FiscalYear, FirstYear, LastYear, "fiscalYear", "Tahun anggaran");
        if (!Enum.IsDefined(input.Source))
        {
            e.Add("source", "Sumber anggaran tidak dikenal.");
        }
        if (!Enum.IsDefined(input.Item))
        {
            e.Add("item", "Jenis belanja tidak dikenal.");
        }
        e.Range(input.PlannedRupiah, 0L, MaxRupiah, "plannedRupiah", "Pagu (rupiah)");
        e.Range(input.RealisedRupiah, 0L, MaxRupiah, "realisedRupiah", "Realisasi (rupiah)");
        var description = e.Text(input.Description, 300, "description", "Uraian");
        if (input.PhaseId is { } phase && !await db.NetworkPhases.AnyAsync(p => p.Id == phase, ct))
        {
            e.Add("phaseId", "Tahap tidak ditemukan.");
        }
        if (e.Outcome("Baris anggaran") is { } invalid)
        {
            return invalid;
        }
        var line = input.Id is { } id ? await db.NetworkBudgetLines.FirstOrDefaultAsync(l => l.Id == id, ct) : new BudgetLine();
        if (line is null)
        {
            return NetworkOutcome.NotFound("Baris anggaran");
        }
        if (line.Id == 0)
        {
            db.NetworkBudgetLines.Add(line);
        }
        (line.FiscalYear, line.Source, line.Item, line.Description, line.PlannedRupiah, line.RealisedRupiah, line.PhaseId) =
            (input.FiscalYear, input.Source, input.Item, description, input.PlannedRupiah, input.RealisedRupiah, input.PhaseId);
        await db.SaveChangesAsync(ct);
        return new NetworkOutcome(OutcomeStatus.Ok, Id: line.Id);
    }

    public Task<NetworkOutcome> DeleteBudgetLineAsync(ClaimsPrincipal user, int id, CancellationToken ct) =>
        DeleteAsync(user, db.NetworkBudgetLines.Where(l => l.Id == id), "Baris anggaran", ct);

    private async Task<NetworkOutcome> DeleteAsync<T>(ClaimsPrincipal user, IQueryable<T> query, string what, CancellationToken ct) where T : class
    {
        if (!user.MayChangeNetwork())
        {
            return NetworkOutcome.Forbidden;
        }
        var item = await query.FirstOrDefaultAsync(ct);
        if (item is null)
        {
            return NetworkOutcome.NotFound(what);
        }
        db.Remove(item);
        await db.SaveChangesAsync(ct);
        return new NetworkOutcome(OutcomeStatus.Ok);
    }
}
