using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;
using SatuPintu.Hosting;

namespace SatuPintu.Monitoring.Admin;

/// <summary>The check form; field names follow the API's.</summary>
public sealed class CheckForm
{
    public long? Id { get; set; }
    public string? Name { get; set; }
    public string? Kind { get; set; } = "tcp";
    public string? Target { get; set; }
    public int? IntervalSeconds { get; set; } = 60;
    public long? ParentId { get; set; }
    public string? Opd { get; set; }
    public int? FailuresToDown { get; set; } = 3;
    public int? SuccessesToUp { get; set; } = 2;
    public string? KeywordMust { get; set; }
    public string? KeywordMustNot { get; set; }
    public string? DnsServer { get; set; }
    public string? RecordType { get; set; }

    public CheckInput ToInput() => new(Name, Kind, Target, IntervalSeconds, ParentId, Opd, FailuresToDown, SuccessesToUp,
        KeywordMust: KeywordMust, KeywordMustNot: KeywordMustNot, RecordType: RecordType, DnsServer: DnsServer);
}

public sealed class MaintenanceForm
{
    public string? Title { get; set; }
    public long? CheckId { get; set; }
    public DateTime? StartsAt { get; set; }
    public DateTime? EndsAt { get; set; }
    /// <summary>Weekly: the days it recurs on (0 = Sunday … 6 = Saturday); none for a one-off window.</summary>
    public List<int> WeekDays { get; set; } = [];
    public int? DurationMinutes { get; set; }
}

/// <summary>/admin/pemantauan: checks with their state, the check form, pause/resume, incidents (acknowledge, note) and maintenance windows.</summary>
public sealed class ChecksModel(SatuPintuDb db, CheckEditing editing, IncidentBook incidents, RegionalClock clock, TimeProvider time) : PageModel
{
    [BindProperty]
    public CheckForm Input { get; set; } = new();

    [BindProperty]
    public MaintenanceForm Window { get; set; } = new();

    public IReadOnlyList<Check> Checks { get; private set; } = [];
    public IReadOnlyList<Incident> Incidents { get; private set; } = [];
    public IReadOnlyList<MaintenanceWindow> Windows { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task OnGetAsync([FromQuery(Name = "ok")] string? done, [FromQuery(Name = "ubah")] long? edit, CancellationToken ct)
    {
        Message = done switch { "cek" => "Pemeriksaan disimpan.", "jeda" => "Pemeriksaan dijeda.", "lanjut" => "Pemeriksaan dilanjutkan.", "insiden" => "Insiden dicatat.", "jadwal" => "Jadwal pemeliharaan disimpan.", _ => null };
        if (edit is { } id && await db.MonitorChecks.AsNoTracking().Include(c => c.Opd).FirstOrDefaultAsync(c => c.Id == id, ct) is { } c)
        {
            Input = new CheckForm
            {
                Id = c.Id, Name = c.Name, Kind = c.Kind.ToString().ToLowerInvariant(), Target = c.Target, IntervalSeconds = c.IntervalSeconds, ParentId = c.ParentCheckId,
                Opd = c.Opd?.Slug, FailuresToDown = c.FailuresToDown, SuccessesToUp = c.SuccessesToUp, KeywordMust = c.KeywordMust, KeywordMustNot = c.KeywordMustNot,
                DnsServer = c.DnsServer, RecordType = c.DnsRecordType,
            };
        }
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        var outcome = await editing.SaveAsync(Input.Id, Input.ToInput(), ct);
        if (outcome.IsOk)
        {
            return RedirectToPage(new { ok = "cek" });
        }
        foreach (var (field, messages) in outcome.Errors ?? new Dictionary<string, string[]>())
        {
            ModelState.AddModelError("Input." + char.ToUpperInvariant(field[0]) + field[1..], string.Join(" ", messages));
        }
        ModelState.AddModelError("", outcome.Message ?? "Isian belum benar.");
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostPauseAsync([FromQuery(Name = "id")] long id, CancellationToken ct) => PauseAsync(id, true, ct);

    public Task<IActionResult> OnPostResumeAsync([FromQuery(Name = "id")] long id, CancellationToken ct) => PauseAsync(id, false, ct);

    public async Task<IActionResult> OnPostAcknowledgeAsync([FromQuery(Name = "id")] long id, [FromForm(Name = "Note")] string? note, CancellationToken ct) =>
        await incidents.AcknowledgeAsync(id, User, note?.Length > 2000 ? note[..2000] : note, ct) ? RedirectToPage(new { ok = "insiden" }) : NotFound();

    public async Task<IActionResult> OnPostMaintenanceAsync(CancellationToken ct)
    {
        var w = Window;
        if (string.IsNullOrWhiteSpace(w.Title) || w.Title.Length > 200)
        {
            ModelState.AddModelError("Window.Title", "Judul wajib diisi (paling banyak 200 karakter).");
        }
        if (w.StartsAt is null || w.EndsAt is null || w.EndsAt <= w.StartsAt)
        {
            ModelState.AddModelError("Window.EndsAt", "Isi waktu mulai dan selesai; selesai harus sesudah mulai.");
        }
        if (w.WeekDays.Any(d => d is < 0 or > 6))
        {
            ModelState.AddModelError("Window.WeekDays", "Hari tidak dikenal.");
        }
        if (w.WeekDays.Count > 0 && w.DurationMinutes is not (>= 1 and <= 1440))
        {
            ModelState.AddModelError("Window.DurationMinutes", "Jadwal mingguan perlu lama pemeliharaan 1 sampai 1440 menit.");
        }
        if (w.CheckId is { } cid && !await db.MonitorChecks.AnyAsync(c => c.Id == cid, ct))
        {
            ModelState.AddModelError("Window.CheckId", "Pemeriksaan tidak ditemukan.");
        }
        if (ModelState.ErrorCount > 0)
        {
            await LoadAsync(ct);
            return Page();
        }
        db.MonitorMaintenanceWindows.Add(new MaintenanceWindow
        {
            Title = w.Title!.Trim(), CheckId = w.CheckId, StartsAt = clock.FromLocal(w.StartsAt!.Value), EndsAt = clock.FromLocal(w.EndsAt!.Value),
            CreatedBy = User.Identity?.Name, CreatedAt = time.GetUtcNow().UtcDateTime,
            WeekDays = w.WeekDays.Distinct().Sum(d => 1 << d), DurationMinutes = w.WeekDays.Count > 0 ? w.DurationMinutes!.Value : 0,
        });
        await db.SaveChangesAsync(ct);
        return RedirectToPage(new { ok = "jadwal" });
    }

    private async Task<IActionResult> PauseAsync(long id, bool paused, CancellationToken ct) =>
        (await editing.SetPausedAsync(id, paused, ct)).IsOk ? RedirectToPage(new { ok = paused ? "jeda" : "lanjut" }) : NotFound();

    private async Task LoadAsync(CancellationToken ct)
    {
        Checks = await db.MonitorChecks.AsNoTracking().Include(c => c.Status).Include(c => c.Opd).OrderBy(c => c.Name).ToListAsync(ct);
        Incidents = await db.MonitorIncidents.AsNoTracking().AsSplitQuery().Include(i => i.Timeline).Include(i => i.Opds).ThenInclude(o => o.Opd)
            .OrderByDescending(i => i.OpenedAt).Take(30).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        Windows = await db.MonitorMaintenanceWindows.AsNoTracking().Where(w => w.EndsAt >= now).OrderBy(w => w.StartsAt).ToListAsync(ct);
    }
}
