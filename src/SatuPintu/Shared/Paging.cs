using System.Globalization;

namespace SatuPintu.Shared;

/// <summary>
/// Page number and size from the query string (<c>?halaman=2&amp;per=20</c>). Bad values are
/// reported, never guessed at, so a mistyped link gets a clear answer instead of a wrong page.
/// </summary>
public sealed record PageRequest(int Number, int Size)
{
    public const string NumberKey = "halaman";
    public const string SizeKey = "per";
    public const int MaxSize = 100;

    /// <summary>Saturates instead of overflowing: a huge page number is simply past the end of any list.</summary>
    public int Skip => (int)Math.Min(int.MaxValue, ((long)Number - 1) * Size);

    public static PageRequest? Parse(IQueryCollection query, int defaultSize, out string? error)
    {
        error = null;
        var number = 1;
        var size = defaultSize;
        if (query.TryGetValue(NumberKey, out var rawNumber) && !TryPositive(rawNumber, out number))
        {
            error = $"Nomor halaman \"{Shorten(rawNumber)}\" tidak valid: gunakan bilangan bulat mulai dari 1.";
            return null;
        }
        if (query.TryGetValue(SizeKey, out var rawSize) && (!TryPositive(rawSize, out size) || size > MaxSize))
        {
            error = $"Jumlah per halaman \"{Shorten(rawSize)}\" tidak valid: gunakan bilangan bulat 1 sampai {MaxSize}.";
            return null;
        }
        return new PageRequest(number, size);
    }

    private static bool TryPositive(Microsoft.Extensions.Primitives.StringValues raw, out int value)
    {
        value = 0;
        return raw.Count == 1 && int.TryParse(raw[0], NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= 1;
    }

    private static string Shorten(Microsoft.Extensions.Primitives.StringValues raw)
    {
        var s = raw.ToString();
        return s.Length > 20 ? s[..20] + "…" : s;
    }
}

public sealed record PagedList<T>(IReadOnlyList<T> Items, PageRequest Page, int Total)
{
    public int TotalPages => (int)Math.Max(1, ((long)Total + Page.Size - 1) / Page.Size);
    public bool HasPrevious => Page.Number > 1;
    public bool HasNext => Page.Number < TotalPages;
    public bool IsOutOfRange => Page.Number > TotalPages;
}
