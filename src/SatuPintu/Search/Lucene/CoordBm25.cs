using Lucene.Net.Search.Similarities;

namespace SatuPintu.Search.Lucene;

/// <summary>
/// BM25 with the coordination factor BM25 leaves out: a query of several words scores a hit by
/// (words it holds / words) to <see cref="Ranking.CoordPower"/>. Without it one rare word repeated
/// outranks a page with all the words a person typed.
/// </summary>
internal sealed class CoordBm25(Func<Ranking> ranking) : BM25Similarity
{
    public override float Coord(int overlap, int maxOverlap) =>
        maxOverlap <= 1 ? 1f : MathF.Pow((float)overlap / maxOverlap, ranking().CoordPower);
}
