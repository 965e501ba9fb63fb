using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;
using SatuPintu.Shared;

namespace SatuPintu.Monitoring;

/// <summary>One day of one check (or of an OPD's checks summed) on the status page: null uptime when there is no data (never counted as up).</summary>
public sealed record DayBar(DateOnly Day, double? Uptime, int Down, int Maintenance);

/// <summary>One check on an OPD's status page; <see cref="Target"/> is set for admins only.</summary>
public sealed record PublicCheck(long Id, string Name, string Kind, CheckState State, DateTime? Since, double? Uptime90, IReadOnlyList<DayBar> Days,
    string? Target = null, bool Public = true);

public sealed record PublicIncident(long Id, string Title, DateTime OpenedAt, DateTime? ResolvedAt, IReadOnlyList<string> Opds, IReadOnlyList<(DateTime At, string Text)> Timeline);

public sealed record PublicMaintenance(string Title, DateTime StartsAt, DateTime EndsAt, bool Recurring);

/// <summary>/status: one row per OPD, the latest incidents, maintenance notices.</summary>
public sealed record StatusSummary(DateTime AsOf, IReadOnlyList<OpdRow> Opds, IReadOnlyList<PublicIncident> Incidents, IReadOnlyList<PublicMaintenance> Maintenance)
{
    public int Count(CheckState s) => Opds.Sum(o => o.Counts.GetValueOrDefault(s));
}

/// <summary>/status/{slug}: one OPD's checks, a page at a time, and its incidents.</summary>
public sealed record OpdStatusDetail(DateTime AsOf, string Slug, string Name, OpdRow? Row, PagedList<PublicCheck> Checks, IReadOnlyList<PublicIncident> Incidents, bool Admin);

/// <summary>
/// What /status and /api/v1/status show: per OPD one summary row (<see cref="StatusCache"/>), and per
/// OPD a page of its checks with 90 days of uptime from the day rollups (today from hour rollups).
/// The public sees names and states only, never a target address; an admin's OPD page shows every
/// check with its target, paused and hidden ones too. Paused checks are left out of the public view.
/// </summary>
public sealed class StatusBoard(SatuPintuDb db, TimeProvider time, StatusCache cache)
{
    public const int Days = 90;
    public const int ChecksPerPage = 50;
    private const int SummaryIncidents = 10;

