using SatuPintu.Accounts;
using SatuPintu.Audit;
using SatuPintu.Changes;
using SatuPintu.Content;
using SatuPintu.Data;
using SatuPintu.Directory;
using SatuPintu.Feeds;
using SatuPintu.Hosting;
using SatuPintu.Hosting.Cli;
using SatuPintu.Leadership;
using SatuPintu.Monitoring.Alerts;
using SatuPintu.Monitoring.Watch;
using SatuPintu.Monitoring;
using SatuPintu.Network;
using SatuPintu.Portal;
using SatuPintu.Search;
using SatuPintu.Syndication;

// Maintenance verbs (seed, …) share the host's services but never start the web server.
var verb = CliVerbs.IsVerb(args);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = verb ? [] : args,
    ContentRootPath = ContentRoot.ForPublishedApp(),
    // Named, not taken from the entry assembly: that is the test runner when the suite calls this entry point in-process.
    ApplicationName = typeof(Program).Assembly.GetName().Name,
});
InProcessRun.AddTo(builder.Configuration);

builder.AddHosting();
builder.AddData();
builder.AddChanges();
builder.AddAccounts();
builder.AddAudit();
builder.AddDirectory();
builder.AddContent();
builder.AddNetwork();
builder.AddMonitoringAlerts();
builder.AddWebsiteWatch();
builder.AddFeeds();
builder.AddMonitoring();
builder.AddSearch();
builder.AddSyndication();
builder.AddPortal();
builder.AddLeadership();

await using var app = builder.Build();

if (verb)
{
    return await CliVerbs.RunAsync(app, args);
}

if (!await app.TryValidateSettingsAsync())
{
    return 1;
}
await app.PrepareDatabaseAsync();

app.UseHosting();
app.UseAccounts();
app.MapHosting();
app.MapDirectory();
app.MapContent();
app.MapNetwork();
app.MapMonitoringAlerts();
app.MapMonitoring();
app.MapPortal();
app.MapFeeds();
app.MapSearch();
app.MapSyndication();

await app.RunAsync();
return 0;

/// <summary>Entry point type, visible to the test host.</summary>
public partial class Program;
