using System.Net;
using System.Text;
using FeedFarm;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

// A loopback feed farm for bench/syndication.sh: FARM_SOURCES (1000) sources spread over
// FARM_ADDRESSES (50) addresses 127.0.10.1.. on FARM_PORT, each a small site with a home page that
// links its feed. Mix (by source number mod 100): RSS 2.0, Atom 1.0, JSON Feed 1.1, RSS in
// ISO-8859-1; after the first round (POST /_farm/round) some turn slow, 404, 500, broken or huge.
// ETag and Last-Modified per source: unchanged sources answer 304 to a conditional GET; each round
// FARM_CHANGE_PERCENT (10) of the sources get one new item. GET /_farm/stats counts what was served.
var builder = WebApplication.CreateSlimBuilder(args);
var settings = FarmSettings.From(builder.Configuration);
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(k =>
{
    for (var a = 1; a <= settings.Addresses; a++)
    {
        k.Listen(IPAddress.Parse($"127.0.10.{a}"), settings.Port);
    }
});
builder.Services.AddResponseCompression(o =>
{
    o.Providers.Add<GzipCompressionProvider>();
    o.MimeTypes = ["application/rss+xml", "application/atom+xml", "application/feed+json", "text/html"];
});
builder.Services.AddSingleton(settings);
builder.Services.AddSingleton<Farm>();
var app = builder.Build();
app.UseResponseCompression();
var farm = app.Services.GetRequiredService<Farm>();
var stats = farm.Stats;

app.Use(async (context, next) =>
{
    stats.Enter();
    try
    {
        await next(context);
    }
    finally
    {
        stats.Leave(context.Response.StatusCode, context.Response.ContentLength ?? 0);
    }
});

app.MapGet("/_farm/stats", () => Results.Json(stats.Snapshot(farm.Round)));
app.MapPost("/_farm/reset-stats", () => { stats.Reset(); return Results.NoContent(); });
app.MapPost("/_farm/round", () => Results.Json(new { round = farm.NextRound() }));
app.MapGet("/_farm/sources", (HttpContext c) => Results.Text(string.Join('\n', Enumerable.Range(0, settings.Sources).Select(i => farm.HomeUrl(i))) + "\n"));

app.MapGet("/s/{i:int}/", (int i) => i < 0 || i >= settings.Sources
    ? Results.NotFound()
    : Results.Content(farm.HomePage(i), "text/html; charset=utf-8"));

app.MapGet("/s/{i:int}/feed", async (int i, HttpContext context) =>
{
    if (i < 0 || i >= settings.Sources)
    {
        return Results.NotFound();
    }
    var trouble = farm.TroubleOf(i);
    switch (trouble)
    {
        case Trouble.Slow:
            await Task.Delay(TimeSpan.FromSeconds(settings.SlowSeconds), context.RequestAborted);
            break;
        case Trouble.Gone:
            return Results.NotFound();
        case Trouble.Broken5xx:
            return Results.StatusCode(500);
        case Trouble.BrokenXml:
            return Results.Content("<rss version=\"2.0\"><channel><title>Rusak</title><item><title>tanpa penutup", "application/rss+xml");
    }
    var (etag, modified) = farm.Validators(i);
    var headers = context.Response.GetTypedHeaders();
    headers.ETag = new EntityTagHeaderValue(etag);
    headers.LastModified = modified;
    var request = context.Request.GetTypedHeaders();
    if (request.IfNoneMatch.Any(t => t.Tag == etag) || (request.IfNoneMatch.Count == 0 && request.IfModifiedSince >= modified))
    {
        return Results.StatusCode(304);
    }
    var (body, type) = farm.Feed(i, trouble == Trouble.Huge);
    return Results.Bytes(body, type);
});

Console.WriteLine($"feed farm: {settings.Sources} sources on 127.0.10.1-{settings.Addresses}:{settings.Port}");
app.Run();
