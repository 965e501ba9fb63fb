using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SatuPintu.Data;
using SatuPintu.Monitoring.Samples;

namespace SatuPintu.Monitoring.Engine;

/// <summary>
/// Every minute (on the node holding the lease): rolls each finished hour of raw samples into hour
/// rows, each finished day of hour rows into day rows, and drops raw days older than the window.
/// </summary>
public sealed class Rollups(IServiceScopeFactory scopes, ISampleStore samples, TimeProvider time, JobLeases leases,
    IOptions<MonitoringOptions> options, ILogger<Rollups> log) : BackgroundService
{
    public const string Job = "monitoring-rollups";
    internal const string Position = "monitoring-rolled-hour";
    private readonly SemaphoreSlim _gate = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        do
        {
            try
            {
                if (await leases.TryAcquireAsync(Job, TimeSpan.FromMinutes(3), stoppingToken))
                {
                    await RunAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Monitoring rollup failed; retrying on the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Rolls up what is finished and drops what is past the raw window.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        // The lease keeps other nodes out; this keeps a second pass of this node (an admin's, a test's) out.
        await _gate.WaitAsync(ct);
        try
        {
            await RunCoreAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task RunCoreAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SatuPintuDb>();
        var now = time.GetUtcNow().UtcDateTime;
        var currentHour = new DateTime(now.Year, now.Month, now.Day, now.Hour, 0, 0, DateTimeKind.Utc);
        var position = await db.SeedStates.FirstOrDefaultAsync(s => s.Key == Position, ct);
        var days = await samples.DaysAsync(ct);
        DateTime next;
        if (position is not null)
        {
            next = DateTime.UnixEpoch.AddHours(position.Value + 1);
        }
        else if (days.Count > 0)
        {
            next = days[0].ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        }
        else
        {
            next = currentHour;
        }
        for (; next < currentHour; next = next.AddHours(1))
        {
            await RollHourAsync(db, next, ct);
            if (next.Hour == 23)
            {
                await RollDayAsync(db, next.Date, ct);
            }
            position ??= db.SeedStates.Add(new SeedState { Key = Position }).Entity;
            position.Value = (long)(next - DateTime.UnixEpoch).TotalHours;
            position.UpdatedAt = now;
            await db.SaveChangesAsync(ct);
        }
        var oldest = DateOnly.FromDateTime(now).AddDays(-options.Value.RawSampleDays);
        foreach (var day in days.Where(d => d < oldest))
        {
            await samples.DropDayAsync(day, ct);
        }
    }

    private async Task RollHourAsync(SatuPintuDb db, DateTime hour, CancellationToken ct)
    {
        var raw = await samples.ReadAsync(hour, hour.AddHours(1), ct);
        foreach (var g in raw.GroupBy(s => s.CheckId))
        {
            var rtts = g.Where(s => s.Status == SampleStatus.Up && s.RttMs is not null).Select(s => s.RttMs!.Value).Order().ToList();
            var judged = g.Where(s => s.Status is SampleStatus.Up or SampleStatus.Down).ToList();
            db.MonitorRollups.Add(new CheckRollup
            {
                CheckId = g.Key, Period = RollupPeriod.Hour, Start = hour,
                Up = g.Count(s => s.Status == SampleStatus.Up), Down = g.Count(s => s.Status == SampleStatus.Down),
                Unknown = g.Count(s => s.Status == SampleStatus.Unknown), Maintenance = g.Count(s => s.Status == SampleStatus.Maintenance),
                MinRttMs = rtts.Count > 0 ? rtts[0] : null, AvgRttMs = rtts.Count > 0 ? rtts.Average() : null,
                P95RttMs = rtts.Count > 0 ? rtts[Math.Min(rtts.Count - 1, (int)Math.Ceiling(rtts.Count * 0.95) - 1)] : null,
                LossPercent = judged.Count > 0 ? judged.Average(s => s.LossPercent) : null,
            });
        }
        await db.SaveChangesAsync(ct);
    }

    private static async Task RollDayAsync(SatuPintuDb db, DateTime day, CancellationToken ct)
    {
        var hours = await db.MonitorRollups.AsNoTracking()
            .Where(r => r.Period == RollupPeriod.Hour && r.Start >= day && r.Start < day.AddDays(1)).ToListAsync(ct);
        foreach (var g in hours.GroupBy(r => r.CheckId))
        {
            var withRtt = g.Where(r => r.AvgRttMs is not null).ToList();
            var withLoss = g.Where(r => r.LossPercent is not null).ToList();
            db.MonitorRollups.Add(new CheckRollup
            {
                CheckId = g.Key, Period = RollupPeriod.Day, Start = day,
                Up = g.Sum(r => r.Up), Down = g.Sum(r => r.Down), Unknown = g.Sum(r => r.Unknown), Maintenance = g.Sum(r => r.Maintenance),
                MinRttMs = withRtt.Count > 0 ? withRtt.Min(r => r.MinRttMs) : null,
                AvgRttMs = withRtt.Count > 0 ? withRtt.Sum(r => r.AvgRttMs!.Value * r.Up) / Math.Max(1, withRtt.Sum(r => r.Up)) : null,
                P95RttMs = withRtt.Count > 0 ? withRtt.Max(r => r.P95RttMs) : null,
                LossPercent = withLoss.Count > 0 ? withLoss.Average(r => r.LossPercent!.Value) : null,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
