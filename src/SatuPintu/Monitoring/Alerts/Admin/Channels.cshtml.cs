using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;
using SatuPintu.Shared;

namespace SatuPintu.Monitoring.Alerts.Admin;

/// <summary>/admin/pemantauan/kanal: alert channels (add, test, disable), their subscriptions, and the notification log.</summary>
public sealed class ChannelsModel(SatuPintuDb db, ChannelEditing editing, AlertOutbox outbox) : PageModel
{
    public sealed record LogRow(NotificationLogEntry Entry, string Channel, string Alert);

    [BindProperty]
    public ChannelInput Input { get; set; } = new() { Kind = AlertChannelKinds.Webhook };

    [TempData]
    public string? Message { get; set; }

    public string? Problem { get; private set; }
    public IReadOnlyList<AlertChannel> Channels { get; private set; } = [];
    public IReadOnlyList<(string Slug, string Name)> Opds { get; private set; } = [];
    public PagedList<LogRow> Log { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var page = PageRequest.Parse(Request.Query, 30, out var error);
        if (page is null)
        {
            return this.Answer(400, error!);
        }
        await LoadAsync(page, ct);
        return this.CheckPaging(null, Log) ?? Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var o = await editing.CreateAsync(Input, ct);
        if (o.IsOk)
        {
            return this.Done("/admin/pemantauan/kanal", $"Kanal \"{o.Value!.Name}\" ditambahkan.");
        }
        this.ShowErrors(o);
        Problem = o.Message + " " + ModelState.AllMessages();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Input.Secret = null;
        await LoadAsync(new PageRequest(1, 30), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostTestAsync([FromQuery] long id, CancellationToken ct)
    {
        if (!await db.AlertChannels.AnyAsync(c => c.Id == id, ct))
        {
            return NotFound();
        }
        await outbox.SendTestAsync(id, ct);
        return this.Done("/admin/pemantauan/kanal", "Pesan uji dikirim; hasilnya tampak di log pemberitahuan.");
    }

    public Task<IActionResult> OnPostEnableAsync([FromQuery] long id, CancellationToken ct) => ToggleAsync(id, true, ct);

    public Task<IActionResult> OnPostDisableAsync([FromQuery] long id, CancellationToken ct) => ToggleAsync(id, false, ct);

    public async Task<IActionResult> OnPostSubscribeAsync([FromQuery] long id, [FromForm] string? opd, CancellationToken ct)
    {
        var o = await editing.SubscribeAsync(id, opd, ct);
        if (this.Refusal(o) is { } refusal)
        {
            return refusal;
        }
        if (!o.IsOk)
        {
            Problem = "Langganan tidak ditambahkan: " + string.Join(" ", o.Errors!.Values.SelectMany(v => v));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAsync(new PageRequest(1, 30), ct);
            return Page();
        }
        return this.Done("/admin/pemantauan/kanal", "Langganan disimpan.");
    }

    public async Task<IActionResult> OnPostUnsubscribeAsync([FromQuery] long subscription, CancellationToken ct)
    {
        var o = await editing.UnsubscribeAsync(subscription, ct);
        return this.Refusal(o) ?? this.Done("/admin/pemantauan/kanal", "Langganan dihapus.");
    }

    private async Task<IActionResult> ToggleAsync(long id, bool enabled, CancellationToken ct)
    {
        var o = await editing.SetEnabledAsync(id, enabled, ct);
        return this.Refusal(o) ?? this.Done("/admin/pemantauan/kanal", enabled ? "Kanal diaktifkan." : "Kanal dinonaktifkan.");
    }

    private async Task LoadAsync(PageRequest page, CancellationToken ct)
    {
        Channels = await db.AlertChannels.AsNoTracking().Include(c => c.Subscriptions).ThenInclude(s => s.Opd).OrderBy(c => c.Id).ToListAsync(ct);
        Opds = (await db.Opds.AsNoTracking().OrderBy(o => o.Name).Select(o => new { o.Slug, o.Name }).ToListAsync(ct)).Select(o => (o.Slug, o.Name)).ToList();
        var q = from n in db.NotificationLog.AsNoTracking()
                join c in db.AlertChannels on n.ChannelId equals c.Id
                join a in db.Alerts on n.AlertId equals a.Id
                orderby n.Id descending
                select new { n, Channel = c.Name, Alert = a.Summary };
        var total = await db.NotificationLog.CountAsync(ct);
        var rows = await q.Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        Log = new PagedList<LogRow>([.. rows.Select(r => new LogRow(r.n, r.Channel, r.Alert))], page, total);
    }
}
