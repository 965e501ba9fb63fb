using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using SatuPintu.Content;
using SatuPintu.Directory;
using SatuPintu.Hosting;
using SatuPintu.Shared;

namespace SatuPintu.Portal;

/// <summary>/layanan/{opd}/{slug}: one service's standard, where and when to apply, and how to complain.</summary>
[OutputCache(PolicyName = HostingFeature.PublicPolicy)]
public sealed class ServiceDetailModel(PublicCatalog catalog, OfficeHours hours) : PageModel
{
    public PublicService Service { get; private set; } = null!;
    public Opd Opd { get; private set; } = null!;
    /// <summary>The service's own hours, else its OPD's.</summary>
    public string? Hours { get; private set; }
    public HoursState? State { get; private set; }
    public IReadOnlyList<ServiceForm> Forms { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string opd, string slug, CancellationToken ct)
    {
        var c = await catalog.GetAsync(ct);
        if (!Slug.IsWellFormed(opd) || !c.OpdsBySlug.TryGetValue(opd, out var o) || o.Services.FirstOrDefault(s => s.Slug == slug) is not { } service)
        {
            return this.Answer(404, "Layanan yang Anda cari tidak ada. Lihat daftar di halaman Layanan.");
        }
        (Opd, Service) = (o, service);
        Hours = service.Hours ?? o.Hours;
        State = hours.Now(Hours);
        Forms = ServiceForm.All(service.Forms);
        return Page();
    }

    public string? MapUrl => Service.MapUrl ?? (Service.Office is null ? OpdPageModel.MapOf(Opd) : null);
}
