using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.DependencyInjection;
using SatuPintu.Network.Export;
using SatuPintu.Network.Import;
using SatuPintu.Tests.Infrastructure;
using ExportSheet = SatuPintu.Network.Export.SheetData;

namespace SatuPintu.Tests.Network;

/// <summary>Files to import, built the way people make them: CSV text, or a workbook with real cells (formulas included).</summary>
internal static class ImportFiles
{
    public static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    public static MemoryStream Xlsx(params ExportSheet[] sheets) => new(Spreadsheet.Xlsx(sheets));

    public static ExportSheet Sheet(string name, params object?[][] rows) => new(name, rows);

    /// <summary>A workbook whose one sheet holds a real formula cell (as Excel saves =HYPERLINK(...)), which our writer never makes.</summary>
    public static MemoryStream XlsxWithFormula(string sheetName, string[] header, string[] values, int formulaColumn, string formula)
    {
        var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new DocumentFormat.OpenXml.Spreadsheet.SheetData();
            data.Append(new Row(header.Select(h => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(h)) })) { RowIndex = 1 });
            data.Append(new Row(values.Select((v, i) => i == formulaColumn
                ? new Cell { CellFormula = new CellFormula(formula), DataType = CellValues.String, CellValue = new CellValue(v) }
                : new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(v)) })) { RowIndex = 2 });
            part.Worksheet = new Worksheet(data);
            workbook.Workbook = new Workbook(new Sheets(new Sheet { Name = sheetName, SheetId = 1, Id = workbook.GetIdOfPart(part) }));
            workbook.Workbook.Save();
        }
        buffer.Position = 0;
        return buffer;
    }

    public static async Task<ImportResult> ImportAsync(SatuPintuApp app, MemoryStream file, bool commit = true, string? fileName = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<NetworkImporter>();
        file.Position = 0;
        return await importer.RunAsync(ImportReaders.Read(file), "uji@example.go.id", commit, CancellationToken.None, fileName);
    }
}
