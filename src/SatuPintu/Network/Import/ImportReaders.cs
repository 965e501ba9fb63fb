using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using nietras.SeparatedValues;

namespace SatuPintu.Network.Import;

/// <summary>Turns an uploaded CSV file or XLSX workbook into <see cref="ImportTable"/>s, noting header problems as row errors.</summary>
public static class ImportReaders
{
    /// <summary>A workbook is a zip: it starts with "PK". Anything else is read as CSV.</summary>
    public static bool LooksLikeXlsx(MemoryStream data)
    {
        Span<byte> head = stackalloc byte[4];
        var position = data.Position;
        var read = data.Read(head);
        data.Position = position;
        return read == 4 && head[0] == (byte)'P' && head[1] == (byte)'K' && head[2] == 3 && head[3] == 4;
    }

    public static ImportFile Read(MemoryStream data)
    {
        var position = data.Position;
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(data));
        data.Position = position;
        var file = LooksLikeXlsx(data) ? ReadXlsx(data) : ReadCsv(data);
        file.Sha256 = sha;
        return file;
    }

    public static ImportFile ReadCsv(Stream data)
    {
        var file = new ImportFile();
        var rows = new List<(int Line, string[] Cells)>();
        try
        {
            // Spreadsheets set to Indonesian save CSV with semicolons; Sep detects the separator from the first line.
            // Rows are numbered as a spreadsheet shows them (a quoted line break does not start a new row).
            using var reader = Sep.Reader(o => o with { HasHeader = false, Unescape = true, DisableColCountCheck = true }).From(data);
            foreach (var row in reader)
            {
                var cells = new string[row.ColCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = row[i].ToString();
                }
                rows.Add((row.RowIndex + 1, cells));
            }
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException or NotSupportedException)
        {
            file.Errors.Add(new ImportError("csv", 0, "", "Berkas CSV tidak dapat dibaca."));
            return file;
        }
        rows.RemoveAll(r => r.Cells.All(string.IsNullOrWhiteSpace));
        if (rows.Count == 0)
        {
            file.Errors.Add(new ImportError("csv", 1, "", "Berkas kosong."));
            return file;
        }
        var header = rows[0].Cells.Select(c => c.Trim()).ToArray();
        if (ImportSchema.ByHeader(header) is not { } kind)
        {
            file.Errors.Add(new ImportError("csv", rows[0].Line, "", ImportSchema.UnknownHeader));
            return file;
        }
        AddTable(file, kind, rows[0].Line, header, rows.Skip(1).Select(r => (r.Line, r.Cells.Select(c => new ImportCell(c)).ToArray())));
        return file;
    }

    public static ImportFile ReadXlsx(Stream data)
    {
        var file = new ImportFile();
        SpreadsheetDocument document;
        try
        {
            // The part limit guards against a small zip that inflates to gigabytes.
            document = SpreadsheetDocument.Open(data, false, new OpenSettings { MaxCharactersInPart = 200_000_000 });
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or FileFormatException or IOException)
        {
            file.Errors.Add(new ImportError("xlsx", 0, "", "Berkas bukan buku kerja XLSX yang dapat dibaca."));
            return file;
        }
        using (document)
        {
            var workbook = document.WorkbookPart;
            var shared = workbook?.SharedStringTablePart?.SharedStringTable?.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
            foreach (var sheet in workbook?.Workbook?.Sheets?.Elements<Sheet>() ?? [])
            {
                var name = sheet.Name?.Value ?? "?";
                if (sheet.Id?.Value is not { } id || workbook!.GetPartById(id) is not WorksheetPart part)
                {
                    continue;
                }
                var rows = ReadRows(part, shared);
                if (rows.Count == 0)
                {
                    continue;
                }
                if (ImportSchema.BySheet(name) is not { } kind)
                {
                    file.Errors.Add(new ImportError(name, 0, "", $"Lembar \"{name}\" tidak dikenal; nama lembar yang dikenal: {string.Join(", ", ImportSchema.Kinds.Select(k => k.Sheet))}."));
                    continue;
                }
                var header = rows[0].Cells.Select(c => c.Text.Trim()).ToArray();
                if (!kind.Required.All(c => header.Contains(c, StringComparer.OrdinalIgnoreCase)))
                {
                    file.Errors.Add(new ImportError(name, rows[0].Number, "",
                        $"Lembar ini tidak berkepala kolom: baris pertama harus berisi {string.Join(",", kind.Columns)} (kolom wajib: {string.Join(",", kind.Required)})."));
                    continue;
                }
                AddTable(file, kind, rows[0].Number, header, rows.Skip(1).Select(r => (r.Number, r.Cells)), name);
            }
        }
        if (file.Tables.Count == 0 && file.Errors.Count == 0)
        {
            file.Errors.Add(new ImportError("xlsx", 0, "", "Buku kerja tidak berisi lembar data."));
        }
        return file;
    }

    private static void AddTable(ImportFile file, ImportSchema.KindInfo kind, int headerRow, string[] header,
        IEnumerable<(int Number, ImportCell[] Cells)> rows, string? sheet = null)
    {
        sheet ??= kind.Sheet;
        var columns = new string?[header.Length];
        for (var i = 0; i < header.Length; i++)
        {
            if (header[i].Length == 0)
            {
                continue;
            }
            var known = kind.Columns.FirstOrDefault(c => c.Equals(header[i], StringComparison.OrdinalIgnoreCase));
            if (known is null || columns.Contains(known))
            {
                file.Errors.Add(new ImportError(sheet, headerRow, header[i], known is null
                    ? $"Kolom \"{header[i]}\" tidak dikenal untuk {kind.Label}; kolom yang dikenal: {string.Join(",", kind.Columns)}."
                    : $"Kolom \"{known}\" muncul dua kali."));
                continue;
            }
            columns[i] = known;
        }
        var data = new List<ImportRow>();
        foreach (var (number, cells) in rows)
        {
            if (cells.All(c => string.IsNullOrWhiteSpace(c.Text)))
            {
                continue;
            }
            var byColumn = new Dictionary<string, ImportCell>(StringComparer.Ordinal);
            for (var i = 0; i < cells.Length; i++)
            {
                if (i < columns.Length && columns[i] is { } column)
                {
                    byColumn[column] = cells[i];
                }
                else if (!string.IsNullOrWhiteSpace(cells[i].Text))
                {
                    file.Errors.Add(new ImportError(sheet, number, $"#{i + 1}", "Sel berisi data di luar kolom yang berkepala."));
                }
            }
            data.Add(new ImportRow(number, byColumn));
        }
        file.Tables.Add(new ImportTable(sheet, kind.Kind, data, columns.OfType<string>().ToHashSet(StringComparer.Ordinal)));
    }

    private static List<(int Number, ImportCell[] Cells)> ReadRows(WorksheetPart part, string[] shared)
    {
        var rows = new List<(int, ImportCell[])>();
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Row) || !reader.IsStartElement)
            {
                continue;
            }
            var row = (Row)reader.LoadCurrentElement()!;
            var cells = new List<ImportCell>();
            foreach (var cell in row.Elements<Cell>())
            {
                var index = ColumnIndex(cell.CellReference?.Value) ?? cells.Count;
                while (cells.Count < index)
                {
                    cells.Add(ImportCell.Empty);
                }
                cells.Add(CellOf(cell, shared));
            }
            if (cells.Any(c => c.Text.Length > 0 || c.IsFormula))
            {
                rows.Add(((int)(row.RowIndex?.Value ?? (uint)(rows.Count + 1)), cells.ToArray()));
            }
        }
        return rows;
    }

    private static ImportCell CellOf(Cell cell, string[] shared)
    {
        var formula = cell.CellFormula is not null;
        var raw = cell.CellValue?.Text ?? "";
        var type = cell.DataType?.Value;
        if (type == CellValues.SharedString)
        {
            return new ImportCell(int.TryParse(raw, CultureInfo.InvariantCulture, out var i) && i >= 0 && i < shared.Length ? shared[i] : "", formula);
        }
        if (type == CellValues.InlineString)
        {
            return new ImportCell(cell.InlineString?.InnerText ?? "", formula);
        }
        if (type == CellValues.Boolean)
        {
            return new ImportCell(raw == "1" ? "true" : "false", formula);
        }
        if (type == CellValues.String || type == CellValues.Error || type == CellValues.Date)
        {
            return new ImportCell(raw, formula);
        }
        return new ImportCell(raw, formula, IsNumber: raw.Length > 0);
    }

    /// <summary>"C12" → 2 (zero-based).</summary>
    private static int? ColumnIndex(string? reference)
    {
        if (string.IsNullOrEmpty(reference))
        {
            return null;
        }
        var index = 0;
        foreach (var ch in reference)
        {
            if (ch is < 'A' or > 'Z')
            {
                break;
            }
            index = (index * 26) + (ch - 'A' + 1);
        }
        return index == 0 ? null : index - 1;
    }
}
