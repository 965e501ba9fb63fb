using Microsoft.Extensions.DependencyInjection;
using SatuPintu.Data;
using SatuPintu.Monitoring;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Monitoring;

/// <summary>What the authorization matrix needs for the monitoring endpoints: a paused check on a loopback target and an incident.</summary>
public static partial class MonitoringMatrixSteps
{
    public static long CheckId { get; private set; }
    public static long IncidentId { get; private set; }

    public static async Task PrepareAsync(SatuPintuApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SatuPintuDb>();
        var check = new Check { Name = "Matriks " + Guid.NewGuid().ToString("N")[..6], Kind = CheckKind.Tcp, Target = "127.0.0.1:9", IntervalSeconds = 60, Paused = true, Status = new CheckStatus() };
        db.MonitorChecks.Add(check);
        await db.SaveChangesAsync();
        var incident = new Incident { Title = "Uji matriks", Kind = "state", CheckId = check.Id, OpenedAt = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc) };
        db.MonitorIncidents.Add(incident);
        await db.SaveChangesAsync();
        (CheckId, IncidentId) = (check.Id, incident.Id);
    }

    public static object NewCheck() => new { name = "Matriks " + Guid.NewGuid().ToString("N")[..6], kind = "tcp", target = "127.0.0.1:9", intervalSeconds = 60, paused = true };

    public static Dictionary<string, string> CheckForm() => new()
    {
        ["Input.Name"] = "Matriks " + Guid.NewGuid().ToString("N")[..6], ["Input.Kind"] = "tcp", ["Input.Target"] = "127.0.0.1:9", ["Input.IntervalSeconds"] = "60",
    };

    public static Dictionary<string, string> WindowForm() => new()
    {
        ["Window.Title"] = "Uji matriks", ["Window.CheckId"] = CheckId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Window.StartsAt"] = "2026-12-02T01:00", ["Window.EndsAt"] = "2026-12-02T02:00",
    };
}
