using SatuPintu.Shared;

namespace SatuPintu.Directory;

/// <summary>OPDs, their units and services: public directory pages and the read-only API.</summary>
public static class DirectoryFeature
{
    public static void MapDirectory(this WebApplication app) => OpdsApi.Map(app.MapApiV1());
}
