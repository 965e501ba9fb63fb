using System.Globalization;
using System.Text.RegularExpressions;

namespace SatuPintu.Network.Import;

/// <summary>
/// Reads the cells of one row into typed values, adding an Indonesian error per bad cell (sheet,
/// row, column). A formula anywhere in the row is refused: an import takes values, never code.
/// </summary>
public sealed partial class CellReader
{
    private readonly ImportTable _table;
    private readonly ImportRow _row;
    private readonly List<ImportError> _errors;

    public CellReader(ImportTable table, ImportRow row, List<ImportError> errors)
    {
        _table = table;
        _row = row;
        _errors = errors;
        foreach (var (column, cell) in row.Cells)
        {
            if (cell.IsFormula || cell.Text.TrimStart().StartsWith('='))
            {
                Fail(column, "Sel berisi rumus; rumus (mis. =HYPERLINK(...)) tidak diterima, tulis nilainya saja.");
            }
        }
    }

    public int Row => _row.Number;

    /// <summary>Whether the file has this column at all (an update leaves a missing column's value alone).</summary>
    public bool Has(string column) => _table.Columns?.Contains(column) ?? true;
    public bool Bad { get; private set; }

    public void Fail(string column, string message)
    {
        Bad = true;
        _errors.Add(new ImportError(_table.Sheet, _row.Number, column, message));
    }

    /// <summary>The cell's text, trimmed; the apostrophe an export puts before "=+-@" is taken off again.</summary>
    public string? Text(string column, int max, bool required = false)
    {
        var cell = _row.Cells.GetValueOrDefault(column);
        var text = cell?.Text.Trim() ?? "";
        if (text.Length > 1 && text[0] == '\'' && text[1] is '=' or '+' or '-' or '@')
        {
            text = text[1..];
        }
        if (text.Length == 0)
        {
            if (required)
            {
                Fail(column, "Wajib diisi.");
            }
            return null;
        }
        if (text.Length > max)
        {
            Fail(column, $"Terlalu panjang: paling banyak {max} karakter.");
            return null;
        }
        return cell!.IsFormula ? null : text;
    }

    public int? Whole(string column, int min, int max, bool required = false)
    {
        var text = Text(column, 40, required);
        if (text is null)
        {
            return null;
        }
        if (!long.TryParse(Digits(text), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Fail(column, $"\"{Short(text)}\" bukan bilangan bulat.");
            return null;
        }
        if (value < min || value > max)
        {
            Fail(column, $"Harus antara {min} dan {max}.");
            return null;
        }
        return (int)value;
    }

    /// <summary>Rupiah: whole, not negative; "1250000" or "1.250.000".</summary>
    public long? Rupiah(string column, bool required = false)
    {
        var text = Text(column, 40, required);
        if (text is null)
        {
            return null;
        }
        var clean = text.StartsWith("Rp", StringComparison.OrdinalIgnoreCase) ? text[2..].Trim() : text;
        if (!long.TryParse(Digits(clean), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Fail(column, $"\"{Short(text)}\" bukan jumlah rupiah; tulis angka saja, misalnya 1250000 atau 1.250.000.");
            return null;
        }
        if (value < 0)
        {
            Fail(column, "Jumlah rupiah tidak boleh negatif.");
            return null;
        }
        return value;
    }

    public double? Coordinate(string column, double limit)
    {
        var text = Text(column, 40);
        if (text is null)
        {
            return null;
        }
        if (!double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            Fail(column, $"\"{Short(text)}\" bukan angka desimal (mis. -3.65).");
            return null;
        }
        if (Math.Abs(value) > limit)
        {
            Fail(column, $"Harus antara -{limit} dan {limit}.");
            return null;
        }
        return value;
    }

    public bool Bool(string column)
    {
        var text = Text(column, 10)?.ToLowerInvariant();
        switch (text)
        {
            case null or "" or "0" or "false" or "tidak" or "t" or "no":
                return false;
            case "1" or "true" or "ya" or "y" or "yes":
                return true;
            default:
                Fail(column, "Isi ya atau tidak.");
                return false;
        }
    }

    /// <summary>A date as yyyy-mm-dd text, or a spreadsheet's date number.</summary>
    public DateOnly? Date(string column, bool required = false)
    {
        var cell = _row.Cells.GetValueOrDefault(column);
        var text = Text(column, 40, required);
        if (text is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        if (cell?.IsNumber == true && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2958466)
        {
            return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }
        Fail(column, $"\"{Short(text)}\" bukan tanggal; tulis tahun-bulan-tanggal, misalnya 2026-12-01.");
        return null;
    }

    /// <summary>An enum value by its name, ignoring case, spaces, "-" and "_" (apbd_perubahan, APBD Perubahan).</summary>
    public T? Choice<T>(string column, bool required, params (string Alias, T Value)[] aliases) where T : struct, Enum
    {
        var text = Text(column, 60, required);
        if (text is null)
        {
            return null;
        }
        var key = Key(text);
        foreach (var value in Enum.GetValues<T>())
        {
            if (Key(value.ToString()) == key)
            {
                return value;
            }
        }
        foreach (var (alias, value) in aliases)
        {
            if (Key(alias) == key)
            {
                return value;
            }
        }
        Fail(column, $"\"{Short(text)}\" tidak dikenal; pilih salah satu: {string.Join(", ", Enum.GetValues<T>().Select(v => Snake(v.ToString())))}.");
        return null;
    }

    public static string Snake(string name) => SnakeRegex().Replace(name, "$1_$2").ToLowerInvariant();

    private static string Key(string s) => new([.. s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);

    /// <summary>"1.250.000" → "1250000" only when the dots group thousands; "12.5" stays and fails as not whole.</summary>
    private static string Digits(string text) => ThousandsRegex().IsMatch(text) ? text.Replace(".", "", StringComparison.Ordinal) : text;

    private static string Short(string s) => s.Length > 40 ? s[..40] + "…" : s;

    [GeneratedRegex("^-?[0-9]{1,3}(\\.[0-9]{3})+$")]
    private static partial Regex ThousandsRegex();

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex SnakeRegex();
}
