using System.Globalization;

namespace SatuPintu.Feeds;

/// <summary>
/// Where a feed page starts: strictly older than this (publish time, id), the order of the site's lists.
/// Keyset paging rather than page numbers, so a reader walking the archive while new articles appear
/// meets none twice and misses none; written as "?sebelum={ticks}-{id}".
/// </summary>
public readonly record struct FeedCursor(DateTime PublishAt, int Id)
{
    public const string Query = "sebelum";

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{PublishAt.Ticks}-{Id}");

    public bool IsAfter(DateTime publishAt, int id) => publishAt < PublishAt || (publishAt == PublishAt && id < Id);

    /// <summary>Strict: digits, one hyphen, in range; anything else is refused (null) with no lookup done.</summary>
    public static FeedCursor? Parse(string? text)
    {
        if (text is null || text.Length > 40)
        {
            return null;
        }
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || dash == text.Length - 1
            || !long.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || !int.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || ticks > DateTime.MaxValue.Ticks)
        {
            return null;
        }
        return new FeedCursor(new DateTime(ticks, DateTimeKind.Utc), id);
    }
}
