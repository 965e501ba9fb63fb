using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SatuPintu.Network;

/// <summary>Settings of the network registry: "SatuPintu:Network".</summary>
public sealed class NetworkOptions
{
    public const string Section = "SatuPintu:Network";

    /// <summary>
    /// Committed site bandwidth per unit of uplink above which the capacity figure warns
    /// (4 means 1 : 4, a common planning limit for office traffic).
    /// </summary>
    [Range(1.0, 100.0)]
    public double OversubscriptionWarning { get; set; } = 4;

    /// <summary>Sites per page of the public site table on /jaringan (the map always draws every site).</summary>
    [Range(5, 100)]
    public int PublicSitesPerPage { get; set; } = 25;
}

[OptionsValidator]
public sealed partial class NetworkOptionsValidator : IValidateOptions<NetworkOptions>;
