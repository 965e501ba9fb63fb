using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using SatuPintu.Accounts;
using SatuPintu.Content.Uploads;
using SatuPintu.Syndication.Outbound;

namespace SatuPintu.Syndication;

/// <summary>
/// Images of imported content are fetched once, through the same checks as an editor's upload
/// (<see cref="UploadStore"/>: type sniffing, pixel limits, re-encoding), and served from /media; the
/// CSP stays img-src 'self' and readers' browsers never ask an OPD server. An image that cannot be
/// fetched or fails the checks is dropped, with a note in the text.
/// </summary>
public sealed partial class ImportImages(SafeFetcher fetcher, IServiceScopeFactory scopes, Microsoft.Extensions.Options.IOptions<SyndicationOptions> options)
{
    public const string DroppedNote = "<p><em>Sebagian gambar dari situs sumber tidak dapat dimuat dan dilewati.</em></p>";
    private const long MaxImageBytes = 10 * 1024 * 1024;

    private static readonly ClaimsPrincipal Importer = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Role, Access.AdminRole), new Claim(ClaimTypes.Email, SatuPintu.Syndication.Importer.Actor)], "sindikasi"));

    // Per import run: an image used by several items of one run is fetched once.
    private readonly Dictionary<string, string?> _done = new(StringComparer.Ordinal);

    public async Task<string> LocalizeAsync(Source source, string html, string? featured, CancellationToken ct)
    {
        if (featured is not null && !html.Contains(WebUtility.HtmlEncode(featured), StringComparison.Ordinal) && !html.Contains(featured, StringComparison.Ordinal))
        {
            html = $"<figure><img src=\"{WebUtility.HtmlEncode(featured)}\" alt=\"\"></figure>" + html;
        }
        var dropped = false;
        var count = 0;
        var result = new System.Text.StringBuilder();
        var last = 0;
        foreach (Match m in ImgTag().Matches(html))
        {
            result.Append(html, last, m.Index - last);
            last = m.Index + m.Length;
            var src = WebUtility.HtmlDecode(m.Groups["src"].Value);
            string? local = null;
            if (src.StartsWith("/media/", StringComparison.Ordinal))
            {
                local = src;
            }
            else if (count++ < options.Value.MaxImagesPerItem && Uri.TryCreate(src, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
            {
                local = await FetchAsync(source, url, ct);
            }
            if (local is null)
            {
                dropped = true;
                continue;
            }
            result.Append(m.Value.Replace(m.Groups["src"].Value, local, StringComparison.Ordinal));
        }
        result.Append(html, last, html.Length - last);
        return dropped ? result + DroppedNote : result.ToString();
    }

    private async Task<string?> FetchAsync(Source source, Uri url, CancellationToken ct)
    {
        if (_done.TryGetValue(url.AbsoluteUri, out var known))
        {
            return known;
        }
        string? local = null;
        var fetched = await fetcher.GetAsync(url, ct, accept: "image/webp, image/png, image/jpeg, image/gif;q=0.8", maxBytes: MaxImageBytes);
        if (fetched.Ok)
        {
            // Its own scope: the upload saves at once, the import's batch saves later.
            await using var scope = scopes.CreateAsyncScope();
            var uploads = scope.ServiceProvider.GetRequiredService<UploadStore>();
            var saved = await uploads.SaveImageAsync(Importer, source.OpdId, url.AbsolutePath, fetched.Body!, null, ct);
            local = saved.Value?.Url;
        }
        _done[url.AbsoluteUri] = local;
        return local;
    }

    [GeneratedRegex("<img\\b[^>]*?\\ssrc=\"(?<src>[^\"]*)\"[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ImgTag();
}
