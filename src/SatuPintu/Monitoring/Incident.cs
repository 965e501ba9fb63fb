namespace SatuPintu.Monitoring;

/// <summary>An outage (a check DOWN, with the children it made unreachable) or a website-watch finding.</summary>
public sealed class Incident
{
    public long Id { get; set; }
    public required string Title { get; set; }
    public long? CheckId { get; set; }
    public Check? Check { get; set; }
    /// <summary><c>state</c> or <c>finding</c>.</summary>
    public required string Kind { get; set; }
    public DateTime OpenedAt { get; set; }
    public DateTime? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
    public DateTime? ResolvedAt { get; set; }
    /// <summary>The URL a finding is about.</summary>
    public string? Url { get; set; }
    public List<IncidentEvent> Timeline { get; set; } = [];
    public List<IncidentOpd> Opds { get; set; } = [];
}

public sealed class IncidentEvent
{
    public long Id { get; set; }
    public long IncidentId { get; set; }
    public DateTime At { get; set; }
    /// <summary>detected, unreachable, acknowledged, note, resolved, finding.</summary>
    public required string Kind { get; set; }
    public string? Actor { get; set; }
    public required string Text { get; set; }
}

public sealed class IncidentOpd
{
    public long IncidentId { get; set; }
    public int OpdId { get; set; }
    public Directory.Opd? Opd { get; set; }
}

/// <summary>
/// A planned outage: alerts are silenced and the time counts apart. One-off (start to end), or
/// recurring weekly (the days in <see cref="WeekDays"/>, from <see cref="StartsAt"/>'s time of day
/// in the regional zone, for <see cref="DurationMinutes"/>) until <see cref="EndsAt"/>.
/// </summary>
public sealed class MaintenanceWindow
{
    public long Id { get; set; }
    public required string Title { get; set; }
    /// <summary>Null: every check of <see cref="OpdId"/>, or every check when that is null too.</summary>
    public long? CheckId { get; set; }
    public int? OpdId { get; set; }
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    /// <summary>Recurring: bit 0 = Sunday … bit 6 = Saturday; 0 = one-off.</summary>
    public int WeekDays { get; set; }
    public int DurationMinutes { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
}

public enum RollupPeriod
{
    Hour,
    Day,
}

/// <summary>An hour or a day of one check, kept for years; status pages and reports read only these.</summary>
public sealed class CheckRollup
{
    public long Id { get; set; }
    public long CheckId { get; set; }
    public RollupPeriod Period { get; set; }
    public DateTime Start { get; set; }
    public int Up { get; set; }
    public int Down { get; set; }
    public int Unknown { get; set; }
    public int Maintenance { get; set; }
    public double? MinRttMs { get; set; }
    public double? AvgRttMs { get; set; }
    /// <summary>For a day: the highest hourly p95 (an upper bound, raw samples of old days are gone).</summary>
    public double? P95RttMs { get; set; }
    public double? LossPercent { get; set; }
}
