namespace SatuPintu.Search;

/// <summary>
/// The ranking weights both backends use, tuned on the known-item set (docs/SEARCH.md).
/// <see cref="CoordPower"/>: a hit's score is multiplied by (query words it holds / query words)
/// to this power, so a page with every word beats one that repeats a single word.
/// <see cref="SurfaceBoost"/>: the word exactly as typed, on top of its stem, so the text's own
/// form ranks above another form of the same root. <see cref="ProximityBoost"/>: all query words
/// near one another (within <see cref="ProximitySlop"/> positions) in the body.
/// </summary>
public sealed record Ranking(float TitleBoost = 3f, float CoordPower = 2f, float SurfaceBoost = 0.3f, float ProximityBoost = 1f, int ProximitySlop = 8)
{
    public static readonly Ranking Default = new();
}
