using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;

namespace SatuPintu.Monitoring;

/// <summary>Incidents opened from outside the engine (website-watch findings) and people's acknowledgements and notes.</summary>
public sealed class IncidentBook(SatuPintuDb db, TimeProvider time) : IIncidentBook
{
    public async Task<long> OpenForFindingAsync(WatchFindingReport report, CancellationToken cancellationToken)
    {
        var open = await db.MonitorIncidents.FirstOrDefaultAsync(i => i.Kind == "finding" && i.ResolvedAt == null && i.Url == report.Url, cancellationToken);
        if (open is not null)
        {
            return open.Id;
        }
        var incident = new Incident { Title = report.Title, Kind = "finding", Url = report.Url, OpenedAt = report.At };
        incident.Timeline.Add(new IncidentEvent { At = report.At, Kind = "finding", Text = report.Evidence.Length > 2000 ? report.Evidence[..2000] : report.Evidence });
        if (await db.Opds.Where(o => o.Slug == report.OpdSlug).Select(o => (int?)o.Id).FirstOrDefaultAsync(cancellationToken) is { } opd)
        {
            incident.Opds.Add(new IncidentOpd { OpdId = opd });
        }
        db.MonitorIncidents.Add(incident);
        await db.SaveChangesAsync(cancellationToken);
        return incident.Id;
    }

    /// <summary>Acknowledges (first time) and/or adds a note; false when there is no such incident.</summary>
    public async Task<bool> AcknowledgeAsync(long id, ClaimsPrincipal who, string? note, CancellationToken ct)
    {
        var incident = await db.MonitorIncidents.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is null)
        {
            return false;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var actor = who.FindFirstValue(ClaimTypes.Email) ?? who.Identity?.Name ?? "admin";
        if (incident.AcknowledgedAt is null)
        {
            incident.AcknowledgedAt = now;
            incident.AcknowledgedBy = actor;
            db.MonitorIncidentEvents.Add(new IncidentEvent { IncidentId = id, At = now, Kind = "acknowledged", Actor = actor, Text = $"Ditangani oleh {actor}" });
        }
        if (!string.IsNullOrWhiteSpace(note))
        {
            db.MonitorIncidentEvents.Add(new IncidentEvent { IncidentId = id, At = now, Kind = "note", Actor = actor, Text = note.Trim() });
        }
        await db.SaveChangesAsync(ct);
        return true;
    }
}
