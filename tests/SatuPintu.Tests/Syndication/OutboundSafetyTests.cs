using System.IO.Compression;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SatuPintu.Shared;
using SatuPintu.Syndication;
using SatuPintu.Syndication.Outbound;

namespace SatuPintu.Tests.Syndication;

/// <summary>
/// The outbound checks against real servers on loopback: refused without the allow list, every
/// redirect hop checked again, DNS rebinding caught at the connected address, caps and timeouts.
/// </summary>
public sealed class OutboundSafetyTests
{
    private static (SafeFetcher Fetcher, ServiceProvider Services) Fetcher(Action<SyndicationOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IOptions<SyndicationOptions>>(Options.Create(Configured(configure)));
        services.AddSingleton<IOptions<SiteOptions>>(Options.Create(new SiteOptions()));
        SyndicationFeature.AddOutbound(services);
        var sp = services.BuildServiceProvider();
        return (sp.GetRequiredService<SafeFetcher>(), sp);
    }

    private static SyndicationOptions Configured(Action<SyndicationOptions>? configure)
    {
        var o = new SyndicationOptions { TimeoutSeconds = 2 };
        configure?.Invoke(o);
        return o;
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.5.6.7")]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.0.1")]
    [InlineData("192.168.1.1")]
    [InlineData("100.64.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("fe80::1")]
    [InlineData("fd00::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("ff02::1")]
    public void Special_addresses_are_refused(string address) => Assert.True(AddressPolicy.IsSpecial(IPAddress.Parse(address)));

    [Theory]
    [InlineData("103.10.20.30")]
    [InlineData("2404:6800:4003::1")]
    public void Public_addresses_pass(string address) => Assert.False(AddressPolicy.IsSpecial(IPAddress.Parse(address)));

    [Fact]
    public async Task Loopback_is_refused_without_the_allow_list_and_nothing_is_sent()
    {
        await using var site = await LoopbackSite.StartAsync();
        site.Serve("/feed/", "application/rss+xml", "<rss/>");
        var (fetcher, sp) = Fetcher();
        await using (sp)
        {
            var result = await fetcher.GetAsync(new Uri(site.Origin + "/feed/"), CancellationToken.None);
            Assert.False(result.Ok);
            Assert.Contains("AllowedHosts", result.Error, StringComparison.Ordinal);
            Assert.Equal(0, site.TotalHits);
        }
    }

    [Fact]
    public async Task Every_redirect_hop_is_checked_and_caps_hold()
    {
        await using var allowed = await LoopbackSite.StartAsync("127.0.0.1");
        await using var inner = await LoopbackSite.StartAsync("127.0.0.2");
        inner.Serve("/secret", "text/plain", "metadata");
        allowed.Routes["/jump"] = http =>
        {
            http.Response.Redirect(inner.Origin + "/secret");
            return Task.CompletedTask;
        };
        allowed.Routes["/loop"] = http =>
        {
            http.Response.Redirect("/loop");
            return Task.CompletedTask;
        };
        allowed.Routes["/huge"] = async http =>
        {
            http.Response.ContentType = "application/rss+xml";
            var chunk = new byte[64 * 1024];
            for (var i = 0; i < 40 && !http.RequestAborted.IsCancellationRequested; i++)
            {
                await http.Response.Body.WriteAsync(chunk, http.RequestAborted);
            }
        };
        allowed.Routes["/gzip"] = async http =>
        {
            http.Response.Headers.ContentEncoding = "gzip";
            http.Response.ContentType = "application/rss+xml";
            await using var gz = new GZipStream(http.Response.Body, CompressionLevel.Fastest);
            await gz.WriteAsync("<rss version=\"2.0\"><channel><title>Terkompresi</title></channel></rss>"u8.ToArray());
        };
        allowed.Routes["/slow"] = async http =>
        {
            // Holds the connection open past the fetcher's timeout; the test's end aborts it.
            await Task.Delay(Timeout.Infinite, http.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
        };
        var (fetcher, sp) = Fetcher(o =>
        {
            o.AllowedHosts = ["127.0.0.1/32"];
            o.MaxResponseMegabytes = 1;
            o.TimeoutSeconds = 1;
        });
        await using (sp)
        {
            var jumped = await fetcher.GetAsync(new Uri(allowed.Origin + "/jump"), CancellationToken.None);
            Assert.Contains("127.0.0.2", jumped.Error, StringComparison.Ordinal);
            Assert.Equal(0, inner.TotalHits);

            Assert.Contains("pengalihan", (await fetcher.GetAsync(new Uri(allowed.Origin + "/loop"), CancellationToken.None)).Error, StringComparison.Ordinal);
            Assert.Contains("batas 1 MB", (await fetcher.GetAsync(new Uri(allowed.Origin + "/huge"), CancellationToken.None)).Error, StringComparison.Ordinal);
            Assert.Contains("404", (await fetcher.GetAsync(new Uri(allowed.Origin + "/tidak-ada"), CancellationToken.None)).Error, StringComparison.Ordinal);
            var gz = await fetcher.GetAsync(new Uri(allowed.Origin + "/gzip"), CancellationToken.None);
            Assert.Contains("Terkompresi", System.Text.Encoding.UTF8.GetString(gz.Body!), StringComparison.Ordinal);
            Assert.Contains("Waktu habis", (await fetcher.GetAsync(new Uri(allowed.Origin + "/slow"), CancellationToken.None)).Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Brotli_and_gzip_feeds_are_decoded_and_the_cap_holds_for_the_decoded_size()
    {
        const string Feed = "<rss version=\"2.0\"><channel><title>Dinas</title><item><guid>b-1</guid><title>Jembatan Ujan Mas selesai</title>" +
            "<description>Warga menyambut jembatan baru.</description></item></channel></rss>";
        await using var site = await LoopbackSite.StartAsync();
        var feed = System.Text.Encoding.UTF8.GetBytes(Feed);
        Serve(site, "/br", "br", feed);
        Serve(site, "/gz", "gzip", feed);
        // 8 MB of zeros is a few kilobytes of brotli: the cap must count what comes out, not what goes over the wire.
        var packedBomb = Serve(site, "/bomb", "br", new byte[8 * 1024 * 1024]);
        Assert.True(packedBomb < 64 * 1024);
        var (fetcher, sp) = Fetcher(o =>
        {
            o.AllowedHosts = ["127.0.0.1/32"];
            o.MaxResponseMegabytes = 1;
            o.TimeoutSeconds = 30;
        });
        await using (sp)
        {
            foreach (var path in new[] { "/br", "/gz" })
            {
                var fetched = await fetcher.GetAsync(new Uri(site.Origin + path), CancellationToken.None);
                Assert.True(fetched.Ok, fetched.Error);
                var entry = Assert.Single(SatuPintu.Syndication.Parsing.FeedParser.Parse(fetched.Body!, fetched.ContentType, fetched.FinalUri).Entries);
                Assert.Equal("Jembatan Ujan Mas selesai", entry.Title);
                Assert.Contains("jembatan baru", entry.Summary, StringComparison.Ordinal);
            }
            var bomb = await fetcher.GetAsync(new Uri(site.Origin + "/bomb"), CancellationToken.None);
            Assert.False(bomb.Ok);
            Assert.Contains("melebihi batas 1 MB", bomb.Error, StringComparison.Ordinal);
        }
    }

    /// <summary>Compressed once, before any fetch: the answer is then only bytes; the size sent.</summary>
    private static long Serve(LoopbackSite site, string path, string encoding, byte[] body)
    {
        using var packed = new MemoryStream();
        using (Stream z = encoding == "br" ? new BrotliStream(packed, CompressionLevel.Fastest, leaveOpen: true) : new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
        {
            z.Write(body);
        }
        var bytes = packed.ToArray();
        site.Routes[path] = async http =>
        {
            http.Response.Headers.ContentEncoding = encoding;
            http.Response.ContentType = "application/rss+xml; charset=utf-8";
            http.Response.ContentLength = bytes.Length;
            await http.Response.Body.WriteAsync(bytes);
        };
        return bytes.Length;
    }

    [Fact]
    public async Task Dns_rebinding_is_caught_at_the_connected_address()
    {
        // The attacker's name answers the forbidden address and the allowed one in turn, with TTL 0. Once a
        // connection to the allowed one stands, it is reused; what matters is that the forbidden one is never reached.
        await using var good = await LoopbackSite.StartAsync("127.0.0.2");
        await using var evil = await LoopbackSite.StartAsync("127.0.0.3", good.Port);
        good.Serve("/", "text/plain", "baik");
        evil.Serve("/", "text/plain", "jahat");
        using var dns = new LoopbackDns(IPAddress.Parse("127.0.0.3"), IPAddress.Parse("127.0.0.2"));
        var (fetcher, sp) = Fetcher(o =>
        {
            o.AllowedHosts = ["127.0.0.2/32"];
            o.DnsServers = [dns.EndPoint];
        });
        await using (sp)
        {
            var results = new List<FetchResult>();
            for (var i = 0; i < 4; i++)
            {
                results.Add(await fetcher.GetAsync(new Uri($"http://opd-rebind.test:{good.Port}/?n={i}"), CancellationToken.None));
            }
            Assert.Contains(results, r => r.Ok);
            Assert.Contains(results, r => r.Error?.Contains("127.0.0.3", StringComparison.Ordinal) == true);
            Assert.Equal(0, evil.TotalHits);
        }
    }
}
