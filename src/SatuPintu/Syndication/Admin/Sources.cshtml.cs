using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Accounts;
using SatuPintu.Data;
using SatuPintu.Directory;
using SatuPintu.Shared;

namespace SatuPintu.Syndication.Admin;

/// <summary>/admin/sindikasi: add a source (search, see what was found, pick), each source's health, pause/resume, the gone rule, a switch of feed, an item hidden or shown.</summary>
public sealed class SourcesModel(SatuPintuDb db, SourceEditing editing, Discovery discovery) : PageModel
{
    [BindProperty] public string? Opd { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? Pick { get; set; }
    [BindProperty] public int? IntervalMinutes { get; set; }

    public IReadOnlyList<Source> Sources { get; private set; } = [];
    public IReadOnlyList<Opd> Opds { get; private set; } = [];
    public Discovery.Found? Found { get; private set; }
    public Source? Selected { get; private set; }
    public IReadOnlyList<Content.Article> Items { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task OnGetAsync(int? sumber, CancellationToken ct) => await LoadAsync(sumber, ct);

    /// <summary>Step one: what the address offers, shown for the person to pick; nothing is saved.</summary>
    public async Task<IActionResult> OnPostDiscoverAsync(CancellationToken ct)
    {
        var (opd, forbidden) = await OpdOrErrorAsync(ct);
        if (forbidden)
        {
            return Forbid();
        }
        if (opd is null)
        {
            await LoadAsync(null, ct);
            return Page();
        }
        Found = await discovery.DiscoverAsync(Address ?? "", ct);
        if (Found.Error is { } error)
        {
            ModelState.AddModelError(nameof(Address), error);
        }
        await LoadAsync(null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        var (opd, forbidden) = await OpdOrErrorAsync(ct);
        if (forbidden)
        {
            return Forbid();
        }
        if (opd is not null)
        {
            var outcome = await editing.AddAsync(User, opd, Address, Pick, IntervalMinutes, ct);
            if (outcome.IsOk)
            {
                return RedirectToPage(new { sumber = outcome.Value!.Source.Id });
            }
            foreach (var (field, messages) in outcome.Errors ?? new Dictionary<string, string[]> { ["url"] = [outcome.Message ?? "Tidak dapat ditambahkan."] })
            {
                ModelState.AddModelError(field switch { "pick" => nameof(Pick), "intervalMinutes" => nameof(IntervalMinutes), _ => nameof(Address) }, messages[0]);
            }
        }
        await LoadAsync(null, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostPauseAsync(int id, bool paused, CancellationToken ct)
    {
        var outcome = await editing.SetPausedAsync(User, id, paused, ct);
        return outcome.IsOk ? RedirectToPage(new { sumber = id }) : NotFound();
    }

    /// <summary>The gone-items rule and a switch to another feed of the site, for the selected source.</summary>
    public async Task<IActionResult> OnPostChangeAsync(int id, GoneItems gone, string? feed, CancellationToken ct)
    {
        var outcome = await editing.ChangeAsync(User, id, gone, feed, ct);
        if (outcome.IsOk)
        {
            return RedirectToPage(new { sumber = id });
        }
        if (outcome.Status == OutcomeStatus.NotFound)
        {
            return NotFound();
        }
        ModelState.AddModelError("Feed", outcome.Message ?? "Umpan tidak dapat dipakai.");
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostShowAsync(int id, int article, CancellationToken ct)
    {
        var outcome = await editing.ShowItemAsync(User, article, ct);
        return outcome.IsOk ? RedirectToPage(new { sumber = id }) : NotFound();
    }

    public async Task<IActionResult> OnPostHideAsync(int id, int article, CancellationToken ct)
    {
        var outcome = await editing.HideItemAsync(User, article, ct);
        return outcome.IsOk ? RedirectToPage(new { sumber = id }) : NotFound();
    }

    /// <summary>Null with a field error when no OPD was chosen; an OPD that is not the person's is refused outright.</summary>
    private async Task<(Opd? Opd, bool Forbidden)> OpdOrErrorAsync(CancellationToken ct)
    {
        var opd = Opd is null ? null : await editing.OpdAsync(Opd, ct);
        if (opd is null)
        {
            ModelState.AddModelError(nameof(Opd), "Pilih perangkat daerah Anda.");
            return (null, false);
        }
        return User.Can(OpdRight.Edit, opd.Id) ? (opd, false) : (null, true);
    }

    private async Task LoadAsync(int? selected, CancellationToken ct)
    {
        var mine = User.OpdsFor(OpdRight.Edit);
        Opds = await db.Opds.AsNoTracking().Where(o => o.ArchivedAt == null && (mine == null || mine.Contains(o.Id))).OrderBy(o => o.Name).ToListAsync(ct);
        Sources = await db.SyndicationSources.AsNoTracking().Include(s => s.Opd).Where(s => mine == null || mine.Contains(s.OpdId)).OrderBy(s => s.Opd!.Name).ThenBy(s => s.Id).ToListAsync(ct);
        Selected = Sources.FirstOrDefault(s => s.Id == selected);
        if (Selected is not null)
        {
            Items = await db.Articles.AsNoTracking().Where(a => a.SourceId == Selected.Id).OrderByDescending(a => a.PublishAt).Take(50).ToListAsync(ct);
        }
    }
}
