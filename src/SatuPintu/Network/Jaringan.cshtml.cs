using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using SatuPintu.Hosting;

namespace SatuPintu.Network;

/// <summary>
/// /jaringan: Program Internet Satu Pintu in public — headline, progress, budget, capacity, the map of
/// every site, every OPD's status, and one page of the filterable site table.
/// </summary>
[OutputCache(PolicyName = HostingFeature.PublicPolicy)]
public sealed class JaringanModel(NetworkSnapshotCache snapshots, IOptions<NetworkOptions> options) : PageModel
{
    public NetworkView View { get; private set; } = null!;
    public NetworkSnapshot Snapshot => View.Snapshot;
    public SiteQuery Sites { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        View = await snapshots.GetAsync(ct);
        Sites = View.Sites.Query(Request.Query, options.Value.PublicSitesPerPage);
    }

    /// <summary>How long a rendered summary fragment is kept: past the snapshot's own life, so a newer snapshot (a new Stamp) replaces it first.</summary>
    public static readonly TimeSpan FragmentLife = NetworkSnapshotCache.MaxAge * 2;

    /// <summary>How old the live monitoring line may be.</summary>
    public static readonly TimeSpan LiveLife = TimeSpan.FromSeconds(15);

    /// <summary>"58%" of a part, or a dash when there is nothing to divide by.</summary>
    public static string Percent(long part, long whole) => whole <= 0 ? "–" : $"{Math.Round(100.0 * part / whole):0}%";
}
