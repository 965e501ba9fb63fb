using DocumentFormat.OpenXml.Packaging;
using Microsoft.Extensions.Options;
using SatuPintu.Content;
using SatuPintu.Data;
using UglyToad.PdfPig;

namespace SatuPintu.Search;

/// <summary>
/// The text of an uploaded PDF (PdfPig) or Word file (Open XML SDK), for search only. Size, page and
/// character caps bound the work a hostile upload can cause; a file that cannot be read is logged
/// and indexed by its title and description alone.
/// </summary>
public sealed class DocumentText(IOptions<DataOptions> data, ILogger<DocumentText> log)
{
    public const long MaxFileBytes = 20 * 1024 * 1024;
    public const int MaxPages = 300;
    public const int MaxChars = 200_000;

    public Task<string?> ExtractAsync(Document doc, CancellationToken ct) => Task.Run(() => Extract(doc), ct);

    private string? Extract(Document doc)
    {
        var root = data.Value.UploadsDir;
        var path = Path.GetFullPath(Path.Combine(root, doc.StoragePath));
        if (!path.StartsWith(root, StringComparison.Ordinal) || !File.Exists(path) || doc.SizeBytes > MaxFileBytes)
        {
            return null;
        }
        try
        {
            if (doc.ContentType == "application/pdf")
            {
                using var pdf = PdfDocument.Open(path);
                var text = new System.Text.StringBuilder();
                foreach (var page in pdf.GetPages().Take(MaxPages))
                {
                    text.Append(page.Text).Append('\n');
                    if (text.Length > MaxChars)
                    {
                        break;
                    }
                }
                return Cap(text.ToString());
            }
            if (doc.ContentType == "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            {
                using var word = WordprocessingDocument.Open(path, false);
                return Cap(word.MainDocumentPart?.Document?.Body?.InnerText);
            }
        }
#pragma warning disable CA1031 // Any failure of a third-party parser on an uploaded file is logged, never fatal.
        catch (Exception e)
#pragma warning restore CA1031
        {
            log.LogWarning(e, "Text of document {Id} ({File}) could not be extracted; indexed by title and description", doc.Id, doc.FileName);
        }
        return null;
    }

    private static string? Cap(string? text) => text is null ? null : text.Length > MaxChars ? text[..MaxChars] : text;
}
