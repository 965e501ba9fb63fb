using System.ComponentModel.DataAnnotations;

namespace SatuPintu.Content.Uploads;

/// <summary>Settings under "SatuPintu:Uploads".</summary>
public sealed class UploadOptions
{
    public const string Section = "SatuPintu:Uploads";

    [Range(1024, 200L * 1024 * 1024)]
    public long MaxBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Room for the other fields and the multipart framing of an upload form.</summary>
    public const long FormOverheadBytes = 1024 * 1024;

    /// <summary>The largest request an upload endpoint reads: one file of <see cref="MaxBytes"/> and its form.</summary>
    public long MaxRequestBytes => MaxBytes + FormOverheadBytes;

    /// <summary>Kinds accepted, by name: pdf, docx, xlsx, png, jpeg, webp.</summary>
    public string[] Allowed { get; set; } = ["pdf", "docx", "xlsx", "png", "jpeg", "webp"];

    /// <summary>Images larger than this (width × height) are refused before decoding: image bombs.</summary>
    [Range(1, 200_000_000)]
    public long MaxImagePixels { get; set; } = 40_000_000;

    [Range(100, 4000)]
    public int ImageWidth { get; set; } = 1600;

    [Range(50, 1000)]
    public int ThumbnailWidth { get; set; } = 400;

    /// <summary>The middle variant of an image's srcset.</summary>
    [Range(100, 2000)]
    public int MediumWidth { get; set; } = 800;

    /// <summary>The JPEG used as og:image (1,200 px is what Facebook recommends for large previews).</summary>
    [Range(200, 2000)]
    public int ShareWidth { get; set; } = 1200;
}

[Microsoft.Extensions.Options.OptionsValidator]
public sealed partial class UploadOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<UploadOptions>;
