using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SatuPintu.Tests.Syndication;

/// <summary>
/// A real Kestrel server on a loopback address answering what the test puts in <see cref="Routes"/>
/// (path → handler), counting requests per path: the OPD website a source points at.
/// </summary>
public sealed class LoopbackSite : IAsyncDisposable
{
    private readonly WebApplication _app;

    public ConcurrentDictionary<string, Func<HttpContext, Task>> Routes { get; } = new(StringComparer.Ordinal);
    public ConcurrentDictionary<string, int> Hits { get; } = new(StringComparer.Ordinal);
    public string Origin { get; private set; } = "";
    public int TotalHits => Hits.Values.Sum();

    private LoopbackSite(WebApplication app) => _app = app;

    public static async Task<LoopbackSite> StartAsync(string address = "127.0.0.1", int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls($"http://{address}:{port}");
        var app = builder.Build();
        var site = new LoopbackSite(app);
        app.Run(async http =>
        {
            var path = http.Request.Path.Value ?? "/";
            site.Hits.AddOrUpdate(path, 1, (_, n) => n + 1);
            if (site.Routes.TryGetValue(path, out var handler))
            {
                await handler(http);
            }
            else
            {
                http.Response.StatusCode = 404;
            }
        });
        await app.StartAsync();
        site.Origin = app.Urls.First().TrimEnd('/');
        return site;
    }

    public int Port => new Uri(Origin).Port;

    public void Serve(string path, string contentType, string body, Action<HttpResponse>? headers = null) => Routes[path] = async http =>
    {
        headers?.Invoke(http.Response);
        http.Response.ContentType = contentType;
        await http.Response.WriteAsync(body);
    };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
