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

/// <summary>The one mapping of an <see cref="Outcome{T}"/> to HTTP, alike for every resource of the API (RFC 9457 problem details).</summary>
public static class ApiProblems
{
    /// <summary><paramref name="ok"/>'s answer for a change that went through, else the problem details for the refusal.</summary>
    public static IResult Answer<T>(Outcome<T> outcome, Func<T, IResult> ok) where T : class =>
        outcome.IsOk ? ok(outcome.Value!) : For(outcome);

    public static IResult For<T>(Outcome<T> o) where T : class => o.Status switch
    {
        OutcomeStatus.Invalid => Results.ValidationProblem(o.Errors ?? new Dictionary<string, string[]>(), title: o.Message),
        OutcomeStatus.NotFound => Results.Problem(statusCode: 404, title: o.Message?.TrimEnd('.') ?? "Tidak ditemukan"),
        OutcomeStatus.Forbidden => Results.Problem(statusCode: 403, title: "Akses ditolak", detail: o.Message),
        OutcomeStatus.Conflict => Results.Problem(statusCode: 409, title: "Tidak dapat dilakukan", detail: o.Message),
        _ => throw new ArgumentOutOfRangeException(nameof(o), o.Status, "A change that went through is not a problem."),
    };

    public static IResult BadPaging(string? error) => Results.Problem(statusCode: 400, title: "Parameter halaman tidak valid", detail: error);
}
