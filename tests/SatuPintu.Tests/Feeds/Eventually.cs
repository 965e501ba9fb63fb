using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Feeds;

/// <summary>A bounded wait for the change feed to bring a write to the public pages (a background service).</summary>
public static class Eventually
{
    public static async Task<string> TextAsync(HttpClient client, string url, Func<string, bool> ready)
    {
        var body = "";
        for (var attempt = 0; attempt < 100; attempt++)
        {
            body = await client.GetOkAsync(url);
            if (ready(body))
            {
                return body;
            }
            await Task.Delay(100);
        }
        Assert.Fail($"{url} did not show the change within 10 s");
        return body;
    }
}
