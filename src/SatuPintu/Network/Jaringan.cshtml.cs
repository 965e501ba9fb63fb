using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using SatuPintu.Hosting;

namespace SatuPintu.Network;

/// <summary>/jaringan: Program Internet Satu Pintu in public — progress, budget, the map and every OPD's status.</summary>
[OutputCache(PolicyName = HostingFeature.PublicPolicy)]
public sealed class JaringanModel(NetworkSnapshotCache snapshots) : PageModel
{
    public NetworkSnapshot Snapshot { get; private set; } = null!;
    public NetworkMap Map { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        (Snapshot, Map) = await snapshots.GetAsync(ct);
    }

    /// <summary>"58%" of a part, or a dash when there is nothing to divide by.</summary>
    public static string Percent(long part, long whole) => whole <= 0 ? "–" : $"{Math.Round(100.0 * part / whole):0}%";
}
