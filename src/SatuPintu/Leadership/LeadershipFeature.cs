using Microsoft.AspNetCore.Mvc.RazorPages;
using SatuPintu.Network;

namespace SatuPintu.Leadership;

/// <summary>/admin/pimpinan: the read-only page for the Bupati's office and the Kepala Dinas (role Pimpinan), and admins.</summary>
public static class LeadershipFeature
{
    public static void AddLeadership(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<LeadershipBoard>();
        // The same readers as the network reports: admins and pimpinan.
        builder.Services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Leadership/Admin", NetworkAccess.ReadPolicy));
    }
}
