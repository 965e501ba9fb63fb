using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace SatuPintu.WordPressTests;

/// <summary>
/// Issue 12, "Interop with a real WordPress": the portal imports an OPD's WordPress through the
/// interface scripts may rely on (sources API, `sources poll --all`, the loopback allow list). Each
/// test adds its source to its own OPD, so the tests do not see each other's imports.
/// </summary>
[Collection(WordPressStage.Name)]
[Trait("Category", "WordPress")]
public sealed partial class SyndicationInteropTests(WordPressSite site, SyndicationApp app)
{
    [Fact]
    public async Task Finds_the_site_from_its_home_url_and_imports_the_whole_archive_through_the_rest_api()
    {
        var posts = await AllPostsAsync();
        Assert.True(posts.Count > 100, "the archive must span REST pages");
        await app.AddSourceIdAsync("dinkes", site.Home);
        await app.PollAllOkAsync();

        // The feed carries 10 posts; the whole archive only comes through REST paging.
        var imported = await app.ImportedAsync("dinkes");
        Assert.Equal(posts.Count, imported.Count);
        var byLink = imported.ToDictionary(a => a.SourceUrl ?? "");
        foreach (var post in posts)
        {
            Assert.True(byLink.TryGetValue(post.Link, out var article), $"post {post.Link} not imported");
            Assert.Equal(post.Title, article.Title);
            Assert.Contains(article.Tags, t => post.Categories.Contains(t.Name));
        }
        // Images are fetched and served from the portal's origin, never linked to the OPD's server.
        var port = site.Home.Authority;
        Assert.All(imported, a => Assert.DoesNotContain(port + "/wp-content/", a.BodyHtml, StringComparison.Ordinal));
        Assert.Contains(imported, a => a.BodyHtml.Contains("<img", StringComparison.Ordinal));

        await app.PollAllOkAsync();
        Assert.Equal(posts.Count, (await app.ImportedAsync("dinkes")).Count);
    }

    [Fact]
    public async Task Imports_through_the_feed_when_given_the_feed_url()
    {
        var feed = new Uri(site.Home, "feed/");
        var rss = XDocument.Parse(await site.Http.GetStringAsync(feed));
        var titles = rss.Descendants("item").Select(i => (string)i.Element("title")!).ToHashSet();
        await app.AddSourceIdAsync("dinsos", feed);
        await app.PollAllOkAsync();

        var imported = await app.ImportedAsync("dinsos");
        Assert.Equal(titles.Count, imported.Count);
        Assert.All(imported, a => Assert.Contains(a.Title, titles));
    }

    [Fact]
    public async Task Picks_up_an_edit_and_a_new_post_on_the_next_poll()
    {
        await app.AddSourceIdAsync("diskominfo", site.Home);
        await app.PollAllOkAsync();
        var before = await app.ImportedAsync("diskominfo");
        var edited = (await AllPostsAsync())[3];
        var original = before.Single(a => a.SourceUrl == edited.Link);

        await site.EditAsync(edited.Id, "Jadwal Posyandu Bulan Ini Diperbarui");
        var added = await site.AddAsync("Pengumuman Baru: Vaksinasi Massal di Kecamatan Kepahiang");
        await app.PollAllOkAsync();

        var after = await app.ImportedAsync("diskominfo");
        Assert.Equal(before.Count + 1, after.Count);
        var update = after.Single(a => a.SourceUrl == edited.Link);
        Assert.Equal(original.Id, update.Id);
        Assert.Equal("Jadwal Posyandu Bulan Ini Diperbarui", update.Title);
        Assert.Contains("jadwal kegiatan diperbarui", update.BodyHtml, StringComparison.Ordinal);
        Assert.True(update.Version > original.Version, "an edit at the source is a new revision of our copy");
        var link = (await AllPostsAsync()).Single(p => p.Id == added).Link;
        Assert.Equal("Pengumuman Baru: Vaksinasi Massal di Kecamatan Kepahiang", after.Single(a => a.SourceUrl == link).Title);
    }

