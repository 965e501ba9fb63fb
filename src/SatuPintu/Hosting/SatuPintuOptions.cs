using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SatuPintu.Hosting;

/// <summary>
/// Hosting's settings directly under the "SatuPintu" section (environment: <c>SatuPintu__…</c>); the data
/// folder and demo seeding, in the same section, are Data's (<see cref="Data.DataOptions"/>).
/// </summary>
public sealed class SatuPintuOptions
{
    public const string Section = "SatuPintu";

    /// <summary>IANA zone dates are shown in: WIB by default.</summary>
    [Required]
    [TimeZoneId]
    public string TimeZone { get; set; } = "Asia/Jakarta";

    [ValidateObjectMembers]
    public OutputCacheSettings OutputCache { get; set; } = new();
}

public sealed class OutputCacheSettings
{
    /// <summary>Off to measure the uncached path.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Upper bound on staleness for changes no write signals (e.g. a scheduled publish time passing).</summary>
    [Range(1, 86400)]
    public int Seconds { get; set; } = 60;
}

[OptionsValidator]
public sealed partial class SatuPintuOptionsValidator : IValidateOptions<SatuPintuOptions>;

/// <summary>An IANA (or Windows) time zone id this machine knows.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TimeZoneIdAttribute : ValidationAttribute
{
    public TimeZoneIdAttribute() : base("The field {0} must be a known time zone id, e.g. Asia/Jakarta.") { }

    public override bool IsValid(object? value) => value is not string id || RegionalClock.TryFindZone(id) is not null;
}
