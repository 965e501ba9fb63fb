using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SatuPintu.Content;
using SatuPintu.Search;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Search;

/// <summary>A second web node on the shared PostgreSQL host's database, with its own data folder.</summary>
public sealed class SecondSearchNode(SatuPintuApp first)
    : SatuPintuApp(postgres: false, new() { ["ConnectionStrings:Postgres"] = first.PostgresConnectionString });

/// <summary>
/// Two web nodes on one PostgreSQL database, each following the change feed: a publish shows in search on
/// both, an acronym pair an admin adds on one node is used by the other's queries, and a rebuild on one
/// node leaves the other serving throughout.
/// </summary>
[Collection(Hosts.PostgresPortal)]
public sealed class TwoNodeSearchTests(PostgresApp a) : IAsyncLifetime
{
    private SecondSearchNode _b = null!;

    public Task InitializeAsync()
    {
        _b = new SecondSearchNode(a);
        _ = _b.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _b.DisposeAsync();

    [Fact]
    public async Task Both_nodes_follow_a_publish_and_an_acronym_change_and_one_serves_while_the_other_rebuilds()
    {
        var (clientA, clientB) = (a.Browser(), _b.Browser());
        var word = "Tapirbelang" + new string(Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(4).ToArray());
        await TestArticles.CreateAsync(a, Personas.OpdA, PublicationStatus.Published, $"Festival {word} di Kepahiang");
        await IndexWait.UntilAsync(async () => await TotalAsync(clientA, word) == 1 && await TotalAsync(clientB, word) == 1);

        // The pair is saved on node A; node B learns it from the change feed and expands its own queries.
        var admin = await Personas.SignInAsync(a, (await a.PeopleAsync()).Admin.Email);
        var abbreviation = "tb" + word[^4..].ToLowerInvariant();
        var saved = await Personas.PostFormAsync(admin, "/admin/pencarian/Save",
            new() { ["Input.Abbreviation"] = abbreviation, ["Input.Phrases"] = $"festival {word.ToLowerInvariant()}", ["Existing"] = "false" }, "/admin/pencarian");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await IndexWait.UntilAsync(async () => await TotalAsync(clientB, abbreviation) == 1);

        var job = _b.Services.GetRequiredService<ReindexJob>();
        Assert.True(job.Start());
        do
        {
            // Node A answers from the live tables until node B swaps the new ones in.
            Assert.Equal(1, await TotalAsync(clientA, word));
        }
        while (!job.Completion.IsCompleted);
        await job.Completion;
        Assert.Null(job.State.Error);
        Assert.Equal(1, await TotalAsync(clientA, word));

        // After the swap both nodes go on following the feed, and the rebuilt index carries the pair at index time.
        var after = word + "lagi";
        await TestArticles.CreateAsync(a, Personas.OpdB, PublicationStatus.Published, $"Lomba {after}");
        await IndexWait.UntilAsync(async () => await TotalAsync(clientA, after) == 1 && await TotalAsync(clientB, after) == 1);
        Assert.Equal(1, await TotalAsync(clientA, abbreviation));
        await Personas.PostFormAsync(admin, $"/admin/pencarian/Remove?singkatan={abbreviation}", [], "/admin/pencarian");
    }

    private static async Task<int> TotalAsync(HttpClient client, string q)
    {
        var (status, body) = await client.FetchAsync("/api/v1/search?q=" + Uri.EscapeDataString(q));
        Assert.Equal(HttpStatusCode.OK, status);
        return JsonDocument.Parse(body).RootElement.GetProperty("total").GetInt32();
    }
}