    [Fact]
    public async Task Reports_a_site_that_is_down_backs_off_and_recovers()
    {
        var id = await app.AddSourceIdAsync("bpbd", site.Home);
        await app.PollAllOkAsync();
        var count = (await app.ImportedAsync("bpbd")).Count;
        var healthy = await app.HealthAsync("bpbd", id);

        string down1, down2;
        await site.PauseAsync();
        try
        {
            await app.PollAllOkAsync();   // the round ran, even though this source failed
            down1 = await app.HealthAsync("bpbd", id);
            await app.PollAllOkAsync();
            down2 = await app.HealthAsync("bpbd", id);
        }
        finally
        {
            await site.ResumeAsync();
        }
        var error = Values(down1, ErrorName()).FirstOrDefault(v => v.Length > 0);
        Assert.False(string.IsNullOrEmpty(error), $"no error reported while the site is down: {down1}");
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Assert.Equal(Values(healthy, SuccessName()), Values(down1, SuccessName()));
        // Backoff: consecutive failures (or the next attempt) move on with each failed round.
        Assert.NotEqual(Values(down1, BackoffName()), Values(down2, BackoffName()));
        Assert.Equal(count, (await app.ImportedAsync("bpbd")).Count);   // nothing imported is lost while it is down

        await app.PollAllOkAsync();
        var recovered = await app.HealthAsync("bpbd", id);
        Assert.NotEqual(Values(down2, SuccessName()), Values(recovered, SuccessName()));
        Assert.True(count <= (await app.ImportedAsync("bpbd")).Count);
    }

    private sealed record Post(int Id, string Title, string Link, HashSet<string> Categories);

    /// <summary>Every published post through the REST API, newest first, with its category names.</summary>
    private async Task<List<Post>> AllPostsAsync()
    {
        using var cats = JsonDocument.Parse(await site.Http.GetStringAsync(new Uri("wp-json/wp/v2/categories?per_page=100", UriKind.Relative)));
        var names = cats.RootElement.EnumerateArray().ToDictionary(c => c.GetProperty("id").GetInt32(), c => WebUtility.HtmlDecode(c.GetProperty("name").GetString()!));
        var posts = new List<Post>();
        for (var page = 1; ; page++)
        {
            using var response = await site.Http.GetAsync(new Uri($"wp-json/wp/v2/posts?per_page=100&page={page}", UriKind.Relative));
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            posts.AddRange(json.RootElement.EnumerateArray().Select(p => new Post(
                p.GetProperty("id").GetInt32(),
                WebUtility.HtmlDecode(p.GetProperty("title").GetProperty("rendered").GetString()!),
                p.GetProperty("link").GetString()!,
                p.GetProperty("categories").EnumerateArray().Select(c => names[c.GetInt32()]).ToHashSet(StringComparer.OrdinalIgnoreCase))));
            if (page >= int.Parse(response.Headers.GetValues("X-WP-TotalPages").Single(), CultureInfo.InvariantCulture))
            {
                return posts;
            }
        }
    }

    /// <summary>The values of every property of the health JSON whose name matches, at any depth, as text.</summary>
    private static List<string> Values(string json, Regex name)
    {
        var found = new List<string>();
        void Walk(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in e.EnumerateObject())
                {
                    if (name.IsMatch(p.Name))
                    {
                        found.Add(p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.ValueKind == JsonValueKind.Null ? "" : p.Value.GetRawText());
                    }
                    Walk(p.Value);
                }
            }
            else if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in e.EnumerateArray())
                {
                    Walk(item);
                }
            }
        }
        using var doc = JsonDocument.Parse(json);
        Walk(doc.RootElement);
        return found;
    }

    [GeneratedRegex("error|galat|gagal", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorName();

    [GeneratedRegex("success|berhasil|sukses", RegexOptions.IgnoreCase)]
    private static partial Regex SuccessName();

    [GeneratedRegex("fail|backoff|retry|next|berikut", RegexOptions.IgnoreCase)]
    private static partial Regex BackoffName();
}
