using System.Text.RegularExpressions;
using Microsoft.Net.Http.Headers;
using SatuPintu.Hosting;

namespace SatuPintu.Content.Uploads;

/// <summary>GET /media/{name}: re-encoded images from the uploads folder; names are random, so cached for a year.</summary>
internal static partial class MediaEndpoint
{
    public static IResult Handle(string name, Data.DataOptions settings, HttpContext http)
    {
        if (!NameRegex().IsMatch(name))
        {
            return Results.NotFound();
        }
        var path = Path.Combine(settings.UploadsDir, "media", name);
        if (!File.Exists(path))
        {
            return Results.NotFound();
        }
        http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        http.Response.Headers[HeaderNames.CacheControl] = "public, max-age=31536000, immutable";
        return Results.File(path, "image/webp");
    }

    [GeneratedRegex("^[a-f0-9]{24}(-kecil|-sedang)?\\.webp$")]
    private static partial Regex NameRegex();
}
