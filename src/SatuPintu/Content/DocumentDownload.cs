using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using SatuPintu.Data;
using SatuPintu.Hosting;
using SatuPintu.Shared;

namespace SatuPintu.Content;

/// <summary>
/// GET /dokumen/{slug}/unduh: the file from the uploads folder (never the web root), with the
/// stored content type, nosniff and an attachment disposition so a browser never renders it as a page.
/// </summary>
internal static class DocumentDownload
{
    public static async Task<IResult> HandleAsync(string slug, SatuPintuDb db, RegionalClock clock, IServiceProvider services, HttpContext http, CancellationToken ct)
    {
        var doc = Slug.IsWellFormed(slug)
            ? await db.Documents.AsNoTracking().Visible(clock.UtcNow).FirstOrDefaultAsync(d => d.Slug == slug, ct)
            : null;
        var root = services.GetRequiredService<Data.DataOptions>().UploadsDir;
        var path = doc is null ? null : Path.GetFullPath(Path.Combine(root, doc.StoragePath));
        if (doc is null || path is null || !path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(path))
        {
            ErrorMessage.Set(http, "Berkas dokumen tidak ditemukan.");
            return Results.NotFound();
        }
        http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        http.Response.Headers[HeaderNames.CacheControl] = "public, max-age=3600";
        return Results.File(path, doc.ContentType, doc.FileName, lastModified: doc.UpdatedAt, enableRangeProcessing: true);
    }
}
