using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Accounts;
using SatuPintu.Data;
using SatuPintu.Hosting;

namespace SatuPintu.Content.Uploads;

/// <summary>
/// Stores uploads under the data folder (never the web root): images for articles and documents for the
/// document lists. Every file is checked by <see cref="UploadInspector"/> first; a refused file leaves
/// nothing behind, and a file is only kept once its database row is saved.
/// </summary>
public sealed class UploadStore(SatuPintuDb db, UploadInspector inspector, ImageProcessor images, Data.DataOptions settings, TimeProvider time)
{
    public sealed record Result<T>(T? Value, string? Error, bool Forbidden = false);

    /// <summary>An image straight from the request: read through <see cref="UploadInspector.ReadAsync"/>, so never more than the limit.</summary>
    public async Task<Result<MediaFile>> SaveImageAsync(ClaimsPrincipal user, int opdId, string originalName, Stream data, string? alt, CancellationToken ct)
    {
        if (!user.Can(OpdRight.Edit, opdId))
        {
            return new(null, null, Forbidden: true);
        }
        var (bytes, error) = await inspector.ReadAsync(data, ct);
        return bytes is null ? new(null, error) : await SaveImageAsync(user, opdId, originalName, bytes, alt, ct);
    }

    public async Task<Result<MediaFile>> SaveImageAsync(ClaimsPrincipal user, int opdId, string originalName, byte[] data, string? alt, CancellationToken ct)
    {
        if (!user.Can(OpdRight.Edit, opdId))
        {
            return new(null, null, Forbidden: true);
        }
        var check = inspector.Inspect(data, imagesOnly: true);
        if (!check.Ok)
        {
            return new(null, check.Error);
        }
        var (processed, error) = images.Process(data);
        if (processed is null)
        {
            return new(null, error);
        }
        var name = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)) + ".webp";
        var dir = Path.Combine(settings.UploadsDir, "media");
        System.IO.Directory.CreateDirectory(dir);
        var media = new MediaFile
        {
            OpdId = opdId, StoredName = name, OriginalName = Clip(Path.GetFileName(originalName), 255), AltText = Clip(HtmlCleaner.PlainText(alt), 300),
            Width = processed.Width, Height = processed.Height, SizeBytes = processed.Image.Length,
            CreatedAt = time.GetUtcNow().UtcDateTime, CreatedBy = user.FindFirstValue(ClaimTypes.Email),
        };
        await WriteThenSaveAsync([(Path.Combine(dir, name), processed.Image), (Path.Combine(dir, MediaFile.ThumbnailName(name)), processed.Thumbnail),
            (Path.Combine(dir, MediaFile.MediumName(name)), processed.Medium), (Path.Combine(dir, MediaFile.ShareName(name)), processed.Share)],
            () => db.MediaFiles.Add(media), ct);
        return new(media, null);
    }

    public async Task<Result<Document>> SaveDocumentAsync(ClaimsPrincipal user, int opdId, string title, string? description, string? category, string originalName, byte[] data, CancellationToken ct,
        int? articleId = null, bool? publishNow = null, Action<Document>? fill = null)
    {
        if (!user.Can(OpdRight.Edit, opdId))
        {
            return new(null, null, Forbidden: true);
        }
        var check = inspector.Inspect(data);
        if (!check.Ok)
        {
            return new(null, check.Error);
        }
        var kind = check.Kind!;
        if (kind.IsImage)
        {
            // An image offered as a document gets the same treatment as an article image: pixel limit, re-encoding.
            var (clean, error) = images.Reencode(data, kind);
            if (clean is null)
            {
                return new(null, error);
            }
            data = clean;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var baseSlug = Shared.Slug.From(title, 100) is { Length: > 0 } s ? s : "dokumen";
        var slug = baseSlug;
        for (var n = 2; await db.Documents.AnyAsync(d => d.Slug == slug, ct); n++)
        {
            slug = $"{baseSlug}-{n}";
        }
        var stored = Path.Combine("dokumen", $"{slug}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}{kind.Extension}");
        System.IO.Directory.CreateDirectory(Path.Combine(settings.UploadsDir, "dokumen"));
        // Reviewers and admins publish as they upload; an editor's upload waits for review.
        // Attached to an article, it goes out with the article instead (publishNow says whether it is out already).
        var publish = publishNow ?? user.Can(OpdRight.Publish, opdId);
        var doc = new Document
        {
            OpdId = opdId, Slug = slug, Title = title, Description = description, Category = category,
            FileName = (Shared.Slug.From(Path.GetFileNameWithoutExtension(originalName), 100) is { Length: > 0 } f ? f : slug) + kind.Extension,
            ContentType = kind.ContentType, SizeBytes = data.Length, StoragePath = stored,
            Status = publish ? PublicationStatus.Published : PublicationStatus.Review, PublishAt = publish ? now : null,
            CreatedAt = now, UpdatedAt = now, ArticleId = articleId,
        };
        fill?.Invoke(doc);
        await WriteThenSaveAsync([(Path.Combine(settings.UploadsDir, stored), data)], () => db.Documents.Add(doc), ct, async () =>
        {
            // Two uploads with one title may pick the same free slug at once: the loser takes the next one.
            for (var n = 2; await db.Documents.AnyAsync(d => d.Slug == doc.Slug, ct); n++)
            {
                doc.Slug = $"{baseSlug}-{n}";
            }
        });
        return new(doc, null);
    }

    /// <summary>Files first (to temporary names), then the row; the files get their names only once the row is saved.</summary>
    private async Task WriteThenSaveAsync((string Path, byte[] Bytes)[] files, Action addRow, CancellationToken ct, Func<Task>? onSlugTaken = null)
    {
        var temps = files.Select(f => (f.Path, Temp: f.Path + ".tmp")).ToList();
        try
        {
            foreach (var (f, t) in files.Zip(temps, (f, t) => (f, t.Temp)))
            {
                await File.WriteAllBytesAsync(t, f.Bytes, ct);
            }
            addRow();
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await db.SaveChangesAsync(ct);
                    break;
                }
                catch (DbUpdateException e) when (onSlugTaken is not null && attempt < 50 && Shared.UniqueViolation.On(e, "Slug"))
                {
                    await onSlugTaken();
                }
            }
            foreach (var (path, temp) in temps)
            {
                File.Move(temp, path);
            }
        }
        finally
        {
            foreach (var (_, temp) in temps)
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>
    /// Removes the files of images whose rows were deleted (call after that delete is saved), so /media,
    /// which serves what is on disk, answers 404 for them.
    /// </summary>
    public void RemoveMediaFiles(IEnumerable<MediaFile> media)
    {
        var dir = Path.Combine(settings.UploadsDir, "media");
        foreach (var m in media)
        {
            File.Delete(Path.Combine(dir, m.StoredName));
            File.Delete(Path.Combine(dir, MediaFile.ThumbnailName(m.StoredName)));
            File.Delete(Path.Combine(dir, MediaFile.MediumName(m.StoredName)));
            File.Delete(Path.Combine(dir, MediaFile.ShareName(m.StoredName)));
        }
    }

    private static string Clip(string s, int max) => s.Length <= max ? s : s[..max];
}
