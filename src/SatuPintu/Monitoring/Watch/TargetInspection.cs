using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SatuPintu.Data;

namespace SatuPintu.Monitoring.Watch;

/// <summary>
/// One inspection of one target: fetch as a browser and as Googlebot, inspect both, compare with the
/// baselines, store what is new, and for new findings open an incident and publish an alert for the
/// OPD (Diskominfo's channels get every alert).
/// </summary>
public sealed class TargetInspection(SatuPintuDb db, PageFetcher fetcher, TimeProvider time, IOptions<WatchOptions> options,
    IIncidentBook incidents, IAlertSink alerts, ILogger<TargetInspection> log)
{
    private const int BaselineTextMax = 65_536;

    /// <summary>The number of new findings.</summary>
    public async Task<int> RunAsync(long targetId, CancellationToken ct)
    {
        var target = await db.WatchTargets.Include(t => t.Opd).FirstOrDefaultAsync(t => t.Id == targetId, ct);
        if (target is null)
        {
            return 0;
        }
        var o = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        target.LastInspectedAt = now;
        target.NextDueAt = Next(target.NextDueAt, now, TimeSpan.FromMinutes(o.IntervalMinutes));
        var url = new Uri(target.Url);
        FetchedPage page;
        try
        {
            page = await fetcher.AsBrowserAsync(url, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException && !ct.IsCancellationRequested)
        {
            target.LastStatus = 0;
            target.LastError = Cut(e is TaskCanceledException ? "Waktu habis" : e.Message, 1000);
            await db.SaveChangesAsync(ct);
            return 0;
        }
        target.LastStatus = page.Status;
        if (page.Status >= 300)
        {
            // A 3xx here is what is left after the redirect limit (or a redirect to another scheme).
            target.LastError = page.Status < 400 ? $"HTTP {page.Status}: terlalu banyak pengalihan" : $"HTTP {page.Status}";
            await db.SaveChangesAsync(ct);
            return 0;
        }
        target.LastError = page.Truncated ? $"Halaman lebih dari {o.MaxBytes} byte; hanya awalnya yang diperiksa" : null;

        var inspector = await InspectorAsync(ct);
        var browser = await inspector.InspectAsync(page.Html, page.Url, ct);
        var findings = new List<Finding>(browser.Findings);
        try
        {
            var crawled = await fetcher.AsCrawlerAsync(url, ct);
            if (crawled.Status < 400)
            {
                findings.AddRange(PageComparison.Cloaking(browser, await inspector.InspectAsync(crawled.Html, crawled.Url, ct), o.CloakingMinSimilarity));
            }
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException && !ct.IsCancellationRequested)
        {
            log.LogInformation("Crawler fetch of {Url} failed: {Error}", target.Url, e.Message);
        }
        findings.AddRange(NewDomains(target, browser, findings, inspector));
        findings.AddRange(Drift(target, browser, o.DriftTolerance));
        target.LastFindingCount = findings.Count;
        var fresh = await StoreAsync(target, findings, now, ct);
        await db.SaveChangesAsync(ct);
        if (fresh.Count > 0)
        {
            await RaiseAsync(target, fresh, now, ct);
        }
        return fresh.Count;
    }

    private async Task<PageInspector> InspectorAsync(CancellationToken ct)
    {
        var changes = await db.WatchKeywords.AsNoTracking().ToListAsync(ct);
        var off = changes.Where(k => k.Off).Select(k => JudolTerms.Normalise(k.Phrase)).ToHashSet();
        var strong = JudolTerms.ShippedStrong.Concat(changes.Where(k => !k.Off && k.Strong).Select(k => k.Phrase)).Where(p => !off.Contains(JudolTerms.Normalise(p)));
        var weak = JudolTerms.ShippedWeak.Concat(changes.Where(k => !k.Off && !k.Strong).Select(k => k.Phrase)).Where(p => !off.Contains(JudolTerms.Normalise(p)));
        var allowed = (await db.WatchAllowList.AsNoTracking().Select(a => a.Value).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return new PageInspector(new JudolTerms(strong, weak), allowed);
    }

    /// <summary>The first inspection records the outbound domains; later, a domain not seen before (nor trusted, nor allowed) is a finding.</summary>
    private static IEnumerable<Finding> NewDomains(WatchTarget target, PageInspection page, List<Finding> already, PageInspector inspector)
    {
        var flagged = already.Select(f => f.Subject).ToHashSet();
        var hosts = page.Outbound.Where(l => !Domains.IsTrusted(l.Host)).GroupBy(l => l.Host).Select(g => g.First()).ToList();
        if (target.BaselineDomains is null)
        {
            target.BaselineDomains = string.Join(' ', hosts.Select(h => h.Host).Where(h => !flagged.Contains(h)));
            return [];
        }
        var baseline = target.BaselineDomains.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        return hosts.Where(h => !baseline.Contains(h.Host) && !flagged.Contains(h.Host))
            .Select(h => new Finding(FindingKinds.NewDomain, h.Host, $"Tautan baru ke domain yang belum pernah ada: {h.Host}", h.Where, h.Snippet))
            .Where(f => inspector.Allows(f.Subject) is false);
    }

    private static IEnumerable<Finding> Drift(WatchTarget target, PageInspection page, double tolerance)
    {
        if (!target.ShouldNotChange)
        {
            return [];
        }
        if (target.BaselineHash is null)
        {
            target.BaselineHash = page.TextHash;
            target.BaselineText = Cut(page.Text, BaselineTextMax);
            return [];
        }
        if (target.BaselineHash == page.TextHash)
        {
            return [];
        }
        var similarity = PageComparison.Similarity(target.BaselineText ?? "", Cut(page.Text, BaselineTextMax));
        return similarity >= 1 - tolerance ? [] :
        [
            new Finding(FindingKinds.Drift, "isi-berubah", $"Isi halaman yang seharusnya tetap berubah (kemiripan {similarity:P0} dengan patokan)", "body",
                Cut("Kata baru: " + PageComparison.NewWords(target.BaselineText ?? "", page.Text), 1000)),
        ];
    }

    /// <summary>Keeps one row per (kind, subject) while it lasts: seen again, it is only touched; the new ones are returned.</summary>
    private async Task<List<WatchFinding>> StoreAsync(WatchTarget target, List<Finding> findings, DateTime now, CancellationToken ct)
    {
        var known = await db.WatchFindings.Where(f => f.TargetId == target.Id).ToListAsync(ct);
        var fresh = new List<WatchFinding>();
        foreach (var f in findings.GroupBy(f => (f.Kind, f.Subject)).Select(g => g.First()))
        {
            var old = known.FirstOrDefault(k => k.Kind == f.Kind && k.Subject == Cut(f.Subject, 500));
            if (old is not null)
            {
                old.LastSeenAt = now;
                continue;
            }
            var row = new WatchFinding
            {
                TargetId = target.Id, Kind = f.Kind, Subject = Cut(f.Subject, 500), What = Cut(f.What, 500), Where = Cut(f.Where, 1000),
                Snippet = Cut(f.Snippet, 1000), Url = target.Url, FoundAt = now, LastSeenAt = now,
            };
            db.WatchFindings.Add(row);
            fresh.Add(row);
        }
        return fresh;
    }

    private async Task RaiseAsync(WatchTarget target, List<WatchFinding> fresh, DateTime now, CancellationToken ct)
    {
        var opd = target.Opd!;
        var name = $"Situs {opd.ShortName ?? opd.Name} ({new Uri(target.Url).Host})";
        var evidence = string.Join("\n", fresh.Select(f => $"{f.What} — di {f.Where} — \"{f.Snippet}\""));
        var title = fresh.Count == 1 ? fresh[0].What : $"{fresh.Count} temuan judol/defacement di {new Uri(target.Url).Host}";
        var incident = await incidents.OpenForFindingAsync(new WatchFindingReport(Cut(title, 300), opd.Slug, target.Url, Cut(evidence, 8000), now), ct);
        if (incident != 0)
        {
            fresh.ForEach(f => f.IncidentId = incident);
            await db.SaveChangesAsync(ct);
        }
        await alerts.PublishAsync(new MonitorAlert("finding", null, name, [opd.Slug], CheckState.Down, now, incident == 0 ? null : incident,
            Cut($"Temuan di situs {opd.ShortName ?? opd.Name}: {title}", 500), Cut(evidence, 8000)), ct);
    }

    private static DateTime Next(DateTime? due, DateTime now, TimeSpan interval)
    {
        var next = (due ?? now) + interval;
        return next <= now ? now + interval : next;
    }

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
