using Microsoft.Extensions.Options;
using SkiaSharp;

namespace SatuPintu.Content.Uploads;

public sealed record ProcessedImage(byte[] Image, byte[] Thumbnail, int Width, int Height, byte[] Medium, byte[] Share);

/// <summary>
/// Re-encodes every uploaded image (SkiaSharp, the Skia engine of Chrome and Android), whether it is meant for
/// an article or offered as a document: the size is read from the header and checked before any pixel is
/// decoded, so an image bomb costs nothing; a truncated or corrupt image fails to decode and is refused;
/// re-encoding drops whatever rode along in the original (EXIF with GPS position, appended HTML).
/// </summary>
public sealed class ImageProcessor(IOptions<UploadOptions> options)
{
    /// <summary>An article image: WebP at most <see cref="UploadOptions.ImageWidth"/> wide, and a thumbnail.</summary>
    public (ProcessedImage? Image, string? Error) Process(byte[] data)
    {
        using var bitmap = Decode(data, out var error);
        if (bitmap is null)
        {
            return (null, error);
        }
        var o = options.Value;
        var image = Encode(bitmap, o.ImageWidth, SKEncodedImageFormat.Webp, 80, out var width, out var height);
        var thumb = Encode(bitmap, o.ThumbnailWidth, SKEncodedImageFormat.Webp, 80, out _, out _);
        // The middle width of the srcset: what a phone with a dense screen picks instead of the full image.
        var medium = Encode(bitmap, o.MediumWidth, SKEncodedImageFormat.Webp, 75, out _, out _);
        return (new ProcessedImage(image, thumb, width, height, medium, Share(bitmap)), null);
    }

    /// <summary>The link-preview JPEG of an image stored before there were any: made from the stored WebP.</summary>
    public byte[]? ShareFromStored(byte[] webp)
    {
        using var bitmap = SKBitmap.Decode(webp);
        return bitmap is null ? null : Share(bitmap);
    }

    private byte[] Share(SKBitmap bitmap) => Encode(bitmap, options.Value.ShareWidth, SKEncodedImageFormat.Jpeg, 82, out _, out _);

    /// <summary>An image offered as a document: the same format and size, nothing but the pixels kept.</summary>
    public (byte[]? Data, string? Error) Reencode(byte[] data, FileKind kind)
    {
        using var bitmap = Decode(data, out var error);
        if (bitmap is null)
        {
            return (null, error);
        }
        var (format, quality) = kind == UploadInspector.Jpeg ? (SKEncodedImageFormat.Jpeg, 90)
            : kind == UploadInspector.WebP ? (SKEncodedImageFormat.Webp, 90)
            : (SKEncodedImageFormat.Png, 100);
        return (Encode(bitmap, bitmap.Width, format, quality, out _, out _), null);
    }

    private SKBitmap? Decode(byte[] data, out string? error)
    {
        error = null;
        var o = options.Value;
        using var codec = SKCodec.Create(new SKMemoryStream(data), out var result);
        if (codec is null || result != SKCodecResult.Success)
        {
            error = "Gambar rusak atau tidak dapat dibaca.";
            return null;
        }
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > o.MaxImagePixels)
        {
            error = $"Gambar terlalu besar ({info.Width}×{info.Height} piksel); paling banyak {o.MaxImagePixels / 1_000_000} megapiksel.";
            return null;
        }
        var bitmap = new SKBitmap(new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var decoded = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        if (decoded != SKCodecResult.Success)
        {
            // IncompleteInput: a truncated file. Anything else: corrupt.
            bitmap.Dispose();
            error = "Gambar rusak atau terpotong.";
            return null;
        }
        // The EXIF block that says how the camera was held is dropped with the rest: apply it to the pixels.
        return Orient(bitmap, codec.EncodedOrigin);
    }

    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        var degrees = origin switch
        {
            SKEncodedOrigin.BottomRight => 180,
            SKEncodedOrigin.RightTop => 90,
            SKEncodedOrigin.LeftBottom => 270,
            _ => 0,
        };
        if (degrees == 0)
        {
            return source;
        }
        var quarter = degrees != 180;
        var rotated = new SKBitmap(quarter ? source.Height : source.Width, quarter ? source.Width : source.Height, source.ColorType, source.AlphaType);
        using (var canvas = new SKCanvas(rotated))
        {
            canvas.Translate(rotated.Width / 2f, rotated.Height / 2f);
            canvas.RotateDegrees(degrees);
            canvas.Translate(-source.Width / 2f, -source.Height / 2f);
            canvas.DrawBitmap(source, 0, 0);
        }
        source.Dispose();
        return rotated;
    }

    private static byte[] Encode(SKBitmap source, int maxWidth, SKEncodedImageFormat format, int quality, out int width, out int height)
    {
        width = Math.Min(maxWidth, source.Width);
        height = Math.Max(1, (int)Math.Round(source.Height * (width / (double)source.Width)));
        using var resized = width == source.Width ? source.Copy() : source.Resize(new SKImageInfo(width, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var img = SKImage.FromBitmap(resized);
        using var encoded = img.Encode(format, quality);
        return encoded.ToArray();
    }
}
