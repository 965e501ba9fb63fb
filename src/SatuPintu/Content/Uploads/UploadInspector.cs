using System.IO.Compression;
using System.Text;
using Microsoft.Extensions.Options;

namespace SatuPintu.Content.Uploads;

public sealed record FileKind(string Name, string Label, string ContentType, string Extension, bool IsImage);

/// <summary>The verdict on an upload; on refusal, a message for the person who uploaded it.</summary>
public sealed record UploadCheck(FileKind? Kind, string? Error)
{
    public bool Ok => Error is null;
}

/// <summary>
/// Decides what a file is from its bytes — never from its name or the browser's claimed type — and
/// refuses anything not on the allowlist, empty, oversize, or carrying markup (an HTML/SVG/script
/// polyglot hiding in a "PDF" or a "PNG"). SVG is refused outright: it is a script container. Every upload —
/// article image, document, API — comes through <see cref="Inspect"/>, and every image it lets through is then
/// re-encoded by <see cref="ImageProcessor"/>.
/// </summary>
public sealed class UploadInspector(IOptions<UploadOptions> options)
{
    public static readonly FileKind Pdf = new("pdf", "PDF", "application/pdf", ".pdf", false);
    public static readonly FileKind Docx = new("docx", "Word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", false);
    public static readonly FileKind Xlsx = new("xlsx", "Excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", false);
    public static readonly FileKind Png = new("png", "PNG", "image/png", ".png", true);
    public static readonly FileKind Jpeg = new("jpeg", "JPEG", "image/jpeg", ".jpg", true);
    public static readonly FileKind WebP = new("webp", "WebP", "image/webp", ".webp", true);

    private static readonly string[] Markup = ["<script", "<html", "<svg", "<!doctype", "<iframe", "<body", "javascript:"];

    public UploadCheck Inspect(byte[] data, bool imagesOnly = false)
    {
        var o = options.Value;
        if (data.Length == 0)
        {
            return Refuse("Berkas kosong.");
        }
        if (data.Length > o.MaxBytes)
        {
            return Refuse(UploadLimits.TooLarge(data.Length, o));
        }
        var kind = Sniff(data);
        if (kind is null)
        {
            return HasMarkup(data)
                ? Refuse("Berkas HTML atau SVG tidak diterima.")
                : Refuse($"Jenis berkas tidak dikenali dari isinya. Yang diterima: {Accepted(imagesOnly)}.");
        }
        if (!o.Allowed.Contains(kind.Name, StringComparer.OrdinalIgnoreCase) || (imagesOnly && !kind.IsImage))
        {
            return Refuse($"Berkas {kind.Label} tidak diterima di sini. Yang diterima: {Accepted(imagesOnly)}.");
        }
        // Images too: re-encoding would drop an HTML tail, but a file built as a polyglot is refused, not repaired.
        if (HasMarkup(data))
        {
            return Refuse($"Berkas ini tampak sebagai {kind.Label} tetapi memuat HTML atau skrip; tidak diterima.");
        }
        return new UploadCheck(kind, null);
    }

    /// <summary>
    /// Reads an upload into memory, never more than <see cref="UploadOptions.MaxBytes"/> of it: a longer stream is
    /// refused as soon as its first byte past the limit arrives.
    /// </summary>
    public async Task<(byte[]? Data, string? Error)> ReadAsync(Stream stream, CancellationToken ct)
    {
        var max = options.Value.MaxBytes;
        using var buffer = new MemoryStream(stream.CanSeek ? (int)Math.Min(stream.Length, max + 1) : 0);
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return (null, stream.CanSeek
                    ? UploadLimits.TooLarge(stream.Length, options.Value)
                    : $"Berkas terlalu besar; paling besar {Shared.Formats.FileSize(max)}.");
            }
            buffer.Write(chunk, 0, read);
        }
        // Sized from the stream's length, the buffer is usually exactly full: hand it over without a copy.
        return (buffer.Capacity == buffer.Length ? buffer.GetBuffer() : buffer.ToArray(), null);
    }

    private string Accepted(bool imagesOnly) => string.Join(", ", new[] { Pdf, Docx, Xlsx, Png, Jpeg, WebP }
        .Where(k => options.Value.Allowed.Contains(k.Name, StringComparer.OrdinalIgnoreCase) && (!imagesOnly || k.IsImage)).Select(k => k.Label));

    private static UploadCheck Refuse(string message) => new(null, message);

    private static FileKind? Sniff(byte[] d)
    {
        ReadOnlySpan<byte> s = d;
        if (s.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }
        if (s.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Png;
        }
        if (s.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Jpeg;
        }
        if (s.Length > 12 && s.StartsWith("RIFF"u8) && s[8..12].SequenceEqual("WEBP"u8))
        {
            return WebP;
        }
        if (s.StartsWith("PK\x03\x04"u8))
        {
            return OfficeKind(d);
        }
        return null;
    }

    /// <summary>A .docx/.xlsx is a ZIP with [Content_Types].xml and a word/ or xl/ part; other ZIPs are refused.</summary>
    private static FileKind? OfficeKind(byte[] d)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(d), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            if (!names.Contains("[Content_Types].xml") || names.Any(n => n.Contains("..", StringComparison.Ordinal)))
            {
                return null;
            }
            return names.Any(n => n.StartsWith("word/", StringComparison.Ordinal)) ? Docx
                : names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal)) ? Xlsx
                : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Markup at either end of the file is how HTML/PDF and image/HTML polyglots are built.</summary>
    private static bool HasMarkup(byte[] d)
    {
        var head = Encoding.Latin1.GetString(d, 0, Math.Min(d.Length, 2048));
        var tail = Encoding.Latin1.GetString(d, Math.Max(0, d.Length - 2048), Math.Min(d.Length, 2048));
        return Markup.Any(m => head.Contains(m, StringComparison.OrdinalIgnoreCase) || tail.Contains(m, StringComparison.OrdinalIgnoreCase));
    }
}
