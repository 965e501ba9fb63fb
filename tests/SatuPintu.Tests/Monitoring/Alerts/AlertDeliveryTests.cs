using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Monitoring;
using SatuPintu.Monitoring.Alerts;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Monitoring.Alerts;

/// <summary>
/// Alert delivery to real loopback servers: the webhook's grouped JSON POST, e-mail through an SMTP
/// server, Telegram's sendMessage, per-OPD subscriptions, retries with backoff after the sink fails and
/// recovers, and the notification log. Time passes on a fake clock; each test has its own channels and
/// looks only at what reached them.
/// </summary>
public sealed class AlertDeliveryTests(AlertHost host) : IClassFixture<AlertHost>
{
    private static string Fresh() => Guid.NewGuid().ToString("N")[..8];

    private SinkRequest[] At(string path) => [.. host.Http.Received.Where(r => r.Path == path)];

    [Fact]
    public async Task Channel_api_answers_201_with_the_id_and_422_for_bad_input_changing_nothing()
    {
        var api = Personas.Api(host.App, host.People.Admin);
        var before = await host.App.WithDbAsync(db => db.AlertChannels.CountAsync());
        foreach (var bad in new object[]
        {
            new { kind = "webhook", url = "bukan-url" }, new { kind = "webhook", url = "ftp://127.0.0.1/x" }, new { kind = "sms", url = "http://127.0.0.1/" },
            new { kind = "email", to = "bukan e-mail" }, new { kind = "telegram", chatId = "-100123" }, new { kind = "webhook", url = "http://127.0.0.1/", opd = "tidak-ada" },
        })
        {
            var response = await api.PostAsJsonAsync("/api/v1/monitoring/channels", bad);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            Assert.Contains("errors", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(before, await host.App.WithDbAsync(db => db.AlertChannels.CountAsync()));
        var id = await AlertHost.AddChannelAsync(host.App, host.People, new { kind = "webhook", url = host.Http.Url("/hook-" + Fresh()).ToString() });
        Assert.True(id > 0);
        var editor = await Personas.Api(host.App, host.People.EditorA).PostAsJsonAsync("/api/v1/monitoring/channels", new { kind = "webhook", url = "http://127.0.0.1/" });
        Assert.Equal(HttpStatusCode.Forbidden, editor.StatusCode);
    }

    [Fact]
    public async Task Alerts_within_the_window_reach_the_webhook_as_one_post_naming_the_checks_and_the_state()
    {
        var path = "/hook-" + Fresh();
        var channel = await AlertHost.AddChannelAsync(host.App, host.People, new { kind = "webhook", url = host.Http.Url(path).ToString() });
        await AlertHost.PublishAsync(host.App, "Tautan Dinkes", CheckState.Down, "dinkes");
        await AlertHost.PassAsync(host.App, host.Clock, TimeSpan.FromSeconds(10));
        await AlertHost.PublishAsync(host.App, "Tautan Dinsos", CheckState.Down, "dinsos");
        await AlertHost.PublishAsync(host.App, "Tautan Dinkes", CheckState.Up, "dinkes");
        Assert.Empty(At(path));

        await AlertHost.PassAsync(host.App, host.Clock, TimeSpan.FromSeconds(21));

        Assert.True(await Eventually.TrueAsync(() => At(path).Length == 2), $"{At(path).Length} posts");
        var bodies = At(path).Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        var down = bodies.Single(b => b.GetProperty("state").GetString() == "down");
        Assert.Equal("Tautan Dinkes, Tautan Dinsos", down.GetProperty("name").GetString());
        Assert.Equal(2, down.GetProperty("alerts").GetArrayLength());
        Assert.Equal("Tautan Dinkes", bodies.Single(b => b.GetProperty("state").GetString() == "up").GetProperty("name").GetString());
        var log = await host.App.WithDbAsync(db => db.NotificationLog.Where(n => n.ChannelId == channel).ToListAsync());
        Assert.Equal(3, log.Count);
        Assert.All(log, n => Assert.Equal("sent", n.Status));
        await AlertHost.PassAsync(host.App, host.Clock, TimeSpan.FromMinutes(5));
        Assert.Equal(2, At(path).Length);
    }

    [Fact]
    public async Task An_opd_channel_gets_its_opd_alerts_only_and_an_all_channel_gets_every_alert()
    {
        var mine = "/hook-" + Fresh();
        var all = "/hook-" + Fresh();
        await AlertHost.AddChannelAsync(host.App, host.People, new { kind = "webhook", url = host.Http.Url(mine).ToString(), opd = "dinkes" });
        await AlertHost.AddChannelAsync(host.App, host.People, new { kind = "webhook", url = host.Http.Url(all).ToString() });
        await AlertHost.PublishAsync(host.App, "Situs Dinsos", CheckState.Down, "dinsos");
        await AlertHost.PublishAsync(host.App, "Situs Dinkes", CheckState.Unreachable, "dinkes");
        await AlertHost.PassAsync(host.App, host.Clock, TimeSpan.FromSeconds(31));
        Assert.True(await Eventually.TrueAsync(() => At(all).Length == 2 && At(mine).Length == 1));
        Assert.Equal("Situs Dinkes", JsonDocument.Parse(At(mine)[0].Body).RootElement.GetProperty("name").GetString());
        Assert.Equal("unreachable", JsonDocument.Parse(At(mine)[0].Body).RootElement.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_failing_sink_is_retried_with_growing_waits_until_it_recovers_and_every_attempt_is_logged()
    {
        var path = "/hook-" + Fresh();
        var channel = await AlertHost.AddChannelAsync(host.App, host.People, new { kind = "webhook", url = host.Http.Url(path).ToString() });
        host.Http.FailWith = 503;
        try
        {
            await AlertHost.PublishAsync(host.App, "Tautan Kecamatan Merigi", CheckState.Down, "dinkes");
            await AlertHost.PassAsync(host.App, host.Clock, TimeSpan.FromSeconds(31));
            Assert.True(await Eventually.TrueAsync(() => At(path).Length == 1));
            // The first retry waits 10 s, the second 20 s.
            await AlertHost.PassAsync(host.App, host.Clock, TimeSpan.FromSeconds(5));
            Assert.Single(At(path));
            await AlertHost.PassAsync(host.App, host.Clock, TimeSpan.FromSeconds(6));
            Assert.True(await Eventually.TrueAsync(() => At(path).Length == 2));
            host.Http.FailWith = null;
            await AlertHost.PassAsync(host.App, host.Clock, TimeSpan.FromSeconds(15));
            Assert.Equal(2, At(path).Length);
            await AlertHost.PassAsync(host.App, host.Clock, TimeSpan.FromSeconds(6));
            Assert.True(await Eventually.TrueAsync(() => At(path).Length == 3));
        }
        finally
        {
            host.Http.FailWith = null;
        }
        var log = await host.App.WithDbAsync(db => db.NotificationLog.Where(n => n.ChannelId == channel).OrderBy(n => n.Id).ToListAsync());
        Assert.Equal(["failed", "failed", "sent"], log.Select(n => n.Status));
        Assert.Equal([1, 2, 3], log.Select(n => n.Attempt));
        Assert.Contains("503", log[0].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_idle_dispatcher_neither_takes_nor_renews_its_lease_and_takes_it_when_work_comes()
    {
        // What earlier tests left waiting is delivered or given up first.
        for (var i = 0; i < 12 && await host.App.WithDbAsync(db => db.AlertDeliveries.AnyAsync(d => d.Status == DeliveryStatus.Pending)); i++)
        {
            await AlertHost.PassAsync(host.App, host.Clock, TimeSpan.FromMinutes(20));
        }
        await AlertHost.PassAsync(host.App, host.Clock, TimeSpan.FromMinutes(5));
        var idle = await LeaseAsync();
        for (var i = 0; i < 3; i++)
        {
            await AlertHost.PassAsync(host.App, host.Clock, TimeSpan.FromSeconds(5));
        }
        Assert.Equal(idle, await LeaseAsync());

        var path = "/hook-" + Fresh();
        await AlertHost.AddChannelAsync(host.App, host.People, new { kind = "webhook", url = host.Http.Url(path).ToString() });
        await AlertHost.PublishAsync(host.App, "Tautan Kecamatan Ujan Mas", CheckState.Down);
        await AlertHost.PassAsync(host.App, host.Clock, TimeSpan.FromSeconds(31));
        Assert.True(await Eventually.TrueAsync(() => At(path).Length == 1));
        Assert.True(await LeaseAsync() > host.Clock.GetUtcNow().ToUnixTimeMilliseconds());
    }

    private Task<long?> LeaseAsync() => host.App.WithDbAsync(db =>
        db.JobLeases.Where(l => l.Name == AlertDispatcher.Job).Select(l => (long?)l.ExpiresAtMs).SingleOrDefaultAsync());

    [Fact]
    public async Task A_sink_that_never_recovers_is_given_up_after_the_last_attempt()
    {
        var path = "/hook-" + Fresh();
        var channel = await AlertHost.AddChannelAsync(host.App, host.People, new { kind = "webhook", url = host.Http.Url(path).ToString() });
        host.Http.FailWith = 500;
        try
        {
            await AlertHost.PublishAsync(host.App, "Situs RSUD", CheckState.Down, "dinkes");
            await AlertHost.PassAsync(host.App, host.Clock, TimeSpan.FromSeconds(31));
            for (var i = 0; i < 4; i++)
            {
                await AlertHost.PassAsync(host.App, host.Clock, TimeSpan.FromSeconds(90));
            }
            Assert.True(await Eventually.TrueAsync(async () => await host.App.WithDbAsync(db => db.AlertDeliveries.AnyAsync(d => d.ChannelId == channel && d.Status == DeliveryStatus.Failed))));
        }
        finally
        {
            host.Http.FailWith = null;
        }
        Assert.Equal(4, At(path).Length);
        Assert.Equal("gave-up", await host.App.WithDbAsync(db => db.NotificationLog.Where(n => n.ChannelId == channel).OrderBy(n => n.Id).Select(n => n.Status).LastAsync()));
    }

    [Fact]
    public async Task Email_goes_through_the_smtp_server_with_the_state_in_the_subject()
    {
        var to = $"noc-{Fresh()}@satupintu.test";
        await AlertHost.AddChannelAsync(host.App, host.People, new { kind = "email", to });
        await AlertHost.PublishAsync(host.App, "Tautan Dinkes", CheckState.Down, "dinkes");
        await AlertHost.PassAsync(host.App, host.Clock, TimeSpan.FromSeconds(31));
        Assert.True(await Eventually.TrueAsync(() => host.Smtp.Messages.Any(m => m.Contains(to, StringComparison.Ordinal))));
        var message = host.Smtp.Messages.First(m => m.Contains(to, StringComparison.Ordinal));
        Assert.Contains("GANGGUAN", message, StringComparison.Ordinal);
        Assert.Contains("Tautan Dinkes", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Email_refused_by_the_server_is_retried()
    {
        var to = $"noc-{Fresh()}@satupintu.test";
        var channel = await AlertHost.AddChannelAsync(host.App, host.People, new { kind = "email", to });
        host.Smtp.Refuse = true;
        try
        {
            await AlertHost.PublishAsync(host.App, "Tautan Dinsos", CheckState.Down, "dinsos");
            await AlertHost.PassAsync(host.App, host.Clock, TimeSpan.FromSeconds(31));
            Assert.True(await Eventually.TrueAsync(async () => await host.App.WithDbAsync(db => db.NotificationLog.AnyAsync(n => n.ChannelId == channel && n.Status == "failed"))));
        }
        finally
        {
            host.Smtp.Refuse = false;
        }
        await AlertHost.PassAsync(host.App, host.Clock, TimeSpan.FromSeconds(11));
        Assert.True(await Eventually.TrueAsync(() => host.Smtp.Messages.Any(m => m.Contains(to, StringComparison.Ordinal))));
    }

    [Fact]
    public async Task Telegram_gets_send_message_with_the_chat_and_the_token_in_the_path_never_shown_back()
    {
        var chat = "-100" + Random.Shared.Next(100000, 999999);
        const string token = "123456:AAbbCCddEEffGGhhIIjjKKllMMnnOOpp";
        var channel = await AlertHost.AddChannelAsync(host.App, host.People, new { kind = "telegram", chatId = chat, secret = token });
        await AlertHost.PublishAsync(host.App, "Tautan Dinkes", CheckState.Down, "dinkes");
        await AlertHost.PassAsync(host.App, host.Clock, TimeSpan.FromSeconds(31));
        var path = $"/telegram/bot{token}/sendMessage";
        Assert.True(await Eventually.TrueAsync(() => At(path).Any(r => r.Body.Contains(chat, StringComparison.Ordinal))));
        var body = JsonDocument.Parse(At(path).First(r => r.Body.Contains(chat, StringComparison.Ordinal)).Body).RootElement;
        Assert.Contains("Tautan Dinkes", body.GetProperty("text").GetString(), StringComparison.Ordinal);
        var stored = await host.App.WithDbAsync(db => db.AlertChannels.SingleAsync(c => c.Id == channel));
        Assert.DoesNotContain(token, stored.ProtectedSecret!, StringComparison.Ordinal);
        var admin = await Personas.SignInAsync(host.App, host.People.Admin.Email);
        var page = await (await admin.GetAsync(new Uri("/admin/pemantauan/kanal", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains(chat, page, StringComparison.Ordinal);
        Assert.DoesNotContain(token, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_send_from_the_admin_page_reaches_the_channel_and_the_log_page_shows_it()
    {
        var path = "/hook-" + Fresh();
        var channel = await AlertHost.AddChannelAsync(host.App, host.People, new { kind = "webhook", url = host.Http.Url(path).ToString(), name = "Webhook NOC " + path });
        var admin = await Personas.SignInAsync(host.App, host.People.Admin.Email);
        var sent = await Personas.PostFormAsync(admin, $"/admin/pemantauan/kanal/Test?id={channel}", [], "/admin/pemantauan/kanal");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        await AlertHost.PassAsync(host.App, host.Clock, TimeSpan.FromSeconds(1));
        Assert.True(await Eventually.TrueAsync(() => At(path).Length == 1));
        Assert.Equal("Uji kanal", JsonDocument.Parse(At(path)[0].Body).RootElement.GetProperty("name").GetString());
        var page = await (await admin.GetAsync(new Uri("/admin/pemantauan/kanal", UriKind.Relative))).Content.ReadAsStringAsync();
        Assert.Contains("Webhook NOC " + path, page, StringComparison.Ordinal);
        Assert.Contains("terkirim", page, StringComparison.Ordinal);
        var disabled = await Personas.PostFormAsync(admin, $"/admin/pemantauan/kanal/Disable?id={channel}", [], "/admin/pemantauan/kanal");
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        await AlertHost.PublishAsync(host.App, "Setelah nonaktif", CheckState.Down, "dinkes");
        await AlertHost.PassAsync(host.App, host.Clock, TimeSpan.FromSeconds(31));
        Assert.Single(At(path));
    }

    [Fact]
    public async Task A_bad_channel_form_keeps_what_was_typed_except_the_secret()
    {
        var admin = await Personas.SignInAsync(host.App, host.People.Admin.Email);
        var response = await Personas.PostFormAsync(admin, "/admin/pemantauan/kanal/Create",
            new() { ["Input.Kind"] = "telegram", ["Input.Name"] = "Grup NOC ketik", ["Input.ChatId"] = "bukan id", ["Input.Secret"] = "rahasia-ketik" }, "/admin/pemantauan/kanal");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Grup NOC ketik", html, StringComparison.Ordinal);
        Assert.Contains("bukan id", html, StringComparison.Ordinal);
        Assert.Contains("ID obrolan Telegram", html, StringComparison.Ordinal);
        Assert.DoesNotContain("rahasia-ketik", html, StringComparison.Ordinal);
    }
}
