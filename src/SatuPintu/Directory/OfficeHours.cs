using SatuPintu.Hosting;
using SatuPintu.Shared;

namespace SatuPintu.Directory;

/// <summary>
/// "Buka sekarang" or "Tutup" for written opening hours, now, on the regency's wall clock and its holidays.
/// Pages showing it are output-cached for at most <see cref="OutputCacheSettings.Seconds"/>, so the state
/// shown is at most that old; the sentence names the time it changes, which stays true while cached.
/// </summary>
public sealed class OfficeHours(RegionalClock clock, RegencyOptions regency)
{
    public HoursState? Now(string? hours) => At(hours, clock.UtcNow);

    public HoursState? At(string? hours, DateTime utc) =>
        OpeningHours.TryParse(hours, out _) is { } h ? h.StateAt(clock.ToLocal(utc), d => regency.HolidaysByDate.GetValueOrDefault(d)) : null;
}
