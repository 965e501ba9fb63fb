using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Shared;
using SatuPintu.Data;

namespace SatuPintu.Network.Admin;

/// <summary>/admin/jaringan/lokasi/{id}: a site's details, OPDs housed, link, subnets, lifecycle change with reason, and history.</summary>
public sealed class EditSiteModel(SatuPintuDb db, SiteEditing sites, NetworkEditing network) : PageModel
{
    /// <summary>What the site form offers: sites for the parent, phases, and every OPD and unit that may be housed.</summary>
    public sealed record Choices(IReadOnlyList<(int Id, string Name)> Sites, IReadOnlyList<(int Id, string Name)> Phases,
        IReadOnlyList<(string Token, string Name)> Housable, IReadOnlyDictionary<int, string> Opds)
    {
        public string OpdName(int id) => Opds.GetValueOrDefault(id, "?");

        public static async Task<Choices> LoadAsync(SatuPintuDb db, CancellationToken ct)
        {
            var sites = await db.NetworkSites.AsNoTracking().OrderBy(s => s.Name).Select(s => new { s.Id, s.Name }).ToListAsync(ct);
            var phases = await db.NetworkPhases.AsNoTracking().OrderBy(p => p.TargetYear).Select(p => new { p.Id, p.Name, p.TargetYear }).ToListAsync(ct);
            var opds = await db.Opds.AsNoTracking().Where(o => o.ArchivedAt == null).OrderBy(o => o.Kind).ThenBy(o => o.SortOrder).Include(o => o.Units).ToListAsync(ct);
            var housable = opds.SelectMany(o => new[] { ($"{o.Id}", o.DisplayShortName) }
                .Concat(o.Units.OrderBy(u => u.SortOrder).Select(u => ($"{o.Id}:{u.Id}", $"{o.DisplayShortName} › {u.ShortName ?? u.Name}")))).ToList();
            return new Choices([.. sites.Select(s => (s.Id, s.Name))], [.. phases.Select(p => (p.Id, $"{p.Name} ({p.TargetYear})"))], housable,
                opds.ToDictionary(o => o.Id, o => o.DisplayShortName));
        }
    }

    [BindProperty]
    public SiteInput Input { get; set; } = new();

    [BindProperty]
    public LinkInput Link { get; set; } = new();

    [BindProperty]
    public SubnetInput Subnet { get; set; } = new();

    [BindProperty]
    public string? To { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public Site Site { get; private set; } = null!;
    public Choices Options { get; private set; } = null!;
    public IReadOnlyList<ConnectionState> NextStates { get; private set; } = [];
    public string? Message { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "ok")] string? done, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        Message = NetworkPages.DoneMessage(done);
        Input = SiteInput.From(Site);
        Link = LinkInput.From(Site.Link);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct) =>
        HandleAsync(id, "Input.", "lokasi", "Lokasi tidak disimpan: ", () => sites.SaveSiteAsync(User, id, Input, ct), ct);

    public Task<IActionResult> OnPostLinkAsync(int id, CancellationToken ct) =>
        HandleAsync(id, "Link.", "sambungan", "Sambungan tidak disimpan: ", () => sites.SaveLinkAsync(User, id, Link, ct), ct);

    public Task<IActionResult> OnPostSubnetAsync(int id, CancellationToken ct)
    {
        Subnet.SiteId = id;
        return HandleAsync(id, "Subnet.", "subnet", "Subnet tidak ditambahkan: ", () => network.AddSubnetAsync(User, Subnet, ct), ct);
    }

    public Task<IActionResult> OnPostDeleteSubnetAsync(int id, [FromQuery(Name = "subnet")] int subnet, CancellationToken ct) =>
        HandleAsync(id, "Subnet.", "subnet-hapus", "Subnet tidak dihapus: ", async () =>
            await db.NetworkSubnets.AnyAsync(n => n.Id == subnet && n.SiteId == id, ct) ? await network.DeleteSubnetAsync(User, subnet, ct) : NetworkOutcome.NotFound("Subnet"), ct);

    public Task<IActionResult> OnPostTransitionAsync(int id, CancellationToken ct) =>
        HandleAsync(id, "", "status", "Status tidak diubah: ", () => network.TransitionAsync(User, id, To, Reason, ct), ct);

    /// <summary>One shape for every form: bind errors or a refusal show the page again with what was typed; success redirects.</summary>
    private async Task<IActionResult> HandleAsync(int id, string prefix, string done, string failure, Func<Task<NetworkOutcome>> act, CancellationToken ct)
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
                return Redirect($"/admin/jaringan/lokasi/{id}?ok={done}");
            }
            if (outcome.Errors is not null)
            {
                ModelState.AddErrors(outcome, prefix == "" ? "" : prefix);
            }
            Problem = failure + (outcome.Errors is null ? outcome.Message : ModelState.AllMessages());
        }
        else
        {
            Problem = failure + ModelState.AllMessages();
        }
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }
        // Keep what was typed in the form that failed; the other forms show the stored values.
        if (prefix != "Input.")
        {
            Input = SiteInput.From(Site);
        }
        if (prefix != "Link.")
        {
            Link = LinkInput.From(Site.Link);
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var site = await db.NetworkSites.AsNoTracking().Include(s => s.Opds).ThenInclude(o => o.OpdUnit).Include(s => s.Link)
            .Include(s => s.Subnets).Include(s => s.History).Include(s => s.ParentSite).Include(s => s.Phase)
            .AsSplitQuery().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (site is null)
        {
            return false;
        }
        Site = site;
        Options = await Choices.LoadAsync(db, ct);
        var postponedFrom = site.State == ConnectionState.Postponed ? await network.PostponedFromAsync(id, ct) : null;
        NextStates = [.. Lifecycle.Allowed(site.State, postponedFrom)];
        return true;
    }
}
