using System.Globalization;
using System.Text.RegularExpressions;

namespace SatuPintu.Syndication.Parsing;

/// <summary>
/// Dates as feeds really write them: RFC 822/1123 (also with Indonesian day and month names, two-digit
/// years, zones such as WIB/WITA/WIT or US abbreviations), ISO 8601 / W3C-DTF in full or reduced
/// precision. Anything else is null, and the importer falls back to when it first saw the item.
/// </summary>
public static partial class FeedDates
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["jan"] = 1, ["januari"] = 1, ["january"] = 1, ["feb"] = 2, ["februari"] = 2, ["february"] = 2, ["peb"] = 2, ["pebruari"] = 2,
        ["mar"] = 3, ["maret"] = 3, ["march"] = 3, ["apr"] = 4, ["april"] = 4, ["may"] = 5, ["mei"] = 5,
        ["jun"] = 6, ["juni"] = 6, ["june"] = 6, ["jul"] = 7, ["juli"] = 7, ["july"] = 7, ["aug"] = 8, ["agu"] = 8, ["agt"] = 8, ["agustus"] = 8, ["august"] = 8,
        ["sep"] = 9, ["sept"] = 9, ["september"] = 9, ["oct"] = 10, ["okt"] = 10, ["oktober"] = 10, ["october"] = 10,
        ["nov"] = 11, ["nop"] = 11, ["november"] = 11, ["nopember"] = 11, ["dec"] = 12, ["des"] = 12, ["desember"] = 12, ["december"] = 12,
    };

    private static readonly Dictionary<string, int> ZoneMinutes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["UT"] = 0, ["UTC"] = 0, ["GMT"] = 0, ["Z"] = 0, ["WIB"] = 420, ["WITA"] = 480, ["WIT"] = 540,
        ["EST"] = -300, ["EDT"] = -240, ["CST"] = -360, ["CDT"] = -300, ["MST"] = -420, ["MDT"] = -360, ["PST"] = -480, ["PDT"] = -420,
        ["A"] = -60, ["M"] = -720, ["N"] = 60, ["Y"] = 720, ["ETC/GMT"] = 0,
    };

    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 100)
        {
            return null;
        }
        var t = text.Trim();
        return Iso(t) ?? Rfc822(t);
    }

    private static DateTimeOffset? Iso(string t)
    {
        var m = IsoPattern().Match(t);
        if (!m.Success)
        {
            return null;
        }
        int Num(string g, int fallback) => m.Groups[g].Success && m.Groups[g].Length > 0 ? int.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture) : fallback;
        var year = Num("y", 0);
        if (m.Groups["y"].Length == 2)
        {
            year += year < 70 ? 2000 : 1900;
        }
        var offset = TimeSpan.Zero;
        if (m.Groups["z"].Success && m.Groups["z"].Value is { Length: > 1 } z)
        {
            var sign = z[0] == '-' ? -1 : 1;
            var digits = z[1..].Replace(":", "", StringComparison.Ordinal);
            var hours = int.Parse(digits[..Math.Min(2, digits.Length)], CultureInfo.InvariantCulture);
            var minutes = digits.Length >= 4 ? int.Parse(digits[2..4], CultureInfo.InvariantCulture) : 0;
            offset = TimeSpan.FromMinutes(sign * (hours * 60 + minutes));
        }
        var fraction = m.Groups["f"].Success ? double.Parse("0." + m.Groups["f"].Value, CultureInfo.InvariantCulture) : 0;
        return Build(year, Num("mo", 1), Num("d", 1), Num("h", 0), Num("mi", 0), Num("s", 0), offset, fraction);
    }

    private static DateTimeOffset? Rfc822(string t)
    {
        var m = RfcPattern().Match(t);
        if (!m.Success || !Months.TryGetValue(m.Groups["mon"].Value.TrimEnd('.'), out var month))
        {
            return null;
        }
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        if (m.Groups["y"].Length == 2)
        {
            year += year < 70 ? 2000 : 1900;
        }
        int Num(string g) => m.Groups[g].Success && m.Groups[g].Length > 0 ? int.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture) : 0;
        var zone = m.Groups["z"].Value;
        TimeSpan offset;
        if (zone.Length == 0)
        {
            offset = TimeSpan.Zero;
        }
        else if (zone[0] is '+' or '-')
        {
            var digits = zone[1..].Replace(":", "", StringComparison.Ordinal).PadRight(4, '0');
            var minutes = int.Parse(digits[..2], CultureInfo.InvariantCulture) * 60 + int.Parse(digits[2..4], CultureInfo.InvariantCulture);
            offset = TimeSpan.FromMinutes(zone[0] == '-' ? -minutes : minutes);
        }
        else if (ZoneMinutes.TryGetValue(zone, out var known))
        {
            offset = TimeSpan.FromMinutes(known);
        }
        else
        {
            offset = TimeSpan.Zero;
        }
        return Build(year, month, Num("d"), Num("h"), Num("mi"), Num("s"), offset, 0);
    }

    private static DateTimeOffset? Build(int y, int mo, int d, int h, int mi, int s, TimeSpan offset, double fraction)
    {
        if (y is < 1 or > 9999 || mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo) || h > 24 || mi > 59 || s > 60 || Math.Abs(offset.TotalHours) > 14)
        {
            return null;
        }
        var extra = TimeSpan.Zero;
        if (h == 24)
        {
            h = 0;
            extra = TimeSpan.FromDays(1);
        }
        if (s == 60)
        {
            s = 59;
        }
        var local = new DateTimeOffset(y, mo, d, h, mi, s, offset) + extra + TimeSpan.FromSeconds(fraction);
        return local.ToUniversalTime();
    }

    [GeneratedRegex(@"^(?<y>\d{4})(?:-?(?<mo>\d{2})(?:-?(?<d>\d{2}))?)?(?:[T ](?<h>\d{2}):?(?<mi>\d{2})(?::?(?<s>\d{2})(?:[.,](?<f>\d+))?)?)?\s*(?<z>Z|[+-]\d{2}(?::?\d{2})?)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex IsoPattern();

    // "Tue, 10 Jun 2003 04:00:00 GMT", "Selasa, 10 Juni 2003 11:00 WIB", "10 Jun 03 4:00 +0700", "Jun 10 2003".
    [GeneratedRegex(@"^(?:[A-Za-z]+\.?,?\s*)?(?:(?<d>\d{1,2})(?:st|nd|rd|th)?[\s-]+(?<mon>[A-Za-z]+\.?)|(?<mon>[A-Za-z]+\.?)\s+(?<d>\d{1,2}),?)[\s-]+(?<y>\d{4}|\d{2})(?:[\sT]+(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?(?:\.\d+)?)?\s*(?<z>[+-]\d{2}:?\d{2}|[+-]\d{4}|[A-Za-z]{1,5}(?:/[A-Za-z]+)?)?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex RfcPattern();
}
