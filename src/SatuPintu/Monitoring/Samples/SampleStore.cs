namespace SatuPintu.Monitoring.Samples;

public enum SampleStatus
{
    Up = 1,
    Down = 2,
    Unknown = 3,
    Maintenance = 4,
}

/// <summary>One probe round of one check, as kept for the raw window.</summary>
public sealed record Sample(long CheckId, long AtMs, SampleStatus Status, double? RttMs, double LossPercent);

/// <summary>
/// Raw samples, one store per UTC day, outside the main tables (so outside the audit trail and the
/// change feed): a SQLite file per day in the data folder, or a PostgreSQL table per day. Old days
/// are dropped whole, never row by row, so the database stays flat after the raw window.
/// </summary>
public interface ISampleStore
{
    Task AppendAsync(IReadOnlyList<Sample> samples, CancellationToken ct);

    Task<IReadOnlyList<Sample>> ReadAsync(DateTime fromUtc, DateTime toUtc, CancellationToken ct);

    Task<IReadOnlyList<DateOnly>> DaysAsync(CancellationToken ct);

    Task DropDayAsync(DateOnly day, CancellationToken ct);
}

internal static class SampleDays
{
    public static DateOnly DayOf(long atMs) => DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(atMs).UtcDateTime);

    public static string Suffix(DateOnly day) => day.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

    public static DateOnly? Parse(string suffix) =>
        DateOnly.TryParseExact(suffix, "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;

    public static IEnumerable<DateOnly> Between(DateTime fromUtc, DateTime toUtc)
    {
        for (var d = DateOnly.FromDateTime(fromUtc); d.ToDateTime(TimeOnly.MinValue) < toUtc; d = d.AddDays(1))
        {
            yield return d;
        }
    }
}
