using SatuPintu.Shared;

namespace SatuPintu.Network;

internal static class FieldErrorsOutcome
{
    /// <summary>Null when nothing is wrong; otherwise the refusal naming what was not saved.</summary>
    public static NetworkOutcome? Outcome(this FieldErrors errors, string what) => errors.Count == 0 ? null
        : new NetworkOutcome(OutcomeStatus.Invalid, $"{what} tidak disimpan: periksa isian yang ditandai.", errors.ToDictionary());
}
