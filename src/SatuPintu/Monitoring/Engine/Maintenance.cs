namespace SatuPintu.Monitoring.Engine;

public static class Maintenance
{
    /// <summary>True when <paramref name="w"/> covers <paramref name="utc"/>; recurring windows are read in the regional zone.</summary>
    public static bool Covers(this MaintenanceWindow w, DateTime utc, TimeZoneInfo zone)
    {
        if (utc < w.StartsAt || utc > w.EndsAt)
        {
            return false;
        }
        if (w.WeekDays == 0)
        {
            return true;
        }
        var local = TimeZoneInfo.ConvertTimeFromUtc(utc, zone);
        var startLocal = TimeZoneInfo.ConvertTimeFromUtc(w.StartsAt, zone).TimeOfDay;
        // Today's occurrence, or yesterday's when it runs past midnight.
        foreach (var day in new[] { local.Date, local.Date.AddDays(-1) })
        {
            var begins = day + startLocal;
            if ((w.WeekDays & (1 << (int)day.DayOfWeek)) != 0 && local >= begins && local < begins.AddMinutes(w.DurationMinutes))
            {
                return true;
            }
        }
        return false;
    }

    public static bool Applies(this MaintenanceWindow w, Check c) =>
        (w.CheckId is null || w.CheckId == c.Id) && (w.OpdId is null || w.OpdId == c.OpdId);
}
