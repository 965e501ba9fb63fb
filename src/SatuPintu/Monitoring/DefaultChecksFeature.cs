using Microsoft.Extensions.Options;
using SatuPintu.Hosting;

namespace SatuPintu.Monitoring;

/// <summary>Settings of the checks the registry and the directory create: "SatuPintu:Monitoring:DefaultChecks".</summary>
public sealed class DefaultChecksOptions
{
    public const string Section = "SatuPintu:Monitoring:DefaultChecks";

    /// <summary>
    /// Create them paused, for an admin to resume one by one. A database holding the demo instance always
    /// does, whatever this says: the demo's addresses are not on this machine.
    /// </summary>
    public bool Paused { get; set; }
}

/// <summary>A switch has no range: the binder itself refuses a value that is not true or false.</summary>
public sealed class DefaultChecksOptionsValidator : IValidateOptions<DefaultChecksOptions>
{
    public ValidateOptionsResult Validate(string? name, DefaultChecksOptions options) => ValidateOptionsResult.Success;
}

public static class DefaultChecksFeature
{
    public static void AddDefaultChecks(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<DefaultChecksOptions, DefaultChecksOptionsValidator>(DefaultChecksOptions.Section);
        builder.Services.AddScoped<DefaultChecks>();
        builder.Services.AddSingleton<Data.ISaveCompanion, DefaultChecksSync>();
    }
}
