using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace SatuPintu.Tests.Monitoring;

/// <summary>One request an <see cref="HttpSink"/> received.</summary>
public sealed record SinkRequest(string Method, string Path, string UserAgent, IReadOnlyDictionary<string, string> Headers, string Body);

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, free port) that records what it receives and answers
/// with <see cref="Respond"/>: the webhook and Telegram endpoints, and the OPD websites of the watch.
/// Set <see cref="FailWith"/> to make it refuse (e.g. 503) until it "recovers".
/// </summary>
public sealed class HttpSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    public ConcurrentQueue<SinkRequest> Received { get; } = new();
    public int? FailWith { get; set; }

    /// <summary>The answer per request: (status, content type, body); default 200 "ok".</summary>
    public Func<SinkRequest, (int Status, string Type, string Body)> Respond { get; set; } = _ => (200, "application/json", "{\"ok\":true}");

    public Uri Address { get; }

    private HttpSink(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public static async Task<HttpSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        HttpSink? sink = null;
        app.Run(async ctx =>
        {
            using var reader = new StreamReader(ctx.Request.Body);
            var request = new SinkRequest(ctx.Request.Method, ctx.Request.Path + ctx.Request.QueryString, ctx.Request.Headers.UserAgent.ToString(),
                ctx.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), await reader.ReadToEndAsync());
            sink!.Received.Enqueue(request);
            if (sink.FailWith is { } status)
            {
                ctx.Response.StatusCode = status;
                return;
            }
            var (code, type, body) = sink.Respond(request);
            ctx.Response.StatusCode = code;
            if (code is >= 300 and < 400)
            {
                // A redirect: the body names where to.
                ctx.Response.Headers.Location = body;
                return;
            }
            ctx.Response.ContentType = type;
            await ctx.Response.WriteAsync(body);
        });
        await app.StartAsync();
        var address = new Uri(app.Urls.First());
        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(address.Host)), "the sink must listen on loopback only");
        sink = new HttpSink(app, address);
        return sink;
    }

    public Uri Url(string path) => new(Address, path);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>A real SMTP server on 127.0.0.1 (the SmtpServer package) that keeps every message; <see cref="Refuse"/> makes it answer 451.</summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    public ConcurrentQueue<string> Messages { get; } = new();
    public bool Refuse { get; set; }
    public int Port { get; }

    private SmtpSink(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))).Build();
        var services = new ServiceProvider();
        services.Add(new Store(this));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public static SmtpSink Start() => new(FreePort());

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopped, as asked.
        }
        _stop.Dispose();
    }

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (sink.Refuse)
            {
                return Task.FromResult(new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "coba lagi nanti"));
            }
            sink.Messages.Enqueue(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}

/// <summary>Waits for background work (on a real thread; the clock may be fake). Bounded, never part of what is asserted.</summary>
public static class Eventually
{
    public static async Task<bool> TrueAsync(Func<bool> condition, int seconds = 30)
    {
        for (var i = 0; i < seconds * 20 && !condition(); i++)
        {
            await Task.Delay(50);
        }
        return condition();
    }

    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, int seconds = 30)
    {
        for (var i = 0; i < seconds * 10; i++)
        {
            if (await condition())
            {
                return true;
            }
            await Task.Delay(100);
        }
        return await condition();
    }
}
