using System.Net.Mail;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Data;
using SatuPintu.Shared;

namespace SatuPintu.Monitoring.Alerts;

/// <summary>What a person or script gives to add a channel (the API's JSON and the admin form alike).</summary>
public sealed class ChannelInput
{
    public string? Kind { get; set; }
    public string? Name { get; set; }
    /// <summary>Webhook: the URL to POST to.</summary>
    public string? Url { get; set; }
    /// <summary>E-mail: the address.</summary>
    public string? To { get; set; }
    /// <summary>Telegram: the chat id.</summary>
    public string? ChatId { get; set; }
    /// <summary>Telegram: the bot token; webhook: the signing secret (optional).</summary>
    public string? Secret { get; set; }
    /// <summary>The OPD whose alerts the channel gets; empty: every alert (Diskominfo).</summary>
    public string? Opd { get; set; }
}

/// <summary>Adds, enables and disables channels and their subscriptions, for the API and the admin page.</summary>
public sealed class ChannelEditing(SatuPintuDb db, TimeProvider time, IDataProtectionProvider protection)
{
    public async Task<Outcome<AlertChannel>> CreateAsync(ChannelInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var kind = input.Kind?.Trim().ToLowerInvariant();
        string? target = null;
        var secret = string.IsNullOrWhiteSpace(input.Secret) ? null : input.Secret.Trim();
        switch (kind)
        {
            case AlertChannelKinds.Webhook:
                target = input.Url?.Trim();
                if (!Uri.TryCreate(target, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || target!.Length > 2000)
                {
                    errors["url"] = ["Isi alamat webhook lengkap, diawali http:// atau https://."];
                }
                break;
            case AlertChannelKinds.Email:
                target = input.To?.Trim();
                if (string.IsNullOrEmpty(target) || target.Length > 254 || !MailAddress.TryCreate(target, out var mail) || mail.Address != target)
                {
                    errors["to"] = ["Isi satu alamat e-mail yang sah, misalnya noc@kepahiangkab.go.id."];
                }
                break;
            case AlertChannelKinds.Telegram:
                target = input.ChatId?.Trim();
                if (string.IsNullOrEmpty(target) || target.Length > 64 || !System.Text.RegularExpressions.Regex.IsMatch(target, "^(-?[0-9]{1,20}|@[A-Za-z0-9_]{5,32})$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)))
                {
                    errors["chatId"] = ["Isi ID obrolan Telegram (angka, misalnya -1001234567890) atau @nama_kanal."];
                }
                if (secret is null || secret.Length > 200 || !System.Text.RegularExpressions.Regex.IsMatch(secret, "^[0-9]{3,20}:[A-Za-z0-9_-]{20,100}$", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)))
                {
                    errors["secret"] = ["Isi token bot Telegram dari @BotFather (bentuknya 123456:ABC…)."];
                }
                break;
            default:
                errors["kind"] = ["Jenis kanal harus webhook, email, atau telegram."];
                break;
        }
        if (secret is { Length: > 500 })
        {
            errors["secret"] = ["Rahasia terlalu panjang (paling banyak 500 karakter)."];
        }
        var name = string.IsNullOrWhiteSpace(input.Name) ? null : input.Name.Trim();
        if (name is { Length: > 200 })
        {
            errors["name"] = ["Nama paling banyak 200 karakter."];
        }
        int? opdId = null;
        if (!string.IsNullOrWhiteSpace(input.Opd))
        {
            var slug = input.Opd.Trim().ToLowerInvariant();
            opdId = await db.Opds.Where(o => o.Slug == slug).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
            if (opdId is null)
            {
                errors["opd"] = [$"Perangkat daerah \"{Shorten(input.Opd)}\" tidak dikenal."];
            }
        }
        if (errors.Count > 0)
        {
            return Outcome<AlertChannel>.Invalid(errors, "Kanal tidak ditambahkan: isian belum benar.");
        }
        var channel = new AlertChannel
        {
            Kind = kind!, Target = target!, Name = name ?? $"{kind} {Shorten(target!)}",
            ProtectedSecret = secret is null ? null : protection.CreateProtector(AlertDispatcher.SecretPurpose).Protect(secret),
            CreatedAt = time.GetUtcNow().UtcDateTime,
            Subscriptions = [new AlertSubscription { OpdId = opdId }],
        };
        db.AlertChannels.Add(channel);
        await db.SaveChangesAsync(ct);
        return Outcome<AlertChannel>.Ok(channel);
    }

    public async Task<Outcome<AlertChannel>> SetEnabledAsync(long id, bool enabled, CancellationToken ct)
    {
        var channel = await db.AlertChannels.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (channel is null)
        {
            return Outcome<AlertChannel>.NotFound("Kanal tidak ditemukan.");
        }
        channel.Enabled = enabled;
        await db.SaveChangesAsync(ct);
        return Outcome<AlertChannel>.Ok(channel);
    }

    /// <summary>Adds a subscription (an OPD slug, or empty for every alert) to a channel.</summary>
    public async Task<Outcome<AlertChannel>> SubscribeAsync(long id, string? opd, CancellationToken ct)
    {
        var channel = await db.AlertChannels.Include(c => c.Subscriptions).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (channel is null)
        {
            return Outcome<AlertChannel>.NotFound("Kanal tidak ditemukan.");
        }
        int? opdId = null;
        if (!string.IsNullOrWhiteSpace(opd))
        {
            var slug = opd.Trim().ToLowerInvariant();
            opdId = await db.Opds.Where(o => o.Slug == slug).Select(o => (int?)o.Id).FirstOrDefaultAsync(ct);
            if (opdId is null)
            {
                return Outcome<AlertChannel>.Invalid(new Dictionary<string, string[]> { ["opd"] = [$"Perangkat daerah \"{Shorten(opd)}\" tidak dikenal."] });
            }
        }
        if (!channel.Subscriptions.Any(s => s.OpdId == opdId))
        {
            channel.Subscriptions.Add(new AlertSubscription { OpdId = opdId });
            await db.SaveChangesAsync(ct);
        }
        return Outcome<AlertChannel>.Ok(channel);
    }

    public async Task<Outcome<AlertChannel>> UnsubscribeAsync(long subscriptionId, CancellationToken ct)
    {
        var sub = await db.AlertSubscriptions.Include(s => s.Channel).FirstOrDefaultAsync(s => s.Id == subscriptionId, ct);
        if (sub is null)
        {
            return Outcome<AlertChannel>.NotFound("Langganan tidak ditemukan.");
        }
        db.AlertSubscriptions.Remove(sub);
        await db.SaveChangesAsync(ct);
        return Outcome<AlertChannel>.Ok(sub.Channel!);
    }

    private static string Shorten(string s) => s.Length > 60 ? s[..60] + "…" : s;
}