    public Task<StatusSummary> SummaryAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return cache.MemoAsync(db, now, "summary", async rows =>
        {
            var windows = await db.MonitorMaintenanceWindows.AsNoTracking().Where(w => w.EndsAt >= now).OrderBy(w => w.StartsAt).Take(20).ToListAsync(ct);
            return new StatusSummary(now, rows.Rows, await IncidentsAsync(now, null, SummaryIncidents, ct),
                [.. windows.Select(w => new PublicMaintenance(w.Title, w.StartsAt, w.EndsAt, w.WeekDays != 0))]);
        }, ct);
    }

    /// <summary>What <paramref name="make"/> derives from the summary (say, the JSON bytes), kept as long as the summary is.</summary>
    public Task<T> MemoAsync<T>(string key, Func<Task<T>> make, CancellationToken ct) where T : class? =>
        cache.MemoAsync(db, time.GetUtcNow().UtcDateTime, key, _ => make(), ct);

    /// <summary>One OPD's page (or the regency's, <see cref="StatusCache.RegencySlug"/>); null for an unknown OPD, or the regency without public checks.</summary>
    public async Task<OpdStatusDetail?> DetailAsync(string slug, PageRequest page, bool admin, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        // The public page is the same for everyone until the summary changes; an admin's (with targets) is never kept.
        return admin ? await BuildDetailAsync(slug, page, admin, now, ct)
            : await cache.MemoAsync(db, now, $"detail|{slug}|{page.Number}|{page.Size}", _ => BuildDetailAsync(slug, page, admin, now, ct), ct);
    }

    private async Task<OpdStatusDetail?> BuildDetailAsync(string slug, PageRequest page, bool admin, DateTime now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now);
        var row = (await cache.GetAsync(db, now, ct)).Find(slug);
        var opd = slug == StatusCache.RegencySlug ? null : await db.Opds.AsNoTracking().Where(o => o.Slug == slug).Select(o => new { o.Id, o.Name }).FirstOrDefaultAsync(ct);
        if (row is null && opd is null && !(admin && slug == StatusCache.RegencySlug))
        {
            return null;
        }
        var opdId = opd?.Id;
        var name = row?.Name ?? opd?.Name ?? "Layanan kabupaten";
        List<PublicCheck> items;
        int total;
        if (admin)
        {
            var all = db.MonitorChecks.AsNoTracking().Where(c => c.OpdId == opdId);
            total = await all.CountAsync(ct);
            var checks = await all.Include(c => c.Status).OrderBy(c => c.Name).ThenBy(c => c.Id).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
            var days = await CheckDaysAsync([.. checks.Select(c => c.Id)], today, ct);
            items = [.. checks.Select(c => ToPublic(c.Id, c.Name, c.Kind, c.Shown(), c.Status?.Since, today, days) with { Target = c.Target, Public = c.Public })];
        }
        else
        {
            total = row?.Checks.Count ?? 0;
            var checks = row?.Checks.Skip(page.Skip).Take(page.Size).ToList() ?? [];
            var days = await CheckDaysAsync([.. checks.Select(c => c.Id)], today, ct);
            items = [.. checks.Select(c => ToPublic(c.Id, c.Name, c.Kind, c.State, c.Since, today, days))];
        }
        return new OpdStatusDetail(now, slug, name, row, new PagedList<PublicCheck>(items, page, total),
            await IncidentsAsync(now, opdId ?? 0, 20, ct), admin);
    }

    private static PublicCheck ToPublic(long id, string name, CheckKind kind, CheckState state, DateTime? since, DateOnly today,
        Dictionary<long, Dictionary<DateOnly, (int Up, int Down, int Maint)>> days)
    {
        var mine = days.GetValueOrDefault(id) ?? [];
        var up = mine.Values.Sum(v => v.Up);
        var judged = up + mine.Values.Sum(v => v.Down);
        return new PublicCheck(id, name, kind.ToString().ToLowerInvariant(), state, since, judged > 0 ? (double)up / judged : null, StatusCache.Bars(today, mine));
    }

    private async Task<Dictionary<long, Dictionary<DateOnly, (int Up, int Down, int Maint)>>> CheckDaysAsync(List<long> ids, DateOnly today, CancellationToken ct)
    {
        var from = today.AddDays(-(Days - 1)).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var todayStart = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var rollups = await db.MonitorRollups.AsNoTracking()
            .Where(r => ids.Contains(r.CheckId) && r.Start >= from && (r.Period == RollupPeriod.Day || r.Start >= todayStart))
            .Select(r => new { r.CheckId, r.Start, r.Up, r.Down, r.Maintenance }).ToListAsync(ct);
        return rollups.GroupBy(r => r.CheckId).ToDictionary(g => g.Key, g => g.GroupBy(r => DateOnly.FromDateTime(r.Start))
            .ToDictionary(d => d.Key, d => (d.Sum(x => x.Up), d.Sum(x => x.Down), d.Sum(x => x.Maintenance))));
    }

    /// <summary>The latest public incidents of the last 90 days: of every OPD (null), of one OPD, or (0) of the regency's own checks.</summary>
    private async Task<IReadOnlyList<PublicIncident>> IncidentsAsync(DateTime now, int? opdId, int take, CancellationToken ct)
    {
        var from = DateOnly.FromDateTime(now).AddDays(-(Days - 1)).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var query = db.MonitorIncidents.AsNoTracking().Where(i => i.OpenedAt >= from && (i.Check == null || i.Check.Public));
        query = opdId switch
        {
            null => query,
            0 => query.Where(i => !i.Opds.Any()),
            { } id => query.Where(i => i.Opds.Any(o => o.OpdId == id)),
        };
        var incidents = await query.AsSplitQuery().Include(i => i.Timeline).Include(i => i.Opds).ThenInclude(o => o.Opd)
            .OrderByDescending(i => i.OpenedAt).Take(take).ToListAsync(ct);
        return [.. incidents.Select(i => new PublicIncident(i.Id, i.Title, i.OpenedAt, i.ResolvedAt, [.. i.Opds.Select(o => o.Opd?.Name).OfType<string>()],
            // Notes are people's words to each other and acknowledgements name them: the public sees what happened, not who.
            [.. i.Timeline.Where(e => e.Kind is "detected" or "unreachable" or "resolved").OrderBy(e => e.At).Select(e => (e.At, e.Text))]))];
    }

    /// <summary>The live state of an OPD's public checks (OPD page), or of all of them (null: /jaringan), from the summary.</summary>
    public async Task<IReadOnlyList<(string Name, CheckState State)>> LiveAsync(int? opdId, CancellationToken ct) =>
        [.. (await cache.GetAsync(db, time.GetUtcNow().UtcDateTime, ct)).Rows.Where(r => opdId == null || (r.OpdId == opdId))
            .SelectMany(r => r.Checks).Select(c => (c.Name, c.State))];
}
