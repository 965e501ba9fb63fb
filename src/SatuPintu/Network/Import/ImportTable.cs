namespace SatuPintu.Network.Import;

/// <summary>One cell as read from the file: its text, and whether the spreadsheet held a formula or a number there.</summary>
public sealed record ImportCell(string Text, bool IsFormula = false, bool IsNumber = false)
{
    public static readonly ImportCell Empty = new("");
}

/// <summary>One data row: its row number in the file (the header is row 1 when it is the first line) and its cells by column.</summary>
public sealed record ImportRow(int Number, IReadOnlyDictionary<string, ImportCell> Cells);

/// <summary>
/// A sheet (or a CSV file) of one record kind, with the known columns of its header row: a column the
/// file leaves out is left as it is on the records the file updates, never cleared.
/// </summary>
public sealed record ImportTable(string Sheet, ImportKind Kind, IReadOnlyList<ImportRow> Rows, IReadOnlySet<string>? Columns = null);

/// <summary>A row problem as the preview and the CLI show it: sheet, row number, column, Indonesian message.</summary>
public sealed record ImportError(string Sheet, int Row, string Column, string Message)
{
    public override string ToString() => $"{Sheet} baris {Row}{(Column.Length > 0 ? ", kolom " + Column : "")}: {Message}";
}

/// <summary>What a file holds after reading: the tables it could read and the problems it has so far.</summary>
public sealed class ImportFile
{
    /// <summary>The SHA-256 of the file's bytes (hex), for the one audit event of its import.</summary>
    public string Sha256 { get; set; } = "";

    public List<ImportTable> Tables { get; } = [];
    public List<ImportError> Errors { get; } = [];
}

/// <summary>
/// Reads at most <see cref="MaxBytes"/> from a stream into memory; a longer stream is refused while
/// reading, so a 2 GB upload never lands on disk or in memory whole.
/// </summary>
public static class ImportLimits
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const string TooLarge = "Berkas lebih besar dari 10 MB; bagi menjadi beberapa berkas.";

    /// <summary>The stream's bytes, or null when it holds more than <see cref="MaxBytes"/>.</summary>
    public static async Task<MemoryStream?> ReadBoundedAsync(Stream input, CancellationToken ct)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await input.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        return buffer;
    }
}
