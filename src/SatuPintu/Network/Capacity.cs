namespace SatuPintu.Network;

/// <summary>
/// Uplink bandwidth at the core against the sum of committed bandwidth of the sites that use it
/// (connected sites only: installed links carry no traffic yet).
/// </summary>
public sealed record Capacity(int UplinkMbps, int CommittedDownMbps, double? Ratio, bool Warning, double Threshold)
{
    public static Capacity Of(IEnumerable<int> uplinkMbps, IEnumerable<int> committedDownMbps, double threshold)
    {
        var up = uplinkMbps.Sum();
        var committed = committedDownMbps.Sum();
        double? ratio = up > 0 ? Math.Round((double)committed / up, 2, MidpointRounding.AwayFromZero) : null;
        // No uplink at all while sites commit bandwidth is the worst oversubscription there is.
        var warning = ratio is { } r ? r > threshold : committed > 0;
        return new Capacity(up, committed, ratio, warning, threshold);
    }

    /// <summary>"1 : 3,5" as network people write an oversubscription ratio; a dash without uplinks.</summary>
    public string RatioText => Ratio is { } r ? "1 : " + Shared.Formats.Fraction(r) : "–";
}
