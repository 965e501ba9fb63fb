using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;

namespace SatuPintu.Monitoring.Engine;

/// <summary>
/// Incidents as states change, within the writer's unit of work: DOWN opens one (detected), a child
/// made UNREACHABLE joins its parent's (its OPD among the affected), UP resolves the check's own.
/// </summary>
internal sealed class IncidentTimeline(SatuPintuDb db, DateTime now)
{
    private readonly Dictionary<long, Incident> _touched = [];
    private readonly Dictionary<long, long> _resolved = [];

    public async Task OnTransitionAsync(Check check, Verdict v, IReadOnlyDictionary<long, Check> checks, CancellationToken ct)
    {
        var s = check.Status!;
        switch (v.To)
        {
            case CheckState.Down:
                var opened = new Incident { Title = $"{check.Name} terputus", Kind = "state", CheckId = check.Id, OpenedAt = now };
                opened.Timeline.Add(new IncidentEvent { At = now, Kind = "detected", Text = $"Terdeteksi terputus: {s.LastError ?? "tidak menjawab"}" });
                AddOpd(opened, check.OpdId);
                db.MonitorIncidents.Add(opened);
                await db.SaveChangesAsync(ct);
                _touched[opened.Id] = opened;
                s.OpenIncidentId = opened.Id;
                break;
            case CheckState.Unreachable:
                if (AncestorIncident(check, checks) is { } parentIncident && await LoadAsync(parentIncident, ct) is { } shared)
                {
                    shared.Timeline.Add(new IncidentEvent { At = now, Kind = "unreachable", Text = $"{check.Name} tidak terjangkau karena induknya terputus" });
                    AddOpd(shared, check.OpdId);
                    s.OpenIncidentId = shared.Id;
                }
                break;
            case CheckState.Up when s.OpenIncidentId is { } id && await LoadAsync(id, ct) is { } incident:
                if (incident.CheckId == check.Id)
                {
                    incident.ResolvedAt = now;
                    incident.Timeline.Add(new IncidentEvent { At = now, Kind = "resolved", Text = $"{check.Name} pulih" });
                    _resolved[check.Id] = incident.Id;
                }
                else
                {
                    incident.Timeline.Add(new IncidentEvent { At = now, Kind = "note", Text = $"{check.Name} terjangkau lagi" });
                }
                s.OpenIncidentId = null;
                break;
        }
    }

    public IEnumerable<string> OpdsOf(long? incidentId) =>
        incidentId is { } id && _touched.TryGetValue(id, out var i) ? i.Opds.Select(o => o.Opd?.Slug).OfType<string>() : [];

    public long? LastResolvedOf(long checkId) => _resolved.TryGetValue(checkId, out var id) ? id : null;

    private static long? AncestorIncident(Check check, IReadOnlyDictionary<long, Check> checks)
    {
        for (var (c, hops) = (check, 0); c.ParentCheckId is { } p && checks.TryGetValue(p, out var parent) && hops < 32; c = parent, hops++)
        {
            if (parent.Status?.OpenIncidentId is { } id)
            {
                return id;
            }
        }
        return null;
    }

    private async Task<Incident?> LoadAsync(long id, CancellationToken ct)
    {
        if (_touched.TryGetValue(id, out var known))
        {
            return known;
        }
        var incident = await db.MonitorIncidents.Include(i => i.Opds).ThenInclude(o => o.Opd).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (incident is not null)
        {
            _touched[id] = incident;
        }
        return incident;
    }

    private void AddOpd(Incident incident, int? opdId)
    {
        if (opdId is { } o && incident.Opds.All(x => x.OpdId != o))
        {
            incident.Opds.Add(new IncidentOpd { OpdId = o, Opd = db.Opds.Local.FirstOrDefault(x => x.Id == o) });
        }
    }
}
