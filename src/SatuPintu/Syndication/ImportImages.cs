using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Accounts;
using SatuPintu.Content.Uploads;
using SatuPintu.Data;
using SatuPintu.Syndication.Outbound;

namespace SatuPintu.Syndication;

/// <summary>
/// Images of imported content are fetched once, through the same checks as an editor's upload
/// (<see cref="UploadStore"/>: type sniffing, pixel limits, re-encoding), and served from /media; the
/// CSP stays img-src 'self' and readers' browsers never ask an OPD server. An image that cannot be
/// fetched or fails the checks is dropped, with a note in the text.
/// </summary>
public sealed partial class ImportImages(SafeFetcher fetcher, IServiceScopeFactory scopes, WriteTurn writes, Microsoft.Extensions.Options.IOptions<SyndicationOptions> options)
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
        if (!_done.TryGetValue(url.AbsoluteUri, out var local))
        {
            local = await FetchOnceAsync(source, url, ct);
            _done[url.AbsoluteUri] = local;
        }
        return local;
    }

    /// <summary>
    /// An image seen on an earlier poll is asked for with its ETag/Last-Modified: a 304, or the same bytes
    /// (by SHA-256), keeps the stored copy; only new bytes are checked and stored again. When the source
    /// cannot be reached the stored copy stays in use.
    /// </summary>
    private async Task<string?> FetchOnceAsync(Source source, Uri url, CancellationToken ct)
    {
        // Its own scope: the upload saves at once, the import's batch saves later.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SatuPintuDb>();
        var urlHash = Sha256(Encoding.UTF8.GetBytes(url.AbsoluteUri));
        var known = await db.SyndicationImages.Include(i => i.MediaFile).FirstOrDefaultAsync(i => i.SourceId == source.Id && i.UrlHash == urlHash, ct);
        var fetched = await fetcher.GetAsync(url, ct, known?.ETag, known?.LastModified, "image/webp, image/png, image/jpeg, image/gif;q=0.8", MaxImageBytes);
        var contentHash = fetched.Ok ? Sha256(fetched.Body!) : null;
        if (known is not null && (fetched.NotModified || !fetched.Ok || contentHash == known.ContentHash))
        {
            if (fetched.Ok || fetched.NotModified)
            {
                (known.ETag, known.LastModified) = (fetched.ETag ?? known.ETag, fetched.LastModified ?? known.LastModified);
                using var turn = await writes.TakeAsync(db, ct);
                await db.SaveChangesAsync(ct);
            }
            return known.MediaFile!.Url;
        }
        if (!fetched.Ok)
        {
            return null;
        }
        var uploads = scope.ServiceProvider.GetRequiredService<UploadStore>();
        // Fetched outside the turn, stored inside it (the upload writes its media row).
        using var stored = await writes.TakeAsync(db, ct);
        var saved = (await uploads.SaveImageAsync(Importer, source.OpdId, url.AbsolutePath, fetched.Body!, null, ct)).Value;
        if (saved is null)
        {
            return null;
        }
        // A changed image takes a new file; the old one goes when nothing live shows it (ReleaseUnusedAsync).
        known ??= db.SyndicationImages.Add(new ImportedImage { SourceId = source.Id, UrlHash = urlHash, Url = Clip(url.AbsoluteUri, 2000), ContentHash = "" }).Entity;
        (known.MediaFileId, known.ContentHash, known.ETag, known.LastModified) = (saved.Id, contentHash!, fetched.ETag, fetched.LastModified);
        await db.SaveChangesAsync(ct);
        return saved.Url;
    }

    /// <summary>
    /// After items were rewritten: the source's images their old bodies showed that no article (any status,
    /// the bin included: it can be restored) or page shows now, nor as a lead image, are deleted with their
    /// files. Earlier revisions of an imported item do not keep images: the source holds its own history.
    /// </summary>
    public async Task ReleaseUnusedAsync(Source source, IReadOnlyList<string> replacedBodies, CancellationToken ct)
    {
        var names = replacedBodies.SelectMany(b => MediaName().Matches(b).Select(m => m.Groups[1].Value)).Distinct().ToList();
        if (names.Count == 0)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SatuPintuDb>();
        var candidates = await db.SyndicationImages.Include(i => i.MediaFile).Where(i => i.SourceId == source.Id && names.Contains(i.MediaFile!.StoredName)).ToListAsync(ct);
        var unused = new List<MediaFile>();
        foreach (var media in candidates.Select(i => i.MediaFile!).DistinctBy(m => m.Id))
        {
            var (name, id) = (media.StoredName, media.Id);
            if (!await db.Articles.IgnoreQueryFilters().AnyAsync(a => a.BodyHtml.Contains(name) || a.BodyMarkdown!.Contains(name) || a.LeadImageId == id, ct)
                && !await db.Pages.IgnoreQueryFilters().AnyAsync(p => p.BodyMarkdown.Contains(name), ct))
            {
                unused.Add(media);
            }
        }
        if (unused.Count == 0)
        {
            return;
        }
        db.MediaFiles.RemoveRange(unused);
        await db.SaveChangesAsync(ct);
        scope.ServiceProvider.GetRequiredService<UploadStore>().RemoveMediaFiles(unused);
    }

    private static string Sha256(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max];

    [GeneratedRegex("/media/([a-f0-9]{24}\\.webp)")]
    private static partial Regex MediaName();

    [GeneratedRegex("<img\\b[^>]*?\\ssrc=\"(?<src>[^\"]*)\"[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ImgTag();
}
