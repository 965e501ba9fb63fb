using System.Globalization;
using System.Text.RegularExpressions;

namespace SatuPintu.Directory;

/// <summary>
/// Opening hours as editors write them, one rule per line, checked when saved:
/// <code>
/// Senin-Kamis 08.00-12.00, 13.00-15.30
/// Jumat 08.00-11.00, 13.30-16.00
/// Sabtu, Minggu tutup
/// Hari libur 08.00-12.00
/// </code>
/// A gap between two times of a day is a break; a day not named is closed; national holidays (a setting)
/// are closed unless a "Hari libur" rule says otherwise; "24 jam" is 00.00-24.00. The text is kept as
/// written and parsed again on display, so what people read is what the editor wrote.
/// </summary>
public sealed partial class OpeningHours
{
    public const int MaxLength = 1000;

    private static readonly string[] DayNames = ["minggu", "senin", "selasa", "rabu", "kamis", "jumat", "sabtu"];
    private static readonly string[] DayLabels = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];

    private readonly List<(TimeSpan From, TimeSpan To)>[] _days = Enumerable.Range(0, 7).Select(_ => new List<(TimeSpan, TimeSpan)>()).ToArray();
    private List<(TimeSpan From, TimeSpan To)>? _holiday;

    /// <summary>The rules as written, one per line, for display.</summary>
    public IReadOnlyList<string> Lines { get; private init; } = [];

    /// <summary>The hours, or null with <paramref name="error"/> naming the line that could not be read.</summary>
    public static OpeningHours? TryParse(string? text, out string? error)
    {
        error = null;
        var lines = (text ?? "").Split(['\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var hours = new OpeningHours { Lines = lines };
        foreach (var line in lines)
        {
            if (!hours.TryAdd(line))
            {
                error = $"Jam layanan tidak terbaca: \"{line}\". Contoh: \"Senin-Kamis 08.00-12.00, 13.00-15.30\" atau \"Sabtu, Minggu tutup\".";
                return null;
            }
        }
        return lines.Length == 0 ? null : hours;
    }

    /// <summary>Open or closed at a wall-clock time in the regency, and when that changes.</summary>
    public HoursState StateAt(DateTime local, Func<DateOnly, string?> holidayOf)
    {
        var date = DateOnly.FromDateTime(local);
        var time = local.TimeOfDay;
        var holiday = holidayOf(date);
        var today = RangesOn(date, holiday);
        if (today.FirstOrDefault(r => r.From <= time && time < r.To) is { To: var to } && to > TimeSpan.Zero)
        {
            var allDay = today.Count == 1 && today[0].From == TimeSpan.Zero && to == TimeSpan.FromDays(1);
            return new HoursState(true, allDay ? "Buka 24 jam" : $"Buka sekarang · tutup pukul {Clock(to)}");
        }
        var why = holiday is null ? "" : $"hari libur ({holiday}), ";
        if (today.Where(r => r.From > time).Select(r => (TimeSpan?)r.From).Min() is { } later)
        {
            var pause = today.Any(r => r.To <= time) ? "istirahat, " : "";
            return new HoursState(false, $"Tutup · {why}{pause}buka pukul {Clock(later)}");
        }
        for (var d = 1; d <= 7; d++)
        {
            var day = date.AddDays(d);
            if (RangesOn(day, holidayOf(day)).Select(r => (TimeSpan?)r.From).Min() is { } next)
            {
                var when = d == 1 ? "besok" : DayLabels[(int)day.DayOfWeek];
                return new HoursState(false, $"Tutup · {why}buka {when} pukul {Clock(next)}");
            }
        }
        return new HoursState(false, $"Tutup{(holiday is null ? "" : $" · hari libur ({holiday})")}");
    }

    private List<(TimeSpan From, TimeSpan To)> RangesOn(DateOnly date, string? holiday) =>
        holiday is null ? _days[(int)date.DayOfWeek] : _holiday ?? [];

    private bool TryAdd(string line)
    {
        var m = RuleShape().Match(line.ToLowerInvariant().Replace("'", "", StringComparison.Ordinal));
        if (!m.Success || ReadTimes(m.Groups["times"].Value) is not { } ranges)
        {
            return false;
        }
        var days = m.Groups["days"].Value.Trim();
        if (days == "hari libur")
        {
            (_holiday ??= []).AddRange(ranges);
            return true;
        }
        if (ReadDays(days) is not { } set)
        {
            return false;
        }
        foreach (var d in set)
        {
            _days[d].AddRange(ranges);
        }
        return true;
    }

    private static List<int>? ReadDays(string text)
    {
        if (text == "setiap hari")
        {
            return [0, 1, 2, 3, 4, 5, 6];
        }
        var days = new List<int>();
        foreach (var part in text.Split([',', '&'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var ends = part.Split('-', StringSplitOptions.TrimEntries);
            var first = Array.IndexOf(DayNames, ends[0]);
            var last = Array.IndexOf(DayNames, ends[^1]);
            if (ends.Length > 2 || first < 0 || last < 0)
            {
                return null;
            }
            // Week order Monday to Sunday, so "Senin-Minggu" and "Jumat-Senin" read as people mean them.
            var (from, to) = (Monday(first), Monday(last));
            var count = (to - from + 7) % 7 + 1;
            for (var i = 0; i < count; i++)
            {
                days.Add((from + i + 1) % 7);
            }
        }
        return days;
    }

    private static int Monday(int day) => (day + 6) % 7;

    private static List<(TimeSpan, TimeSpan)>? ReadTimes(string text)
    {
        text = text.Trim();
        if (text == "tutup")
        {
            return [];
        }
        if (text == "24 jam")
        {
            return [(TimeSpan.Zero, TimeSpan.FromDays(1))];
        }
        var ranges = new List<(TimeSpan, TimeSpan)>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var r = RangeShape().Match(part);
            if (!r.Success || Time(r.Groups[1].Value) is not { } from || Time(r.Groups[2].Value) is not { } to || to <= from)
            {
                return null;
            }
            ranges.Add((from, to));
        }
        return ranges.Count > 0 ? ranges : null;
    }

    private static TimeSpan? Time(string text)
    {
        var parts = text.Split('.', ':');
        return int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h) && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            && m < 60 && (h < 24 || (h == 24 && m == 0))
            ? new TimeSpan(h, m, 0)
            : null;
    }

    private static string Clock(TimeSpan t) => $"{(int)t.TotalHours:00}.{t.Minutes:00}";

    [GeneratedRegex(@"^(?<days>[a-z ,&\-]+?)\s*:?\s+(?<times>tutup|24 jam|\d.*)$")]
    private static partial Regex RuleShape();

    [GeneratedRegex(@"^(\d{1,2}[.:]\d{2})\s*[-–]\s*(\d{1,2}[.:]\d{2})$")]
    private static partial Regex RangeShape();
}

/// <summary>Whether a place is open, and the sentence that says so and until when.</summary>
public sealed record HoursState(bool Open, string Label);
