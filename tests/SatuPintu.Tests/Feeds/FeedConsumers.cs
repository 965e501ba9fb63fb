using System.Diagnostics;
using System.Text.Json;

namespace SatuPintu.Tests.Feeds;

/// <summary>Real consumers of what the site sends out: Debian's python3-feedparser and libxml2's xmllint.</summary>
public static class FeedConsumers
{
    private const string Parse = """
        import feedparser, json, sys
        d = feedparser.parse(sys.argv[1])
        print(json.dumps({
            "bozo": bool(d.bozo), "error": str(d.get("bozo_exception", "")), "version": d.version,
            "title": d.feed.get("title"), "links": [l.get("href") for l in d.feed.get("links", [])],
            "next": [l.get("href") for l in d.feed.get("links", []) if l.get("rel") == "next"],
            "entries": [{"title": e.get("title"), "link": e.get("link"), "id": e.get("id"),
                         "dated": bool(e.get("published_parsed") or e.get("updated_parsed")),
                         "author": e.get("author")} for e in d.entries]}))
        """;

    /// <summary>feedparser's view of a feed document (its own bytes, read from a file: nothing is fetched).</summary>
    public static async Task<JsonElement> FeedparserAsync(byte[] feed)
    {
        var file = Path.Combine(Path.GetTempPath(), "satupintu-feed-" + Guid.NewGuid().ToString("N"));
        await File.WriteAllBytesAsync(file, feed);
        try
        {
            var (code, output, error) = await RunAsync("/usr/bin/python3", ["-c", Parse, file]);
            Assert.True(code == 0, $"python3 feedparser failed: {error}");
            return JsonDocument.Parse(output).RootElement.Clone();
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>xmllint's verdict on well-formedness: null when well-formed, else its complaint.</summary>
    public static async Task<string?> XmllintAsync(byte[] xml)
    {
        var file = Path.Combine(Path.GetTempPath(), "satupintu-xml-" + Guid.NewGuid().ToString("N") + ".xml");
        await File.WriteAllBytesAsync(file, xml);
        try
        {
            var (code, _, error) = await RunAsync("/usr/bin/xmllint", ["--noout", "--nonet", file]);
            return code == 0 ? null : error;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string program, string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        using var p = Process.Start(start)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await output, await error);
    }
}
