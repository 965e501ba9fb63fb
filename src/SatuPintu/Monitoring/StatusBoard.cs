using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;

namespace SatuPintu.Monitoring;

/// <summary>One day of one check on the status page: null uptime when there is no data (never counted as up).</summary>
public sealed record DayBar(DateOnly Day, double? Uptime, int Down, int Maintenance);

public sealed record PublicCheck(long Id, string Name, string Kind, CheckState State, DateTime? Since, double? Uptime90, IReadOnlyList<DayBar> Days);

public sealed record OpdStatus(string Slug, string Name, PublicCheck? Connection, PublicCheck? Website, IReadOnlyList<PublicCheck> Others);

public sealed record PublicIncident(long Id, string Title, DateTime OpenedAt, DateTime? ResolvedAt, IReadOnlyList<string> Opds, IReadOnlyList<(DateTime At, string Text)> Timeline);

public sealed record PublicMaintenance(string Title, DateTime StartsAt, DateTime EndsAt, bool Recurring);

public sealed record StatusSnapshot(DateTime AsOf, IReadOnlyList<OpdStatus> Opds, IReadOnlyList<PublicCheck> Regency, IReadOnlyList<PublicIncident> Incidents,
    IReadOnlyList<PublicMaintenance> Maintenance);

/// <summary>
/// What /status and /api/v1/status show: per OPD its connection and website, state, 90 days of
/// uptime from the day rollups (today from hour rollups), incidents and maintenance. Never a target
/// address: the public sees names and states only. Paused checks are left out.
/// </summary>
public sealed class StatusBoard(SatuPintuDb db, TimeProvider time)
{
    public const int Days = 90;

    public async Task<StatusSnapshot> SnapshotAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var from = today.AddDays(-(Days - 1)).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var checks = await db.MonitorChecks.AsNoTracking().Include(c => c.Status).Include(c => c.Opd)
            .Where(c => c.Public && !c.Paused).OrderBy(c => c.Name).ToListAsync(ct);
        var ids = checks.Select(c => c.Id).ToList();
        var rollups = await db.MonitorRollups.AsNoTracking()
            .Where(r => ids.Contains(r.CheckId) && r.Start >= from && (r.Period == RollupPeriod.Day || r.Start >= today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)))
            .Select(r => new { r.CheckId, r.Period, r.Start, r.Up, r.Down, r.Maintenance }).ToListAsync(ct);
        var byCheck = rollups.GroupBy(r => r.CheckId).ToDictionary(g => g.Key, g => g.GroupBy(r => DateOnly.FromDateTime(r.Start))
            .ToDictionary(d => d.Key, d => (Up: d.Sum(x => x.Up), Down: d.Sum(x => x.Down), Maint: d.Sum(x => x.Maintenance))));
        PublicCheck Public(Check c)
        {
            var days = byCheck.GetValueOrDefault(c.Id) ?? [];
            var bars = Enumerable.Range(0, Days).Select(i => today.AddDays(i - Days + 1))
                .Select(d => days.TryGetValue(d, out var v) ? new DayBar(d, v.Up + v.Down > 0 ? (double)v.Up / (v.Up + v.Down) : null, v.Down, v.Maint) : new DayBar(d, null, 0, 0))
                .ToList();
            var up = days.Values.Sum(v => v.Up);
            var judged = up + days.Values.Sum(v => v.Down);
            return new PublicCheck(c.Id, c.Name, c.Kind.ToString().ToLowerInvariant(), c.Shown(), c.Status?.Since, judged > 0 ? (double)up / judged : null, bars);
        }
        var opds = checks.Where(c => c.Opd is not null).GroupBy(c => c.Opd!)
            .OrderBy(g => g.Key.SortOrder).ThenBy(g => g.Key.Name)
            .Select(g => new OpdStatus(g.Key.Slug, g.Key.Name,
                g.FirstOrDefault(c => c.NetworkLinkId is not null || c.Kind == CheckKind.Icmp) is { } link ? Public(link) : null,
                g.FirstOrDefault(c => c.Kind == CheckKind.Http) is { } web ? Public(web) : null,
                [.. g.Where(c => c.NetworkLinkId is null && c.Kind is not (CheckKind.Icmp or CheckKind.Http)).Select(Public)]))
            .ToList();
        var incidents = await db.MonitorIncidents.AsNoTracking().AsSplitQuery().Include(i => i.Timeline).Include(i => i.Opds).ThenInclude(o => o.Opd)
            .Where(i => i.OpenedAt >= from && (i.Check == null || i.Check.Public)).OrderByDescending(i => i.OpenedAt).Take(50).ToListAsync(ct);
        var windows = await db.MonitorMaintenanceWindows.AsNoTracking().Where(w => w.EndsAt >= now).OrderBy(w => w.StartsAt).Take(20).ToListAsync(ct);
        return new StatusSnapshot(now, opds, [.. checks.Where(c => c.Opd is null).Select(Public)],
            [.. incidents.Select(i => new PublicIncident(i.Id, i.Title, i.OpenedAt, i.ResolvedAt, [.. i.Opds.Select(o => o.Opd?.Name).OfType<string>()],
                // Notes are people's words to each other and acknowledgements name them: the public sees what happened, not who.
                [.. i.Timeline.Where(e => e.Kind is "detected" or "unreachable" or "resolved").OrderBy(e => e.At).Select(e => (e.At, e.Text))]))],
            [.. windows.Select(w => new PublicMaintenance(w.Title, w.StartsAt, w.EndsAt, w.WeekDays != 0))]);
    }

    /// <summary>The live state of an OPD's public checks (OPD page), or of all of them (null: /jaringan).</summary>
    public async Task<IReadOnlyList<(string Name, CheckState State)>> LiveAsync(int? opdId, CancellationToken ct) =>
        [.. (await db.MonitorChecks.AsNoTracking().Where(c => c.Public && !c.Paused && (opdId == null || c.OpdId == opdId))
            .OrderBy(c => c.Name).Select(c => new { c.Name, State = c.Status == null ? CheckState.Unknown : c.Status.State }).ToListAsync(ct))
            .Select(c => (c.Name, c.State))];

    public async Task<object> JsonAsync(CancellationToken ct)
    {
        var s = await SnapshotAsync(ct);
        static object Check(PublicCheck? c) => c is null ? null! : new
        {
            id = c.Id, name = c.Name, kind = c.Kind, state = c.State.ApiName(), since = c.Since?.ToString("O"), uptime90 = c.Uptime90,
            days = c.Days.Select(d => new { day = d.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), uptime = d.Uptime, down = d.Down, maintenance = d.Maintenance }),
        };
        return new
        {
            asOf = s.AsOf.ToString("O"),
            opds = s.Opds.Select(o => new { slug = o.Slug, name = o.Name, connection = Check(o.Connection), website = Check(o.Website), others = o.Others.Select(Check) }),
            regency = s.Regency.Select(Check),
            incidents = s.Incidents.Select(i => new { id = i.Id, title = i.Title, openedAt = i.OpenedAt.ToString("O"), resolvedAt = i.ResolvedAt?.ToString("O"), opds = i.Opds,
                timeline = i.Timeline.Select(t => new { at = t.At.ToString("O"), text = t.Text }) }),
            maintenance = s.Maintenance.Select(m => new { title = m.Title, startsAt = m.StartsAt.ToString("O"), endsAt = m.EndsAt.ToString("O"), recurring = m.Recurring }),
        };
    }
}
