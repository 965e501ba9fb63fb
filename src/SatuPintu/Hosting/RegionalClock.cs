using System.Globalization;
using Microsoft.Extensions.Options;

namespace SatuPintu.Hosting;

/// <summary>
/// "Now" and date formatting in the regency's zone, in Indonesian. Names are spelled out here
/// rather than taken from ICU's id-ID so the output never depends on what the server has installed.
/// </summary>
public sealed class RegionalClock(TimeProvider time, IOptions<SatuPintuOptions> options)
{
    private static readonly string[] Days = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];
    private static readonly string[] Months =
        ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

    private readonly TimeZoneInfo _zone = TryFindZone(options.Value.TimeZone) ?? TimeZoneInfo.Utc;

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public string ZoneAbbreviation => _zone.BaseUtcOffset.TotalHours switch
    {
        7 => "WIB",
        8 => "WITA",
        9 => "WIT",
        _ => "UTC" + _zone.BaseUtcOffset.ToString("hh\\:mm", CultureInfo.InvariantCulture),
    };

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);

    /// <summary>A wall-clock time in the regency's zone (e.g. from a datetime-local field) as UTC.</summary>
    public DateTime FromLocal(DateTime local) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), _zone);

    /// <summary>The value a datetime-local field shows for a UTC time.</summary>
    public string InputValue(DateTime? utc) => utc is { } u ? ToLocal(u).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture) : "";

    /// <summary>"Sabtu, 28 November 2026".</summary>
    public string LongDate(DateTime utc)
    {
        var d = ToLocal(utc);
        return $"{Days[(int)d.DayOfWeek]}, {d.Day} {Months[d.Month - 1]} {d.Year}";
    }

    /// <summary>"28 Nov 2026".</summary>
    public string ShortDate(DateTime utc)
    {
        var d = ToLocal(utc);
        return $"{d.Day} {Months[d.Month - 1][..3]} {d.Year}";
    }

    /// <summary>"Sabtu, 28 November 2026, 09.30 WIB" (Indonesian uses a dot between hours and minutes).</summary>
    public string LongDateTime(DateTime utc)
    {
        var d = ToLocal(utc);
        return $"{LongDate(utc)}, {d:HH}.{d:mm} {ZoneAbbreviation}";
    }

    public static string IsoDate(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static TimeZoneInfo? TryFindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            // Servers without tzdata: the three Indonesian zones have no daylight saving, a fixed offset is exact.
            return id switch
            {
                "Asia/Jakarta" or "Asia/Pontianak" => TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(7), "WIB", "WIB"),
                "Asia/Makassar" => TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(8), "WITA", "WITA"),
                "Asia/Jayapura" => TimeZoneInfo.CreateCustomTimeZone(id, TimeSpan.FromHours(9), "WIT", "WIT"),
                _ => null,
            };
        }
        catch (InvalidTimeZoneException)
        {
            return null;
        }
    }
}
