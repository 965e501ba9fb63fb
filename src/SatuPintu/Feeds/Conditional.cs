using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace SatuPintu.Feeds;

/// <summary>
/// ETag (of the bytes, so any change shows) and Last-Modified, and the 304 for a request that already has them
/// (RFC 9110 §13: If-None-Match wins over If-Modified-Since).
/// </summary>
internal static class Conditional
{
    public static IResult Answer(HttpContext http, byte[] body, string contentType, DateTime lastModifiedUtc)
    {
        // Weak: the same entity may go out compressed or not, and only weak comparison applies to If-None-Match anyway.
        var etag = new EntityTagHeaderValue("\"" + WebEncoders.Base64UrlEncode(SHA256.HashData(body), 0, 16) + "\"", isWeak: true);
        var modified = new DateTimeOffset(DateTime.SpecifyKind(lastModifiedUtc, DateTimeKind.Utc)).AddTicks(-(lastModifiedUtc.Ticks % TimeSpan.TicksPerSecond));
        var response = http.Response;
        var headers = response.GetTypedHeaders();
        headers.ETag = etag;
        headers.LastModified = modified;
        // Readers may keep a copy but must ask again; the ETag makes asking cheap.
        headers.CacheControl = new CacheControlHeaderValue { Public = true, NoCache = true };
        return NotModified(http.Request, etag, modified) ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Bytes(body, contentType);
    }

    private static bool NotModified(HttpRequest request, EntityTagHeaderValue etag, DateTimeOffset modified)
    {
        var typed = request.GetTypedHeaders();
        if (typed.IfNoneMatch is { Count: > 0 } tags)
        {
            return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(etag, useStrongComparison: false));
        }
        return typed.IfModifiedSince is { } since && modified <= since;
    }
}
