using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;
using SatuPintu.Shared;

namespace SatuPintu.Monitoring.Watch;

/// <summary>What admins change on /admin/pemantauan/situs: targets, false alarms, keywords.</summary>
public sealed class WatchEditing(SatuPintuDb db, TimeProvider time)
{
    public async Task<Outcome<WatchTarget>> AddTargetAsync(string? opd, string? url, bool shouldNotChange, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var slug = opd?.Trim().ToLowerInvariant();
        var opdId = string.IsNullOrEmpty(slug) ? null : await db.Opds.Where(o => o.Slug == slug).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
        if (opdId is null)
        {
            errors["opd"] = ["Pilih perangkat daerah pemilik situs."];
        }
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https") || url!.Length > 2000)
        {
            errors["url"] = ["Isi alamat halaman lengkap, diawali http:// atau https://."];
        }
        else if (await db.WatchTargets.AnyAsync(t => t.Url == address.AbsoluteUri, ct))
        {
            errors["url"] = ["Halaman ini sudah dipantau."];
        }
        if (errors.Count > 0)
        {
            return Outcome<WatchTarget>.Invalid(errors, "Halaman tidak ditambahkan: isian belum benar.");
        }
        var target = new WatchTarget { OpdId = opdId!.Value, Url = address!.AbsoluteUri, ShouldNotChange = shouldNotChange, Paused = true };
        db.WatchTargets.Add(target);
        await db.SaveChangesAsync(ct);
        return Outcome<WatchTarget>.Ok(target);
    }

    public Task<Outcome<WatchTarget>> SetPausedAsync(long id, bool paused, CancellationToken ct) => ChangeAsync(id, t =>
    {
        t.Paused = paused;
        t.NextDueAt = paused ? null : time.GetUtcNow().UtcDateTime;
    }, ct);

    /// <summary>Marks or unmarks the page as one that should not change; a fresh baseline is taken at the next inspection.</summary>
    public Task<Outcome<WatchTarget>> SetShouldNotChangeAsync(long id, bool value, CancellationToken ct) => ChangeAsync(id, t =>
    {
        t.ShouldNotChange = value;
        t.BaselineHash = null;
        t.BaselineText = null;
    }, ct);

    /// <summary>
    /// A false alarm: the finding is marked, and its domain, link or phrase goes on the allow list (a drift
    /// is re-baselined, a new domain joins the page's baseline), so it is not raised again.
    /// </summary>
    public async Task<Outcome<WatchFinding>> FalseAlarmAsync(long findingId, ClaimsPrincipal user, CancellationToken ct)
    {
        var finding = await db.WatchFindings.Include(f => f.Target).FirstOrDefaultAsync(f => f.Id == findingId, ct);
        if (finding is null)
        {
            return Outcome<WatchFinding>.NotFound("Temuan tidak ditemukan.");
        }
        finding.FalseAlarm = true;
        finding.ReviewedBy = user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name;
        var target = finding.Target!;
        switch (finding.Kind)
        {
            case FindingKinds.Drift:
                target.BaselineHash = null;
                target.BaselineText = null;
                break;
            case FindingKinds.NewDomain:
                target.BaselineDomains = string.Join(' ', (target.BaselineDomains ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Append(finding.Subject).Distinct());
                break;
            default:
                var value = finding.Subject.StartsWith("teks:", StringComparison.Ordinal) ? finding.Subject : finding.Subject.ToLowerInvariant();
                if (finding.Subject != "isi-berbeda" && !await db.WatchAllowList.AnyAsync(a => a.Value == value, ct))
                {
                    db.WatchAllowList.Add(new WatchAllowEntry { Value = value, AddedAt = time.GetUtcNow().UtcDateTime, AddedBy = finding.ReviewedBy });
                }
                break;
        }
        await db.SaveChangesAsync(ct);
        return Outcome<WatchFinding>.Ok(finding);
    }

    /// <summary>Adds a phrase to the judol list, or switches a shipped one on again.</summary>
    public async Task<Outcome<WatchKeyword>> AddKeywordAsync(string? phrase, bool strong, CancellationToken ct)
    {
        var p = JudolTerms.Normalise(phrase ?? "");
        if (p.Length is < 3 or > 100)
        {
            return Outcome<WatchKeyword>.Invalid(new Dictionary<string, string[]> { ["phrase"] = ["Kata kunci 3 sampai 100 karakter."] }, "Kata kunci tidak ditambahkan.");
        }
        var row = await db.WatchKeywords.FirstOrDefaultAsync(k => k.Phrase == p, ct);
        if (row is null)
        {
            db.WatchKeywords.Add(row = new WatchKeyword { Phrase = p, Strong = strong });
        }
        row.Off = false;
        row.Strong = strong;
        await db.SaveChangesAsync(ct);
        return Outcome<WatchKeyword>.Ok(row);
    }

    /// <summary>Takes a phrase off the list: an added one is removed, a shipped one switched off.</summary>
    public async Task<Outcome<WatchKeyword>> RemoveKeywordAsync(string? phrase, CancellationToken ct)
    {
        var p = JudolTerms.Normalise(phrase ?? "");
        var shipped = JudolTerms.ShippedStrong.Contains(p) || JudolTerms.ShippedWeak.Contains(p);
        var row = await db.WatchKeywords.FirstOrDefaultAsync(k => k.Phrase == p, ct);
        if (row is null && !shipped)
        {
            return Outcome<WatchKeyword>.NotFound("Kata kunci tidak ada dalam daftar.");
        }
        if (shipped)
        {
            if (row is null)
            {
                db.WatchKeywords.Add(row = new WatchKeyword { Phrase = p, Strong = JudolTerms.ShippedStrong.Contains(p) });
            }
            row.Off = true;
        }
        else
        {
            db.WatchKeywords.Remove(row!);
        }
        await db.SaveChangesAsync(ct);
        return Outcome<WatchKeyword>.Ok(row!);
    }

    private async Task<Outcome<WatchTarget>> ChangeAsync(long id, Action<WatchTarget> change, CancellationToken ct)
    {
        var target = await db.WatchTargets.FirstOrDefaultAsync(t => t.Id == id, ct);
        if (target is null)
        {
            return Outcome<WatchTarget>.NotFound("Halaman pantauan tidak ditemukan.");
        }
        change(target);
        await db.SaveChangesAsync(ct);
        return Outcome<WatchTarget>.Ok(target);
    }
}
