using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;
using SatuPintu.Shared;

namespace SatuPintu.Monitoring.Watch.Admin;

/// <summary>/admin/pemantauan/situs: watched OPD websites, their last inspection, findings with evidence, false alarms, keywords.</summary>
public sealed class SitesModel(SatuPintuDb db, WatchEditing editing, WebsiteWatch watch) : PageModel
{
    private const string Self = "/admin/pemantauan/situs";

    public sealed class TargetInput
    {
        public string? Opd { get; set; }
        public string? Url { get; set; }
        public bool ShouldNotChange { get; set; }
    }

    [BindProperty]
    public TargetInput Input { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public string? Problem { get; private set; }
    public IReadOnlyList<WatchTarget> Targets { get; private set; } = [];
    public PagedList<WatchFinding> Findings { get; private set; } = null!;
    public IReadOnlyList<WatchKeyword> KeywordChanges { get; private set; } = [];
    public IReadOnlyList<WatchAllowEntry> Allowed { get; private set; } = [];
    public IReadOnlyList<(string Slug, string Name)> Opds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var page = PageRequest.Parse(Request.Query, 20, out var error);
        if (page is null)
        {
            return this.Answer(400, error!);
        }
        await LoadAsync(page, ct);
        return this.CheckPaging(null, Findings) ?? Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var o = await editing.AddTargetAsync(Input.Opd, Input.Url, Input.ShouldNotChange, ct);
        if (o.IsOk)
        {
            return this.Done(Self, "Halaman ditambahkan dalam keadaan dijeda; lanjutkan pemantauannya bila sudah siap.");
        }
        this.ShowErrors(o);
        return await RefusedAsync(o.Message + " " + ModelState.AllMessages(), ct);
    }

    public Task<IActionResult> OnPostResumeAsync([FromQuery] long id, CancellationToken ct) =>
        AnswerAsync(editing.SetPausedAsync(id, false, ct), "Pemantauan dilanjutkan; halaman diperiksa pada giliran berikutnya.");

    public Task<IActionResult> OnPostPauseAsync([FromQuery] long id, CancellationToken ct) =>
        AnswerAsync(editing.SetPausedAsync(id, true, ct), "Pemantauan dijeda.");

    public Task<IActionResult> OnPostFixedAsync([FromQuery] long id, [FromQuery] bool value, CancellationToken ct) =>
        AnswerAsync(editing.SetShouldNotChangeAsync(id, value, ct), value ? "Halaman ditandai tidak boleh berubah; patokan diambil pada pemeriksaan berikutnya." : "Tanda \"tidak boleh berubah\" dicabut.");

    public async Task<IActionResult> OnPostInspectAsync([FromQuery] long id, CancellationToken ct)
    {
        if (!await db.WatchTargets.AnyAsync(t => t.Id == id, ct))
        {
            return NotFound();
        }
        var found = await watch.InspectAsync(id, ct);
        return this.Done(Self, found == 0 ? "Halaman diperiksa: tidak ada temuan baru." : $"Halaman diperiksa: {found} temuan baru.");
    }

    public async Task<IActionResult> OnPostFalseAlarmAsync([FromQuery] long id, CancellationToken ct)
    {
        var o = await editing.FalseAlarmAsync(id, User, ct);
        return this.Refusal(o) ?? this.Done(Self, "Temuan ditandai alarm palsu; tautan, domain atau kata itu masuk daftar yang diizinkan.");
    }

    public async Task<IActionResult> OnPostAddKeywordAsync([FromForm] string? phrase, [FromForm] bool strong, CancellationToken ct)
    {
        var o = await editing.AddKeywordAsync(phrase, strong, ct);
        return o.IsOk ? this.Done(Self, $"Kata kunci \"{o.Value!.Phrase}\" dipakai.") : await RefusedAsync(string.Join(" ", o.Errors!.Values.SelectMany(v => v)), ct);
    }

    public async Task<IActionResult> OnPostRemoveKeywordAsync([FromForm] string? phrase, CancellationToken ct)
    {
        var o = await editing.RemoveKeywordAsync(phrase, ct);
        return this.Refusal(o) ?? this.Done(Self, $"Kata kunci \"{o.Value!.Phrase}\" tidak dipakai lagi.");
    }

    private async Task<IActionResult> AnswerAsync(Task<Outcome<WatchTarget>> change, string notice)
    {
        var o = await change;
        return this.Refusal(o) ?? this.Done(Self, notice);
    }

    private async Task<IActionResult> RefusedAsync(string problem, CancellationToken ct)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync(new PageRequest(1, 20), ct);
        return Page();
    }

    private async Task LoadAsync(PageRequest page, CancellationToken ct)
    {
        Targets = await db.WatchTargets.AsNoTracking().Include(t => t.Opd).OrderBy(t => t.Opd!.Name).ThenBy(t => t.Url).ToListAsync(ct);
        var q = db.WatchFindings.AsNoTracking().Include(f => f.Target).ThenInclude(t => t!.Opd).OrderBy(f => f.FalseAlarm).ThenByDescending(f => f.Id);
        Findings = new PagedList<WatchFinding>(await q.Skip(page.Skip).Take(page.Size).ToListAsync(ct), page, await db.WatchFindings.CountAsync(ct));
        KeywordChanges = await db.WatchKeywords.AsNoTracking().OrderBy(k => k.Phrase).ToListAsync(ct);
        Allowed = await db.WatchAllowList.AsNoTracking().OrderBy(a => a.Value).ToListAsync(ct);
        Opds = (await db.Opds.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Slug, o.Name }).ToListAsync(ct)).Select(o => (o.Slug, o.Name)).ToList();
    }
}
