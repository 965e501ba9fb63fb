using SatuPintu.Accounts;

namespace SatuPintu.Shared;

/// <summary>/api/v1: JSON, bearer tokens only (no cookies, so no cross-site request forgery), problem details for errors.</summary>
public static class ApiGroup
{
    public const string Prefix = "/api/v1";

    public static RouteGroupBuilder MapApiV1(this IEndpointRouteBuilder app) =>
        app.MapGroup(Prefix)
            .RequireAuthorization(p => p.AddAuthenticationSchemes(TokenAuthenticationHandler.SchemeName).RequireAuthenticatedUser())
            .WithGroupName("v1");
}
