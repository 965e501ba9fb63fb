using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SatuPintu.Directory;
using SatuPintu.Hosting;
using SatuPintu.Shared;

namespace SatuPintu.Tests.Directory;

/// <summary>"Buka sekarang"/"Tutup" on the regency's wall clock (WIB, UTC+7), with breaks, Friday hours and holidays.</summary>
public sealed class OpeningHoursTests
{
    private const string Office = "Senin-Kamis 08.00-12.00, 13.00-16.00\nJumat 08.00-11.30, 13.30-16.30\nSabtu, Minggu tutup";
    private readonly FakeTimeProvider _time = new();
    private readonly OfficeHours _hours;

    public OpeningHoursTests()
    {
        var clock = new RegionalClock(_time, Options.Create(new SatuPintuOptions { TimeZone = "Asia/Jakarta" }));
        _hours = new OfficeHours(clock, new RegencyOptions { Holidays = ["2026-12-25 Hari Raya Natal"] });
    }

    /// <summary>The state at a wall-clock time in WIB, reached by moving the fake clock.</summary>
    private HoursState At(string hours, string wib)
    {
        _time.SetUtcNow(DateTimeOffset.Parse(wib + "+07:00", System.Globalization.CultureInfo.InvariantCulture));
        return _hours.Now(hours)!;
    }

    [Theory]
    [InlineData("2026-12-03T09:00", true, "Buka sekarang · tutup pukul 12.00")]
    [InlineData("2026-12-03T12:30", false, "Tutup · istirahat, buka pukul 13.00")]
    [InlineData("2026-12-03T15:59", true, "Buka sekarang · tutup pukul 16.00")]
    [InlineData("2026-12-03T16:00", false, "Tutup · buka besok pukul 08.00")]
    // Friday: a longer break for Friday prayers and a later close.
    [InlineData("2026-12-04T11:45", false, "Tutup · istirahat, buka pukul 13.30")]
    [InlineData("2026-12-04T16:15", true, "Buka sekarang · tutup pukul 16.30")]
    [InlineData("2026-12-04T16:31", false, "Tutup · buka Senin pukul 08.00")]
    [InlineData("2026-12-06T10:00", false, "Tutup · buka besok pukul 08.00")]
    // The day before Christmas (a Thursday): Friday is a holiday, so the next opening is Monday.
    [InlineData("2026-12-24T16:30", false, "Tutup · buka Senin pukul 08.00")]
    [InlineData("2026-12-25T09:00", false, "Tutup · hari libur (Hari Raya Natal), buka Senin pukul 08.00")]
    public void Office_hours_follow_breaks_fridays_and_holidays(string wib, bool open, string label)
    {
        Assert.Equal(new HoursState(open, label), At(Office, wib));
    }

    [Fact]
    public void The_day_turns_at_midnight_in_the_regency_not_in_utc()
    {
        // 17.00 UTC on Thursday is already Friday 00.00 WIB: the office opens later today, not tomorrow.
        _time.SetUtcNow(new DateTimeOffset(2026, 12, 3, 16, 59, 59, TimeSpan.Zero));
        Assert.Equal(new HoursState(false, "Tutup · buka besok pukul 08.00"), _hours.Now(Office));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(new HoursState(false, "Tutup · buka pukul 08.00"), _hours.Now(Office));
        _time.Advance(TimeSpan.FromHours(8));
        Assert.Equal(new HoursState(true, "Buka sekarang · tutup pukul 11.30"), _hours.Now(Office));
    }

    [Fact]
    public void A_round_the_clock_service_stays_open_on_holidays_only_when_it_says_so()
    {
        Assert.Equal(new HoursState(true, "Buka 24 jam"), At("Setiap hari 24 jam\nHari libur 24 jam", "2026-12-25T03:00"));
        Assert.False(At("Setiap hari 24 jam", "2026-12-25T03:00").Open);
        Assert.Equal(new HoursState(true, "Buka sekarang · tutup pukul 12.00"), At("Senin-Jumat 08.00-16.00\nHari libur 08.00-12.00", "2026-12-25T09:00"));
    }

    [Theory]
    [InlineData("Senin-Kamis 8-12")]
    [InlineData("Senen 08.00-12.00")]
    [InlineData("Senin 12.00-08.00")]
    [InlineData("Senin 08.00-25.00")]
    [InlineData("buka terus")]
    public void Unreadable_hours_are_refused_naming_the_line(string text)
    {
        Assert.Null(OpeningHours.TryParse("Jumat 08.00-11.00\n" + text, out var error));
        Assert.Contains($"\"{text}\"", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Day_ranges_wrap_the_week_and_lists_combine()
    {
        // The fake clock only moves forward: Wednesday, Thursday, Sunday, Tuesday.
        Assert.False(At("Selasa, Kamis: 08.00-12.00", "2026-12-02T09:00").Open);
        Assert.True(At("Selasa, Kamis: 08.00-12.00", "2026-12-03T09:00").Open);
        Assert.True(At("Jumat-Senin 08.00-12.00", "2026-12-06T09:00").Open);
        Assert.False(At("Jumat-Senin 08.00-12.00", "2026-12-08T09:00").Open);
    }
}
