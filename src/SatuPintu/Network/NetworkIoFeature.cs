using SatuPintu.Hosting.Cli;
using SatuPintu.Network.Export;
using SatuPintu.Network.Import;

namespace SatuPintu.Network;

/// <summary>Bulk import/export of the registry, the RouterOS export, the leadership report and the open data files.</summary>
public static class NetworkIoFeature
{
    public static void AddNetworkIo(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<NetworkImporter>();
        builder.Services.AddScoped<RegistryExport>();
        builder.Services.AddScoped<RouterOsExport>();
        builder.Services.AddSingleton<ImportUploads>();
        builder.AddCliVerb(NetworkIoVerb.Verb);
    }
}
