using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Content;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.WordPressTests;

/// <summary>
/// The portal with loopback on the syndication allow list (a test WordPress lives on 127.0.0.1),
/// driven through the interface of issue 12 only: the sources API and the `sources poll` verb.
/// </summary>
public sealed class SyndicationApp : SatuPintuApp
{
    public const string AllowList = "127.0.0.1/32";

    public SyndicationApp() : base(postgres: false, new() { ["SatuPintu:Syndication:AllowedHosts:0"] = AllowList }) { }

    /// <summary>POST /api/v1/opd/{slug}/sources as an admin: the answer and its JSON (null when not JSON).</summary>
    public async Task<(HttpStatusCode Status, JsonElement? Json, string Body)> AddSourceAsync(string opd, Uri url)
    {
        using var client = Personas.Api(this, (await PeopleAsync()).Admin);
        using var response = await client.PostAsJsonAsync(new Uri($"/api/v1/opd/{opd}/sources", UriKind.Relative), new { url = url.ToString() });
        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, TryParse(body), body);
    }

    /// <summary>Adds a source and returns its id, failing the test with the portal's answer otherwise.</summary>
    public async Task<string> AddSourceIdAsync(string opd, Uri url)
    {
        var (status, json, body) = await AddSourceAsync(opd, url);
        Assert.True(status == HttpStatusCode.Created, $"POST sources {url} answered {(int)status}: {body}");
        Assert.True(json is { } j && j.TryGetProperty("id", out _), $"no id in {body}");
        return json!.Value.GetProperty("id").ToString();
    }

    /// <summary>GET /api/v1/opd/{slug}/sources/{id}: the source's health, as JSON text.</summary>
    public async Task<string> HealthAsync(string opd, string id)
    {
        using var client = Personas.Api(this, (await PeopleAsync()).Admin);
        using var response = await client.GetAsync(new Uri($"/api/v1/opd/{opd}/sources/{id}", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET source {id} answered {(int)response.StatusCode}: {body}");
        return body;
    }

    /// <summary>`sources poll --all` as its own process on this host's data folder, as an operator (or cron) runs it.</summary>
    public async Task<(int Exit, string Out, string Err)> PollAllAsync()
    {
        await PeopleAsync();   // the host has created and migrated the database by now
        return await Processes.RunAsync("dotnet", [typeof(Program).Assembly.Location, "sources", "poll", "--all"], new Dictionary<string, string>
        {
            ["SatuPintu__DataDir"] = DataDir,
            ["SatuPintu__Syndication__AllowedHosts__0"] = AllowList,
            ["Logging__LogLevel__Default"] = "Warning",
        });
    }

    public async Task PollAllOkAsync()
    {
        var (exit, output, error) = await PollAllAsync();
        Assert.True(exit == 0, $"sources poll --all exited {exit}\n{output}\n{error}");
    }

    /// <summary>The imported articles of one OPD, straight from the database the poll wrote to.</summary>
    public Task<List<Article>> ImportedAsync(string opd) => WithDbAsync(db => db.Articles.AsNoTracking()
        .Include(a => a.Tags)
        .Where(a => a.Opd!.Slug == opd && a.Origin == ContentOrigin.Imported)
        .ToListAsync());

    private static JsonElement? TryParse(string body)
    {
        try
        {
            return JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
