namespace SatuPintu.Shared;

public enum OutcomeStatus
{
    Ok,
    NotFound,
    Forbidden,
    Invalid,
    Conflict,
}

/// <summary>
/// The outcome of a write, the same for the admin pages and the API, whatever it writes (articles, pages,
/// documents, OPDs …). <see cref="ApiProblems.For{T}"/> answers it as problem details, <see cref="FormOutcomes"/>
/// on an admin form.
/// </summary>
/// <param name="Value">What was written, when <see cref="Status"/> is <see cref="OutcomeStatus.Ok"/>.</param>
/// <param name="Errors">Per-field messages keyed by API field name ("shortName"), for <see cref="OutcomeStatus.Invalid"/>.</param>
/// <param name="Message">For people: why it was refused.</param>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1000:Do not declare static members on generic types",
    Justification = "Outcome<Article>.Ok(a) names the kind at the call site, where inference alone would not.")]
public sealed record Outcome<T>(OutcomeStatus Status, T? Value = null, IDictionary<string, string[]>? Errors = null, string? Message = null)
    where T : class
{
    public bool IsOk => Status == OutcomeStatus.Ok;

    public static Outcome<T> Ok(T value) => new(OutcomeStatus.Ok, value);
    public static Outcome<T> NotFound(string message) => new(OutcomeStatus.NotFound, Message: message);
    public static Outcome<T> Forbidden(string message) => new(OutcomeStatus.Forbidden, Message: message);
    public static Outcome<T> Invalid(IDictionary<string, string[]> errors, string message = "Isian belum benar.") => new(OutcomeStatus.Invalid, Errors: errors, Message: message);
    public static Outcome<T> Conflict(string message) => new(OutcomeStatus.Conflict, Message: message);
}
