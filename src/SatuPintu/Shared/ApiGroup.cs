namespace SatuPintu.Shared;

/// <summary>/api/v1: JSON, bearer tokens only (no cookies, so no cross-site request forgery), problem details for errors.</summary>
public static class ApiGroup
{
    public const string Prefix = "/api/v1";

    /// <summary>Registered by Accounts: the request signed in with a bearer token.</summary>
    public const string Policy = "api";

    public static RouteGroupBuilder MapApiV1(this IEndpointRouteBuilder app) =>
        app.MapGroup(Prefix)
            .RequireAuthorization(Policy)
            .WithGroupName("v1");
}

/// <summary>The RFC 9457 answer for a refused edit, alike for every resource of the API.</summary>
public static class ApiProblems
{
    public static IResult For(Content.EditStatus status, IDictionary<string, string[]>? errors, string? message, string notFoundTitle) => status switch
    {
        Content.EditStatus.Invalid => Results.ValidationProblem(errors!, title: message),
        Content.EditStatus.NotFound => Results.Problem(statusCode: 404, title: notFoundTitle),
        Content.EditStatus.Forbidden => Results.Problem(statusCode: 403, title: "Akses ditolak", detail: message),
        _ => Results.Problem(statusCode: 409, title: "Tidak dapat dilakukan", detail: message),
    };

    public static IResult BadPaging(string? error) => Results.Problem(statusCode: 400, title: "Parameter halaman tidak valid", detail: error);
}
