using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using SatuPintu.Accounts;
using SatuPintu.Hosting;
using SatuPintu.Shared;

namespace SatuPintu.Monitoring;

/// <summary>
/// /status/{slug}: one OPD's checks a page at a time, each with its 90 days, and the OPD's incidents.
/// Admins also see targets, paused and hidden checks (at <c>?semua=1</c>, which is never cached; an admin's copy is never stored).
/// </summary>
[OutputCache(PolicyName = HostingFeature.PublicPolicy)]
public sealed class StatusOpdModel(StatusBoard board) : PageModel
{
    public const string AdminKey = "semua";

    public OpdStatusDetail Detail { get; private set; } = null!;
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var admin = User.IsAdmin();
        // The output cache runs before sign-in is read, so it cannot tell an admin from the public:
        // an admin's copy (with targets) is never stored, and ?semua=1 (the admin's address) never
        // cached at all, so an admin asking for it always gets a fresh, full page.
        if ((admin || Request.Query.ContainsKey(AdminKey)) && HttpContext.Features.Get<IOutputCacheFeature>() is { } cache)
        {
            cache.Context.AllowCacheStorage = false;
        }
        var page = PageRequest.Parse(Request.Query, StatusBoard.ChecksPerPage, out var error);
        if (await board.DetailAsync(slug, page ?? new PageRequest(1, StatusBoard.ChecksPerPage), admin, ct) is not { } detail)
        {
            return NotFound();
        }
        Detail = detail;
        Problem = error ?? (detail.Checks.IsOutOfRange ? $"Halaman {detail.Checks.Page.Number} tidak ada: daftar ini punya {detail.Checks.TotalPages} halaman." : null);
        if (Problem is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }
}
