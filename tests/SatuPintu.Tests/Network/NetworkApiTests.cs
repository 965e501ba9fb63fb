using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Network;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Network;

/// <summary>
/// /api/v1/network on the seeded demo registry, on SQLite and PostgreSQL alike: the public figures,
/// what only an admin token sees, subnet overlap (409 naming the clash) and lifecycle moves (422 saying why).
/// Addresses are RFC 1918 or documentation ranges, used as data only.
/// </summary>
public abstract class NetworkApiTests(SatuPintuApp app) : WithPersonas(app)
{
    private HttpClient Anonymous => Personas.Api(app, null);
    private HttpClient Admin => Personas.Api(app, People.Admin);

    private static async Task<JsonElement> JsonAsync(HttpClient c, string url)
    {
        using var response = await c.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private Task<int> SiteIdAsync(string name) => app.WithDbAsync(db => db.NetworkSites.Where(s => s.Name == name).Select(s => s.Id).SingleAsync());

    private Task<int> SubnetCountAsync() => app.WithDbAsync(db => db.NetworkSubnets.CountAsync());

    [Fact]
    public async Task Progress_is_public_and_matches_the_demo_facts()
    {
        var p = await JsonAsync(Anonymous, "/api/v1/network/progress");
        Assert.Equal(34, p.GetProperty("opdTotal").GetInt32());
        Assert.InRange(p.GetProperty("opdConnected").GetInt32(), 8, 34);
        Assert.True(DateTime.TryParse(p.GetProperty("asOf").GetString(), out _));
        var states = p.GetProperty("states");
        var sites = await app.WithDbAsync(db => db.NetworkSites.CountAsync());
        Assert.Equal(sites, Enum.GetValues<ConnectionState>().Sum(s => states.GetProperty(s.ApiName()).GetInt32()));
        var budget = p.GetProperty("budget").EnumerateArray().ToList();
        Assert.Equal(2019, budget.Min(b => b.GetProperty("year").GetInt32()));
        Assert.Contains(budget, b => b.GetProperty("year").GetInt32() == 2026 && b.GetProperty("source").GetString() == "apbd-perubahan"
            && b.GetProperty("planned").GetInt64() > 0 && b.GetProperty("realised").GetInt64() == 0);
    }

    [Fact]
    public async Task Sites_are_public_without_management_addresses_and_subnets()
    {
        var sites = (await JsonAsync(Anonymous, "/api/v1/network/sites")).EnumerateArray().ToList();
        Assert.True(sites.Count >= 30);
        Assert.All(sites, s =>
        {
            Assert.False(s.TryGetProperty("subnets", out _));
            Assert.False(s.TryGetProperty("link", out var l) && l.ValueKind == JsonValueKind.Object && l.TryGetProperty("managementAddress", out _));
        });
        string StateOf(string opd) => sites.First(s => s.GetProperty("opds").EnumerateArray().Any(o => o.GetString() == opd)).GetProperty("state").GetString()!;
        Assert.Equal("connected", StateOf("bkd"));
        Assert.Equal("connected", StateOf("dpmptsp"));
        Assert.Equal("connected", StateOf("bappeda"));
        var units = sites.Single(s => s.GetProperty("units").EnumerateArray().Any(u => u.GetString() == "setda/upbj"));
        Assert.Equal("connected", units.GetProperty("state").GetString());
        Assert.Contains("setda/bagian-pembangunan", units.GetProperty("units").EnumerateArray().Select(u => u.GetString()));
        var core = sites.Single(s => s.GetProperty("kind").GetString() == "core");
        Assert.Equal(JsonValueKind.Null, core.GetProperty("parentSiteId").ValueKind);
        Assert.InRange(core.GetProperty("latitude").GetDouble(), -3.8, -3.5);
        Assert.True(core.GetProperty("coordinatesApproximate").GetBoolean());

        // An editor's token is not an admin token.
        var asEditor = (await JsonAsync(Personas.Api(app, People.EditorA), "/api/v1/network/sites")).EnumerateArray();
        Assert.All(asEditor, s => Assert.False(s.TryGetProperty("subnets", out _)));
    }

    [Fact]
    public async Task An_admin_token_also_sees_subnets_and_management_addresses()
    {
        var sites = (await JsonAsync(Admin, "/api/v1/network/sites")).EnumerateArray().ToList();
        var office = sites.First(s => s.GetProperty("kind").GetString() == "office");
        Assert.NotEmpty(office.GetProperty("subnets").EnumerateArray());
        Assert.StartsWith("10.", office.GetProperty("link").GetProperty("managementAddress").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_subnet_is_added_and_an_overlapping_one_is_refused_naming_the_clash()
    {
        var site = await SiteIdAsync("Kantor Camat Merigi");
        using var created = await Admin.PostAsJsonAsync("/api/v1/network/subnets", new { siteId = site, cidr = "10.99.4.0/24", vlan = 40, gateway = "10.99.4.1" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        Assert.Equal("10.99.4.0/24", await app.WithDbAsync(db => db.NetworkSubnets.Where(n => n.Id == id).Select(n => n.Cidr).SingleAsync()));

        var before = await SubnetCountAsync();
        foreach (var cidr in new[] { "10.99.4.128/25", "10.99.0.0/16", "10.99.4.0/24" })
        {
            using var clash = await Admin.PostAsJsonAsync("/api/v1/network/subnets", new { siteId = site, cidr, vlan = 41 });
            Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
            Assert.Equal("application/problem+json", clash.Content.Headers.ContentType?.MediaType);
            var problem = await clash.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("10.99.4.0/24", problem.GetProperty("clash").GetString());
            Assert.Contains("10.99.4.0/24", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        // A seeded subnet clashes too, and so does an IPv6 block inside a seeded one.
        using var seeded = await Admin.PostAsJsonAsync("/api/v1/network/subnets", new { siteId = site, cidr = "10.17.0.0/16" });
        Assert.Equal(HttpStatusCode.Conflict, seeded.StatusCode);
        using var v6 = await Admin.PostAsJsonAsync("/api/v1/network/subnets", new { siteId = site, cidr = "2001:db8:1708:1:8000::/65" });
        Assert.Equal(HttpStatusCode.Conflict, v6.StatusCode);
        Assert.Equal("2001:db8:1708:1::/64", (await v6.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clash").GetString());
        Assert.Equal(before, await SubnetCountAsync());
    }

    [Theory]
    [InlineData("10.99.5.0")]
    [InlineData("10.99.5.0/40")]
    [InlineData("bukan-cidr")]
    [InlineData("10.99.5.7/24")]
    public async Task A_malformed_cidr_is_422_and_changes_nothing(string cidr)
    {
        var before = await SubnetCountAsync();
        using var response = await Admin.PostAsJsonAsync("/api/v1/network/subnets", new { siteId = await SiteIdAsync("Kantor Camat Merigi"), cidr });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEmpty(problem.GetProperty("errors").GetProperty("cidr").EnumerateArray());
        Assert.Equal(before, await SubnetCountAsync());
    }

    [Fact]
    public async Task Subnets_need_an_admin_token_and_a_known_site()
    {
        var body = new { siteId = await SiteIdAsync("Kantor Camat Merigi"), cidr = "10.99.6.0/24" };
        using var anonymous = await Anonymous.PostAsJsonAsync("/api/v1/network/subnets", body);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var editor = await Personas.Api(app, People.EditorA).PostAsJsonAsync("/api/v1/network/subnets", body);
        Assert.Equal(HttpStatusCode.Forbidden, editor.StatusCode);
        using var unknown = await Admin.PostAsJsonAsync("/api/v1/network/subnets", new { siteId = 999_999, cidr = "10.99.6.0/24" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.NetworkSubnets.AnyAsync(n => n.Cidr == "10.99.6.0/24")));
    }

    private static readonly string[] Racing = ["10.98.0.0/24", "10.98.0.0/23", "10.98.0.128/25", "10.98.1.0/24"];

    [Fact]
    public async Task Two_overlapping_subnets_at_once_are_not_both_accepted()
    {
        var site = await SiteIdAsync("Kantor Camat Ujan Mas");
        var posts = Racing.Select(cidr => Admin.PostAsJsonAsync("/api/v1/network/subnets", new { siteId = site, cidr })).ToList();
        var codes = (await Task.WhenAll(posts)).Select(r => r.StatusCode).ToList();
        var kept = await app.WithDbAsync(db => db.NetworkSubnets.Where(n => n.Cidr.StartsWith("10.98.")).Select(n => n.Cidr).ToListAsync());
        Assert.Equal(codes.Count(c => c == HttpStatusCode.Created), kept.Count);
        Assert.All(codes, c => Assert.True(c is HttpStatusCode.Created or HttpStatusCode.Conflict, c.ToString()));
        var nets = kept.Select(c => SubnetRules.TryParse(c, out var n, out _) ? n : null!).ToList();
        Assert.All(nets, a => Assert.Single(nets, b => a.Overlap(b)));
    }

    [Fact]
    public async Task A_lifecycle_move_is_kept_in_the_history_and_shows_on_the_public_figures()
    {
        var site = await SiteIdAsync("Kantor Camat Kabawetan");
        var before = (await JsonAsync(Anonymous, "/api/v1/network/progress")).GetProperty("opdConnected").GetInt32();
        var page = await app.Browser().GetOkAsync("/jaringan");
        Assert.Contains($"{before} dari 34 OPD tersambung", page, StringComparison.Ordinal);

        using var moved = await Admin.PostAsJsonAsync($"/api/v1/network/sites/{site}/transitions", new { to = "connected", reason = "dana APBD Perubahan cair" });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal("connected", (await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString());
        var last = await app.WithDbAsync(db => db.NetworkSiteStateChanges.Where(h => h.SiteId == site).OrderByDescending(h => h.Id).FirstAsync());
        Assert.Equal((ConnectionState.Postponed, ConnectionState.Connected, "dana APBD Perubahan cair", People.Admin.Email), (last.From!.Value, last.To, last.Reason, last.ChangedBy));

        Assert.Equal(before + 1, (await JsonAsync(Anonymous, "/api/v1/network/progress")).GetProperty("opdConnected").GetInt32());
        // The cached public page follows the write at once.
        Assert.Contains($"{before + 1} dari 34 OPD tersambung", await app.Browser().GetOkAsync("/jaringan"), StringComparison.Ordinal);
        Assert.Contains(">tersambung</a> sejak", await app.Browser().GetOkAsync("/opd/kec-kabawetan"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Kantor Camat Tebat Karai", "decommissioned", null, "wajib disertai alasan")]
    [InlineData("Kantor Camat Tebat Karai", "postponed", "lagi", "sudah berstatus ditunda")]
    [InlineData("Kantor BKD", "funded", null, "wajib disertai alasan")]
    [InlineData("Kantor BKD", "aktif", null, "tidak dikenal")]
    [InlineData("Kantor BKD", "3", null, "tidak dikenal")]
    public async Task A_move_the_lifecycle_does_not_allow_is_422_with_the_reason_and_changes_nothing(string siteName, string to, string? reason, string why)
    {
        var site = await SiteIdAsync(siteName);
        var history = await app.WithDbAsync(db => db.NetworkSiteStateChanges.CountAsync(h => h.SiteId == site));
        var state = await app.WithDbAsync(db => db.NetworkSites.Where(s => s.Id == site).Select(s => s.State).SingleAsync());
        using var response = await Admin.PostAsJsonAsync($"/api/v1/network/sites/{site}/transitions", new { to, reason });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(why, problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(history, await app.WithDbAsync(db => db.NetworkSiteStateChanges.CountAsync(h => h.SiteId == site)));
        Assert.Equal(state, await app.WithDbAsync(db => db.NetworkSites.Where(s => s.Id == site).Select(s => s.State).SingleAsync()));
    }

    [Fact]
    public async Task Transitions_need_an_admin_token()
    {
        var site = await SiteIdAsync("Kantor Camat Bermani Ilir");
        using var anonymous = await Anonymous.PostAsJsonAsync($"/api/v1/network/sites/{site}/transitions", new { to = "installed" });
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        using var reviewer = await Personas.Api(app, People.ReviewerA).PostAsJsonAsync($"/api/v1/network/sites/{site}/transitions", new { to = "installed" });
        Assert.Equal(HttpStatusCode.Forbidden, reviewer.StatusCode);
        using var unknown = await Admin.PostAsJsonAsync("/api/v1/network/sites/999999/transitions", new { to = "installed" });
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(ConnectionState.Postponed, await app.WithDbAsync(db => db.NetworkSites.Where(s => s.Id == site).Select(s => s.State).SingleAsync()));
    }
}

public sealed class SqliteNetworkApiTests(SqliteApp app) : NetworkApiTests(app), IClassFixture<SqliteApp>;

public sealed class PostgresNetworkApiTests(PostgresApp app) : NetworkApiTests(app), IClassFixture<PostgresApp>;
