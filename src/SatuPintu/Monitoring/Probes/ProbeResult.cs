namespace SatuPintu.Monitoring.Probes;

/// <summary>What one round of one check found.</summary>
/// <param name="Ok">The target answered as expected.</param>
/// <param name="RttMs">Round trip (median of the echoes for ICMP), when anything answered.</param>
/// <param name="LossPercent">ICMP: echoes lost; others 0 or 100.</param>
/// <param name="Error">Why it failed, in Indonesian, for the admin and the alert.</param>
/// <param name="CertificateExpiresAt">HTTPS: the earliest expiry in the served chain.</param>
public sealed record ProbeResult(bool Ok, double? RttMs, double LossPercent, string? Error, DateTime? CertificateExpiresAt = null)
{
    public static ProbeResult Fail(string error, double? rtt = null) => new(false, rtt, 100, error);
}

/// <summary>One kind of check; one file per kind (the engine picks by <see cref="Kind"/>).</summary>
public interface IProbe
{
    CheckKind Kind { get; }

    Task<ProbeResult> ProbeAsync(Check check, TimeSpan timeout, CancellationToken ct);
}
