using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SatuPintu.Monitoring;
using SatuPintu.Monitoring.Alerts;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Monitoring.Alerts;

/// <summary>
/// An accepted alert survives a restart: the app stops before its window ends, the next start on the
/// same database delivers it once, signed with the secret stored before the restart (data-protection
/// keys live in the database). On SQLite and PostgreSQL.
/// </summary>
public sealed class AlertRestartTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task An_alert_accepted_before_a_restart_is_delivered_once_after_it(bool postgres)
    {
        await using var http = await HttpSink.StartAsync();
        await using var smtp = SmtpSink.Start();
        var settings = AlertHost.Settings(http, smtp);
        var dataDir = Path.Combine(Path.GetTempPath(), "satupintu-tests", Guid.NewGuid().ToString("N"));
        var path = "/hook-restart";
        const string secret = "rahasia-penanda-tangan";
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 3, 0, 0, TimeSpan.Zero));
        string? database = postgres ? PostgresServer.CreateDatabase() : null;
        if (database is not null)
        {
            settings["ConnectionStrings:Postgres"] = database;
        }
        try
        {
            await using (var first = Node.Fresh(postgres: false, settings, clock, dataDir: dataDir))
            {
                var people = await Personas.CreateAsync(first);
                await AlertHost.AddChannelAsync(first, people, new { kind = "webhook", url = http.Url(path).ToString(), secret });
                await AlertHost.PublishAsync(first, "Tautan Bappeda", CheckState.Down, "bappeda");
                Assert.Equal(1, await first.WithDbAsync(db => db.AlertDeliveries.CountAsync(d => d.Status == DeliveryStatus.Pending)));
            }
            Assert.Empty(http.Received);

            var later = new FakeTimeProvider(clock.GetUtcNow().AddMinutes(5));
            await using var second = Node.Fresh(postgres: false, settings, later, dataDir: dataDir);
            await AlertHost.PassAsync(second, later, TimeSpan.FromSeconds(1));
            Assert.True(await Eventually.TrueAsync(() => http.Received.Count(r => r.Path == path) == 1));
            var request = http.Received.Single(r => r.Path == path);
            Assert.Equal("Tautan Bappeda", JsonDocument.Parse(request.Body).RootElement.GetProperty("name").GetString());
            var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(request.Body)));
            Assert.Equal(expected, request.Headers["X-SatuPintu-Signature"]);

            await AlertHost.PassAsync(second, later, TimeSpan.FromMinutes(10));
            Assert.Equal(1, http.Received.Count(r => r.Path == path));
            Assert.Equal(["sent"], await second.WithDbAsync(db => db.NotificationLog.Select(n => n.Status).ToListAsync()));
        }
        finally
        {
            SatuPintuApp.TryDelete(dataDir);
        }
    }
}
