using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using SatuPintu.Accounts;
using SatuPintu.Hosting;
using SatuPintu.Shared;

namespace SatuPintu.Monitoring;

/// <summary>
/// /status/{slug}: one OPD's checks a page at a time, each with its 90 days, and the OPD's incidents.
/// Admins also see targets, paused and hidden checks; their pages are never cached (signed-in requests bypass the output cache).
/// </summary>
[OutputCache(PolicyName = HostingFeature.PublicPolicy)]
public sealed class StatusOpdModel(StatusBoard board) : PageModel
{
    public OpdStatusDetail Detail { get; private set; } = null!;
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var page = PageRequest.Parse(Request.Query, StatusBoard.ChecksPerPage, out var error);
        if (await board.DetailAsync(slug, page ?? new PageRequest(1, StatusBoard.ChecksPerPage), User.IsAdmin(), ct) is not { } detail)
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
