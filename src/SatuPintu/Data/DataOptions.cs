using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace SatuPintu.Data;

/// <summary>Data's settings, directly under the "SatuPintu" section like Hosting's (keys <c>SatuPintu:DataDir</c>, <c>SatuPintu:SeedDemo</c>).</summary>
public sealed class DataOptions
{
    public const string Section = "SatuPintu";

    /// <summary>Database, search index and uploads live here. Relative paths are taken from the working folder.</summary>
    [Required]
    public string DataDir { get; set; } = "data";

    /// <summary>Seed the demo instance on first start of an empty database.</summary>
    public bool SeedDemo { get; set; } = true;

    public string DataDirFullPath => Path.GetFullPath(DataDir);
    public string UploadsDir => Path.Combine(DataDirFullPath, "uploads");
}

[OptionsValidator]
public sealed partial class DataOptionsValidator : IValidateOptions<DataOptions>;
