using Microsoft.AspNetCore.Mvc.RazorPages;
using SatuPintu.Accounts;
using SatuPintu.Shared;

namespace SatuPintu.Directory;

/// <summary>OPDs, their units and services: public directory pages, OPD editing (admin pages and API).</summary>
public static class DirectoryFeature
{
    public static void AddDirectory(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<OpdEditing>();
        builder.Services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Directory/Admin", Access.StaffPolicy));
    }

    public static void MapDirectory(this WebApplication app) => OpdsApi.Map(app.MapApiV1());
}
