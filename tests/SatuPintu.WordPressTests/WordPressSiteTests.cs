using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Xml.Linq;

namespace SatuPintu.WordPressTests;

/// <summary>The test WordPress itself: that it is real, offline, and shaped like an OPD's site.</summary>
[Collection(WordPressStage.Name)]
[Trait("Category", "WordPress")]
public sealed class WordPressSiteTests(WordPressSite site)
{
    [Fact]
    public async Task Answers_with_its_rest_api_link_and_cannot_reach_the_internet()
    {
        using var home = await site.Http.GetAsync(site.Home);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains(home.Headers.GetValues("Link"), l => l.Contains("rel=\"https://api.w.org/\"", StringComparison.Ordinal));
        var status = await site.StatusAsync();
        Assert.StartsWith("6.", status["wordpress"], StringComparison.Ordinal);
        Assert.Equal("yes", status["external_http_blocked"]);
        Assert.Equal("yes", status["cron_disabled"]);
        Assert.Equal("yes", status["auto_updates_disabled"]);
    }

    [Fact]
    public async Task Rest_api_pages_the_whole_archive_at_most_100_a_page()
    {
        var total = int.Parse((await site.StatusAsync())["posts"], CultureInfo.InvariantCulture);
        Assert.True(total >= WordPressSite.SeededPosts, $"{total} posts");
        var ids = new HashSet<int>();
        for (var page = 1; ; page++)
        {
            using var response = await site.Http.GetAsync(new Uri($"wp-json/wp/v2/posts?per_page=100&page={page}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(total.ToString(CultureInfo.InvariantCulture), response.Headers.GetValues("X-WP-Total").Single());
            var pages = int.Parse(response.Headers.GetValues("X-WP-TotalPages").Single(), CultureInfo.InvariantCulture);
            Assert.Equal((total + 99) / 100, pages);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.True(json.RootElement.GetArrayLength() <= 100);
            foreach (var post in json.RootElement.EnumerateArray())
            {
                ids.Add(post.GetProperty("id").GetInt32());
            }
            if (page == pages)
            {
                break;
            }
        }
        Assert.Equal(total, ids.Count);
        // The cap an importer has to page around: 101 a page is refused.
        using var tooMany = await site.Http.GetAsync(new Uri("wp-json/wp/v2/posts?per_page=101", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
    }

    [Fact]
    public async Task Posts_carry_categories_tags_and_featured_images_it_serves()
    {
        using var json = JsonDocument.Parse(await site.Http.GetStringAsync(new Uri("wp-json/wp/v2/posts?per_page=100&_embed=1", UriKind.Relative)));
        var posts = json.RootElement.EnumerateArray().ToList();
        Assert.All(posts, p => Assert.NotEmpty(p.GetProperty("categories").EnumerateArray()));
        Assert.Contains(posts, p => p.GetProperty("tags").GetArrayLength() > 0);
        var featured = posts.Where(p => p.GetProperty("featured_media").GetInt32() != 0).ToList();
        Assert.InRange(featured.Count, posts.Count / 2, posts.Count);
        var image = featured[0].GetProperty("_embedded").GetProperty("wp:featuredmedia")[0].GetProperty("source_url").GetString()!;
        Assert.StartsWith(site.Home.ToString(), image, StringComparison.Ordinal);
        using var response = await site.Http.GetAsync(new Uri(image));
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await response.Content.ReadAsByteArrayAsync())[..4]);
        Assert.Contains(posts, p => p.GetProperty("content").GetProperty("rendered").GetString()!.Contains("<img", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Feed_carries_the_latest_ten_and_pages_on()
    {
        foreach (var url in new[] { "feed/", "feed/?paged=2" })
        {
            var rss = XDocument.Parse(await site.Http.GetStringAsync(new Uri(url, UriKind.Relative)));
            Assert.Equal("2.0", rss.Root!.Attribute("version")!.Value);
            Assert.Equal(10, rss.Descendants("item").Count());
        }
    }

    [Fact]
    public async Task Goes_down_and_comes_back_when_told()
    {
        await site.PauseAsync();
        try
        {
            await Assert.ThrowsAsync<HttpRequestException>(() => site.Http.GetAsync(site.Home));
        }
        finally
        {
            await site.ResumeAsync();
        }
        using var back = await site.Http.GetAsync(site.Home);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
    }
}
