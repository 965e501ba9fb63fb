using SatuPintu.Accounts;
using SatuPintu.Changes;
using SatuPintu.Content;
using SatuPintu.Data;
using SatuPintu.Directory;
using SatuPintu.Hosting;
using SatuPintu.Hosting.Cli;
using SatuPintu.Portal;

// Maintenance verbs (seed, …) share the host's services but never start the web server.
var verb = CliVerbs.Find(args);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = verb is null ? args : [],
    ContentRootPath = ContentRoot.ForPublishedApp(),
});

builder.AddHosting();
builder.AddData();
builder.AddChanges();
builder.AddAccounts();
builder.AddDirectory();
builder.AddContent();

var app = builder.Build();

if (verb is not null)
{
    return await verb.RunAsync(app, args);
}

await app.PrepareDatabaseAsync();

app.UseHosting();
app.UseAccounts();
app.MapHosting();
app.MapDirectory();
app.MapContent();
app.MapPortal();

await app.RunAsync();
return 0;

/// <summary>Entry point type, visible to the test host.</summary>
public partial class Program;
