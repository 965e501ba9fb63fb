using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Content;
using SatuPintu.Data;
using SatuPintu.Hosting;
using SatuPintu.Shared;

namespace SatuPintu.Audit.Admin;

/// <summary>/admin/audit: every change, filterable by who, what and OPD, and exportable as CSV (admins only).</summary>
public sealed class AuditLogModel(SatuPintuDb db, RegionalClock clock) : PageModel
{
    public const int MaxExportRows = 100_000;

    public PagedList<AuditEntry> List { get; private set; } = null!;
    public string? Actor { get; private set; }
    public string? Entity { get; private set; }
    public string? Opd { get; private set; }
    public IReadOnlyList<(string Slug, string Name)> Opds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? actor, string? entity, string? opd, CancellationToken ct)
    {
        var page = PageRequest.Parse(Request.Query, 50, out var error);
        if (page is null)
        {
            return this.Answer(400, error!);
        }
        List = await Filter(actor, entity, opd).ToPageAsync(page, ct);
        Opds = (await db.Opds.AsNoTracking().OrderBy(o => o.SortOrder).Select(o => new { o.Slug, o.Name }).ToListAsync(ct)).Select(o => (o.Slug, o.Name)).ToList();
        return this.CheckPaging(null, List) ?? Page();
    }

    /// <summary>?handler=csv with the same filters: one row per change, UTF-8 with BOM so spreadsheet programs read it right.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? actor, string? entity, string? opd, CancellationToken ct)
    {
        var rows = await Filter(actor, entity, opd).Take(MaxExportRows).ToListAsync(ct);
        var sb = new StringBuilder("waktu_utc,waktu_wib,pelaku,aksi,jenis,id,opd_id,ringkasan,sebelum,sesudah\n");
        foreach (var r in rows)
        {
            sb.AppendJoin(',', [
                RegionalClock.IsoDate(r.At), Csv(clock.LongDateTime(r.At)), Csv(r.Actor), r.Action, Csv(r.EntityType), Csv(r.EntityId),
                r.OpdId?.ToString(CultureInfo.InvariantCulture) ?? "", Csv(r.Summary), Csv(r.Before), Csv(r.After)]).Append('\n');
        }
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(sb.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"audit-{clock.ToLocal(clock.UtcNow):yyyyMMdd-HHmm}.csv");
    }

    private IQueryable<AuditEntry> Filter(string? actor, string? entity, string? opd)
    {
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(actor))
        {
            Actor = actor.Trim();
            q = q.Where(a => a.Actor == Actor);
        }
        if (!string.IsNullOrWhiteSpace(entity))
        {
            Entity = entity.Trim();
            q = q.Where(a => a.EntityType == Entity);
        }
        if (!string.IsNullOrWhiteSpace(opd))
        {
            Opd = opd.Trim();
            var opdId = db.Opds.Where(o => o.Slug == Opd).Select(o => (int?)o.Id);
            q = q.Where(a => opdId.Contains(a.OpdId));
        }
        return q.OrderByDescending(a => a.Id);
    }

    /// <summary>Quotes a CSV field; a leading =, +, - or @ is defused so a spreadsheet never runs it as a formula.</summary>
    internal static string Csv(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
