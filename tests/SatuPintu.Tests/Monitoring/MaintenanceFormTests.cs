using System.Net;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Monitoring;

/// <summary>The admin form for maintenance windows: a weekly window is stored with its days and length; a weekly one without a length is refused and keeps what was typed.</summary>
[Collection(Hosts.ManyLoginsAdmin)]
public sealed class MaintenanceFormTests(ManyLoginsApp app) : WithPersonas(app)
{
    private static async Task<HttpResponseMessage> PostAsync(HttpClient admin, params (string Key, string Value)[] fields)
    {
        var token = Personas.AntiforgeryToken(await admin.GetOkAsync("/admin/pemantauan"));
        using var content = new FormUrlEncodedContent([.. fields.Select(f => KeyValuePair.Create(f.Key, f.Value)), KeyValuePair.Create("__RequestVerificationToken", token)]);
        return await admin.PostAsync(new Uri("/admin/pemantauan?handler=Maintenance", UriKind.Relative), content);
    }

    [Fact]
    public async Task A_weekly_window_keeps_its_days_and_length_and_a_bad_one_is_refused()
    {
        var admin = await Personas.SignInAsync(app, People.Admin.Email);
        var title = "Pemeliharaan mingguan " + Guid.NewGuid().ToString("N")[..6];
        using var saved = await PostAsync(admin, ("Window.Title", title), ("Window.StartsAt", "2026-12-07T22:00"), ("Window.EndsAt", "2027-06-30T23:00"),
            ("Window.WeekDays", "1"), ("Window.WeekDays", "3"), ("Window.DurationMinutes", "90"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var window = await app.WithDbAsync(db => db.MonitorMaintenanceWindows.AsNoTracking().SingleAsync(w => w.Title == title));
        Assert.Equal(((1 << 1) | (1 << 3), 90), (window.WeekDays, window.DurationMinutes));
        Assert.Contains("tiap Senin, Rabu selama 90 menit", await admin.GetOkAsync("/admin/pemantauan"), StringComparison.Ordinal);

        var count = await app.WithDbAsync(db => db.MonitorMaintenanceWindows.CountAsync());
        using var refused = await PostAsync(admin, ("Window.Title", title + " tanpa lama"), ("Window.StartsAt", "2026-12-07T22:00"), ("Window.EndsAt", "2027-06-30T23:00"),
            ("Window.WeekDays", "5"), ("Window.DurationMinutes", "dua jam"));
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("perlu lama pemeliharaan 1 sampai 1440 menit", html, StringComparison.Ordinal);
        Assert.Contains("value=\"dua jam\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{title} tanpa lama\"", html, StringComparison.Ordinal);
        Assert.Equal(count, await app.WithDbAsync(db => db.MonitorMaintenanceWindows.CountAsync()));
    }
}
