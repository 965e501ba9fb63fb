using Microsoft.Extensions.Options;
using SkiaSharp;

namespace SatuPintu.Content.Uploads;

public sealed record ProcessedImage(byte[] Image, byte[] Thumbnail, int Width, int Height);

/// <summary>
/// Re-encodes every uploaded image (SkiaSharp, the Skia engine of Chrome and Android): the size is read
/// from the header and checked before any pixel is decoded, so an image bomb costs nothing; a truncated
/// or corrupt image fails to decode and is refused; re-encoding to WebP drops whatever rode along in
/// the original (metadata, appended HTML) and shrinks it for slow links.
/// </summary>
public sealed class ImageProcessor(IOptions<UploadOptions> options)
{
    public (ProcessedImage? Image, string? Error) Process(byte[] data)
    {
        var o = options.Value;
        using var codec = SKCodec.Create(new SKMemoryStream(data), out var result);
        if (codec is null || result != SKCodecResult.Success)
        {
            return (null, "Gambar rusak atau tidak dapat dibaca.");
        }
        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > o.MaxImagePixels)
        {
            return (null, $"Gambar terlalu besar ({info.Width}×{info.Height} piksel); paling banyak {o.MaxImagePixels / 1_000_000} megapiksel.");
        }
        using var bitmap = new SKBitmap(new SKImageInfo(info.Width, info.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        var decoded = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        if (decoded != SKCodecResult.Success)
        {
            // IncompleteInput: a truncated file. Anything else: corrupt.
            return (null, "Gambar rusak atau terpotong.");
        }
        var image = Encode(bitmap, o.ImageWidth, out var width, out var height);
        var thumb = Encode(bitmap, o.ThumbnailWidth, out _, out _);
        return (new ProcessedImage(image, thumb, width, height), null);
    }

    private static byte[] Encode(SKBitmap source, int maxWidth, out int width, out int height)
    {
        width = Math.Min(maxWidth, source.Width);
        height = Math.Max(1, (int)Math.Round(source.Height * (width / (double)source.Width)));
        using var resized = width == source.Width ? source.Copy() : source.Resize(new SKImageInfo(width, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var img = SKImage.FromBitmap(resized);
        using var encoded = img.Encode(SKEncodedImageFormat.Webp, 80);
        return encoded.ToArray();
    }
}
