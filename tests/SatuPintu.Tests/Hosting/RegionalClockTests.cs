using Microsoft.Extensions.Options;
using SatuPintu.Hosting;

namespace SatuPintu.Tests.Hosting;

public sealed class RegionalClockTests
{
    private static RegionalClock Clock(string zone = "Asia/Jakarta") =>
        new(TimeProvider.System, Options.Create(new SatuPintuOptions { TimeZone = zone }));

    [Theory]
    [InlineData(2026, 11, 28, 3, "Sabtu, 28 November 2026")]
    [InlineData(2026, 11, 28, 18, "Minggu, 29 November 2026")] // 01:00 WIB the next day
    [InlineData(2004, 1, 7, 2, "Rabu, 7 Januari 2004")]
    [InlineData(2025, 8, 17, 0, "Minggu, 17 Agustus 2025")]
    public void Long_date_is_indonesian_in_wib(int y, int m, int d, int hourUtc, string expected) =>
        Assert.Equal(expected, Clock().LongDate(new DateTime(y, m, d, hourUtc, 0, 0, DateTimeKind.Utc)));

    [Fact]
    public void Date_time_uses_a_dot_and_the_zone_name() =>
        Assert.Equal("Sabtu, 28 November 2026, 09.30 WIB", Clock().LongDateTime(new DateTime(2026, 11, 28, 2, 30, 0, DateTimeKind.Utc)));

    [Theory]
    [InlineData("Asia/Makassar", "WITA")]
    [InlineData("Asia/Jayapura", "WIT")]
    public void Other_indonesian_zones(string zone, string abbreviation) =>
        Assert.Equal(abbreviation, Clock(zone).ZoneAbbreviation);

    [Fact]
    public void Unknown_zone_is_refused() => Assert.Null(RegionalClock.TryFindZone("Mars/Olympus"));
}
