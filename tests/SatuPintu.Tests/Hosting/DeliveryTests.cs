using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Content;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Hosting;

/// <summary>How pages travel: compression, fingerprinted static assets, the output cache and its invalidation.</summary>
[Collection(Hosts.SqlitePortal)]
public sealed class DeliveryTests(SqliteApp app)
{
    private readonly HttpClient _client = app.Browser();

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Pages_are_compressed(string encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/opd");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(encoding, response.Content.Headers.ContentEncoding.Single());
    }

    [Fact]
    public async Task Static_assets_have_fingerprinted_urls_cached_for_a_year()
    {
        var html = await _client.GetOkAsync("/");
        var css = Html.Links(html, "/css/").Single();
        Assert.Matches(@"^/css/site\.[a-z0-9]+\.css$", css);
        using var response = await _client.GetAsync(new Uri(css, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.MaxAge >= TimeSpan.FromDays(365));
    }

    [Fact]
    public async Task Sqlite_runs_in_wal_mode_with_foreign_keys_enforced()
    {
        var (journal, foreignKeys) = await app.WithDbAsync(async db =>
        {
            var conn = db.Database.GetDbConnection();
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode";
            var j = (string)(await cmd.ExecuteScalarAsync())!;
            cmd.CommandText = "PRAGMA foreign_keys";
            var f = (long)(await cmd.ExecuteScalarAsync())!;
            return (j, f);
        });
        Assert.Equal("wal", journal);
        Assert.Equal(1, foreignKeys);
    }

    [Fact]
    public async Task Home_page_with_its_css_stays_under_60_kb()
    {
        var html = await _client.GetOkAsync("/");
        var total = System.Text.Encoding.UTF8.GetByteCount(html);
        foreach (var asset in Html.Links(html, "/css/").Concat(Html.Links(html, "/js/")))
        {
            total += (await _client.GetByteArrayAsync(new Uri(asset, UriKind.Relative))).Length;
        }
        Assert.True(total < 60 * 1024, $"home page + CSS/JS = {total} bytes");
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_content_change_shows_at_once_despite_the_output_cache()
    {
        var first = await _client.GetOkAsync("/pengumuman");
        var again = await _client.GetAsync(new Uri("/pengumuman", UriKind.Relative));
        Assert.True(again.Headers.Age is not null, "second request should be served from the output cache");

        var slug = Html.ListItemLinks(first)[0]["/pengumuman/".Length..];
        var newTitle = "Pengumuman diperbarui " + Guid.NewGuid().ToString("N")[..8];
        await app.WithDbAsync(async db =>
        {
            var article = await db.Articles.SingleAsync(a => a.Slug == slug);
            article.Title = newTitle;
            return await db.SaveChangesAsync();
        });

        var after = await _client.GetOkAsync("/pengumuman");
        Assert.Contains(newTitle, after, StringComparison.Ordinal);
        Assert.Contains(newTitle, await _client.GetOkAsync("/"), StringComparison.Ordinal);
    }
}

/// <summary><c>SatuPintu__OutputCache__Enabled=false</c> serves every request fresh (for measuring the uncached path).</summary>
public sealed class OutputCacheOffTests : IClassFixture<OutputCacheOffTests.App>
{
    public sealed class App : SatuPintuApp
    {
        public App() : base(postgres: false, new() { ["SatuPintu:OutputCache:Enabled"] = "false" }) { }
    }

    private readonly HttpClient _client;

    public OutputCacheOffTests(App app) => _client = app.Browser();

    [Fact]
    public async Task No_response_comes_from_the_cache()
    {
        await _client.GetOkAsync("/berita");
        using var second = await _client.GetAsync(new Uri("/berita", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Null(second.Headers.Age);
    }
}
