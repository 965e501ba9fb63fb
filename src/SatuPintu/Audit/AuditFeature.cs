using Microsoft.AspNetCore.Mvc.RazorPages;
using SatuPintu.Accounts;

namespace SatuPintu.Audit;

/// <summary>The audit trail's admin pages: Diskominfo admins only.</summary>
public static class AuditFeature
{
    public static void AddAudit(this WebApplicationBuilder builder) =>
        builder.Services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Audit/Admin", Access.AdminPolicy));
}
