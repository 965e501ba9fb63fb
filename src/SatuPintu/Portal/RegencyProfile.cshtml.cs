using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using SatuPintu.Content;
using SatuPintu.Directory;
using SatuPintu.Hosting;

namespace SatuPintu.Portal;

/// <summary>/profil: the regency's own page (selayang pandang, geography, kecamatan, leaders, contacts), all from settings.</summary>
[OutputCache(PolicyName = HostingFeature.PublicPolicy)]
public sealed class RegencyProfileModel(PublicCatalog catalog, Shared.RegencyOptions regency) : PageModel
{
    /// <summary>Each kecamatan of the settings, with its OPD page when one is named "Kecamatan …" after it.</summary>
    public IReadOnlyList<(string Name, string? Url)> Districts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var opds = (await catalog.GetAsync(ct)).Opds.Where(o => o.Kind == OpdKind.Kecamatan).ToList();
        Districts = regency.Districts.Select(d => (d, opds.FirstOrDefault(o => string.Equals(o.Name, "Kecamatan " + d, StringComparison.OrdinalIgnoreCase)) is { } o
            ? $"/opd/{o.Slug}" : null)).ToList();
    }
}
