using Microsoft.Extensions.Options;
using SatuPintu.Data;
using SatuPintu.Data.Demo;
using SatuPintu.Directory;
using SatuPintu.Hosting;
using SatuPintu.Shared;

namespace SatuPintu.Portal;

/// <summary>Pages that combine capabilities (home, OPD page, services directory, regency profile) and the regency's settings.</summary>
public static class PortalFeature
{
    public static void AddPortal(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<RegencyOptions, RegencyOptionsValidator>(RegencyOptions.Section)
            .PostConfigure<IOptions<DataOptions>>((regency, data) =>
            {
                if (data.Value.SeedDemo && string.IsNullOrWhiteSpace(regency.Name))
                {
                    DemoRegency.Fill(regency);
                }
            });
        // The site frame names the regency: from its own setting when given, else from the regency's name.
        builder.Services.AddOptions<SiteOptions>().PostConfigure<IOptions<RegencyOptions>>((site, regency) =>
        {
            if (string.IsNullOrWhiteSpace(site.Regency))
            {
                site.Regency = regency.Value.Name ?? "";
            }
            if (site.Address is null && regency.Value.Name == DemoRegency.Name)
            {
                site.Address = DemoRegency.Address;
            }
        });
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<RegencyOptions>>().Value);
        builder.Services.AddSingleton<OfficeHours>();
    }

    public static void MapPortal(this WebApplication app)
    {
        // The sitemap and robots.txt moved to the Feeds capability; the pages here route themselves.
        _ = app;
    }
}
