using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SatuPintu.Network.Export;

/// <summary>A sheet to write: its name and its rows, the first being the header. Cells are text, whole numbers, decimals or empty.</summary>
public sealed record SheetData(string Name, IReadOnlyList<object?[]> Rows);

/// <summary>
/// The one writer of every CSV and XLSX the product produces. Text that a spreadsheet would run as
/// a formula (starting with = + - @, a tab or a carriage return) is neutralised with a leading apostrophe.
/// </summary>
public static class Spreadsheet
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvType = "text/csv; charset=utf-8";

    public static string Neutralise(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;

    /// <summary>RFC 4180: comma separated, CRLF lines, fields with a comma, quote or line break quoted, with a BOM so Excel reads UTF-8.</summary>
    public static void WriteCsv(Stream output, IEnumerable<object?[]> rows)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                if (i > 0)
                {
                    writer.Write(',');
                }
                var text = Cell(row[i]);
                writer.Write(text.AsSpan().IndexOfAny(",\"\r\n;") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text);
            }
            writer.Write("\r\n");
        }
    }

    public static byte[] Csv(IEnumerable<object?[]> rows)
    {
        using var buffer = new MemoryStream();
        WriteCsv(buffer, rows);
        return buffer.ToArray();
    }

    /// <summary>Numbers stay numbers (a plain number is never a formula); everything else is neutralised text.</summary>
    private static string Cell(object? value) => value switch
    {
        null => "",
        int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "ya" : "tidak",
        _ => Neutralise(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    /// <summary>A workbook streamed row by row (SAX), so a 5,000-row sheet never builds a DOM.</summary>
    public static byte[] Xlsx(IEnumerable<SheetData> sheets)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var list = new Sheets();
            uint sheetId = 1;
            foreach (var sheet in sheets)
            {
                var part = workbook.AddNewPart<WorksheetPart>();
                using (var writer = OpenXmlWriter.Create(part))
                {
                    writer.WriteStartElement(new Worksheet());
                    writer.WriteStartElement(new DocumentFormat.OpenXml.Spreadsheet.SheetData());
                    uint rowIndex = 1;
                    foreach (var row in sheet.Rows)
                    {
                        writer.WriteStartElement(new Row { RowIndex = rowIndex++ });
                        foreach (var value in row)
                        {
                            writer.WriteElement(XlsxCell(value));
                        }
                        writer.WriteEndElement();
                    }
                    writer.WriteEndElement();
                    writer.WriteEndElement();
                }
                list.Append(new Sheet { Name = sheet.Name.Length > 31 ? sheet.Name[..31] : sheet.Name, SheetId = sheetId++, Id = workbook.GetIdOfPart(part) });
            }
            workbook.Workbook = new Workbook(list);
            workbook.Workbook.Save();
        }
        return buffer.ToArray();
    }

    private static Cell XlsxCell(object? value) => value switch
    {
        null => new Cell(),
        int i => new Cell { DataType = CellValues.Number, CellValue = new CellValue(i) },
        long l => new Cell { DataType = CellValues.Number, CellValue = new CellValue((decimal)l) },
        double d => new Cell { DataType = CellValues.Number, CellValue = new CellValue(d) },
        _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(XmlSafe(Cell(value)))) },
    };

    /// <summary>XML 1.0 cannot hold most control characters; a cell must not break the workbook.</summary>
    private static string XmlSafe(string text) =>
        text.Any(c => c < ' ' && c is not '\t' and not '\n' and not '\r') ? new string([.. text.Where(c => c >= ' ' || c is '\t' or '\n' or '\r')]) : text;
}
