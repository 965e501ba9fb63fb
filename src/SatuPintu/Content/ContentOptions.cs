using Microsoft.Extensions.Options;

namespace SatuPintu.Content;

public sealed class ContentOptions
{
    public const string Section = "SatuPintu:Content";

    /// <summary>How often the scheduled publisher looks for due articles.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 3600)]
    public int SchedulerSeconds { get; set; } = 15;
}

[OptionsValidator]
public sealed partial class ContentOptionsValidator : IValidateOptions<ContentOptions>;
