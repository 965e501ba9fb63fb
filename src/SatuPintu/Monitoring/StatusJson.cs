using System.Globalization;

namespace SatuPintu.Monitoring;

/// <summary>
/// The shapes of /api/v1/status (a summary: per OPD its states, check counts and 90 days summed, with
/// the first checks of each role) and /api/v1/status/{slug} (one OPD's checks, paged, each with its
/// 90 days). No target address in either.
/// </summary>
internal static class StatusJson
{
    /// <summary>Checks named per OPD in the summary; the rest are counted, and listed on the OPD's own page.</summary>
    public const int ChecksNamed = 20;

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object Days(IReadOnlyList<DayBar> days) =>
        days.Select(d => new { day = Day(d.Day), uptime = d.Uptime, down = d.Down, maintenance = d.Maintenance });

    private static object Named(LiveCheck c) =>
        new { id = c.Id, name = c.Name, kind = c.Kind.ToString().ToLowerInvariant(), state = c.State.ApiName(), since = c.Since?.ToString("O") };

    /// <summary>The worst check of a role (connection or website), as the OPD row shows it.</summary>
    private static object? Role(IEnumerable<LiveCheck> checks) =>
        checks.OrderByDescending(c => StatusCache.Severity(c.State)).FirstOrDefault() is { } c ? Named(c) : null;

    private static object Incidents(IReadOnlyList<PublicIncident> incidents) =>
        incidents.Select(i => new { id = i.Id, title = i.Title, openedAt = i.OpenedAt.ToString("O"), resolvedAt = i.ResolvedAt?.ToString("O"), opds = i.Opds,
            timeline = i.Timeline.Select(t => new { at = t.At.ToString("O"), text = t.Text }) });

    private static object Row(OpdRow o)
    {
        var others = o.Checks.Where(c => !c.IsConnection && c.Kind != CheckKind.Http).ToList();
        return new
        {
            slug = o.Slug, name = o.Name, state = o.Worst.ApiName(), checks = o.Checks.Count,
            states = o.Counts.ToDictionary(s => s.Key.ApiName(), s => s.Value), uptime90 = o.Uptime90,
            connection = Role(o.Checks.Where(c => c.IsConnection)), website = Role(o.Checks.Where(c => c.Kind == CheckKind.Http)),
            others = others.Take(ChecksNamed).Select(Named), othersTotal = others.Count, days = Days(o.Days),
            detail = $"/api/v1/status/{o.Slug}",
        };
    }

    public static object Summary(StatusSummary s)
    {
        var regency = s.Opds.FirstOrDefault(o => o.OpdId is null);
        return new
        {
            asOf = s.AsOf.ToString("O"),
            checks = s.Opds.Sum(o => o.Checks.Count),
            states = Enum.GetValues<CheckState>().ToDictionary(x => x.ApiName(), s.Count),
            opds = s.Opds.Where(o => o.OpdId is not null).Select(Row),
            regency = regency is null ? Enumerable.Empty<object>() : regency.Checks.Take(ChecksNamed).Select(Named),
            regencySummary = regency is null ? null : Row(regency),
            incidents = Incidents(s.Incidents),
            maintenance = s.Maintenance.Select(m => new { title = m.Title, startsAt = m.StartsAt.ToString("O"), endsAt = m.EndsAt.ToString("O"), recurring = m.Recurring }),
        };
    }

    public static object Detail(OpdStatusDetail d) => new
    {
        asOf = d.AsOf.ToString("O"), slug = d.Slug, name = d.Name, state = (d.Row?.Worst ?? CheckState.Unknown).ApiName(), uptime90 = d.Row?.Uptime90,
        page = d.Checks.Page.Number, pages = d.Checks.TotalPages, total = d.Checks.Total,
        checks = d.Checks.Items.Select(c => new { id = c.Id, name = c.Name, kind = c.Kind, state = c.State.ApiName(), since = c.Since?.ToString("O"), uptime90 = c.Uptime90, days = Days(c.Days) }),
        incidents = Incidents(d.Incidents),
    };
}
