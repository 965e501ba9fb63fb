using System.Text;
using Microsoft.Extensions.Options;

namespace SatuPintu.Monitoring.Watch;

/// <summary>A fetched page: its final address, status and (capped) body.</summary>
public sealed record FetchedPage(Uri Url, int Status, string Html, bool Truncated);

/// <summary>
/// Fetches a watched page through IHttpClientFactory with a timeout, a redirect limit and a size cap,
/// once as a phone browser and once as Googlebot (for the cloaking comparison).
/// </summary>
public sealed class PageFetcher(IHttpClientFactory http, IOptions<WatchOptions> options)
{
    public const string Client = "website-watch";

    public Task<FetchedPage> AsBrowserAsync(Uri url, CancellationToken ct) => FetchAsync(url, options.Value.BrowserUserAgent, ct);

    public Task<FetchedPage> AsCrawlerAsync(Uri url, CancellationToken ct) => FetchAsync(url, options.Value.CrawlerUserAgent, ct);

    private async Task<FetchedPage> FetchAsync(Uri url, string userAgent, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        request.Headers.TryAddWithoutValidation("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5");
        request.Headers.TryAddWithoutValidation("Accept-Language", "id-ID,id;q=0.9,en;q=0.5");
        using var response = await http.CreateClient(Client).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        var max = options.Value.MaxBytes;
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[max + 1];
        var read = 0;
        int n;
        while (read <= max && (n = await body.ReadAsync(buffer.AsMemory(read, buffer.Length - read), ct)) > 0)
        {
            read += n;
        }
        var truncated = read > max;
        var charset = response.Content.Headers.ContentType?.CharSet;
        Encoding encoding;
        try
        {
            encoding = string.IsNullOrEmpty(charset) ? Encoding.UTF8 : Encoding.GetEncoding(charset.Trim('"'));
        }
        catch (ArgumentException)
        {
            encoding = Encoding.UTF8;
        }
        return new FetchedPage(response.RequestMessage?.RequestUri ?? url, (int)response.StatusCode, encoding.GetString(buffer, 0, Math.Min(read, max)), truncated);
    }
}
