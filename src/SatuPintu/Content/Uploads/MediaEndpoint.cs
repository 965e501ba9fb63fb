using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;
using SatuPintu.Hosting;

namespace SatuPintu.Content.Uploads;

/// <summary>GET /media/{name}: re-encoded images from the uploads folder; names are random, so cached for a year.</summary>
internal static partial class MediaEndpoint
{
    public static async Task<IResult> Handle(string name, Data.DataOptions settings, ImageProcessor images, HttpContext http)
    {
        var match = NameRegex().Match(name);
        if (!match.Success)
        {
            return Results.NotFound();
        }
        var dir = Path.Combine(settings.UploadsDir, "media");
        var path = Path.Combine(dir, name);
        var share = match.Groups["share"].Success;
        if (!File.Exists(path) && !(share && await MakeShareAsync(dir, match.Groups["id"].Value, path, images, http.RequestAborted)))
        {
            return Results.NotFound();
        }
        http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        http.Response.Headers[HeaderNames.CacheControl] = "public, max-age=31536000, immutable";
        return Results.File(path, share ? "image/jpeg" : "image/webp");
    }

    /// <summary>Images uploaded before the preview JPEG existed get it on first request, from the stored WebP.</summary>
    private static async Task<bool> MakeShareAsync(string dir, string id, string path, ImageProcessor images, CancellationToken ct)
    {
        var source = Path.Combine(dir, id + ".webp");
        if (!File.Exists(source) || images.ShareFromStored(await File.ReadAllBytesAsync(source, ct)) is not { } jpeg)
        {
            return false;
        }
        // Two first requests at once each write their own temporary file; the last move wins, with the same bytes.
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        await File.WriteAllBytesAsync(temp, jpeg, ct);
        File.Move(temp, path, overwrite: true);
        return true;
    }

    [GeneratedRegex("^(?<id>[a-f0-9]{24})(?:(?:-kecil|-sedang)?\\.webp|(?<share>-bagikan\\.jpg))$")]
    private static partial Regex NameRegex();
}
