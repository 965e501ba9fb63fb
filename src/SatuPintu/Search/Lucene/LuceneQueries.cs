using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SatuPintu.Search.Lucene;

/// <summary>
/// A <see cref="QueryPlan"/> as a Lucene query: each term scored in the title and the body (and
/// its typed form in the surface words), the terms' sum scaled by how many of them a hit holds
/// (<see cref="CoordBm25"/>), all terms near one another as a bonus, phrases required.
/// </summary>
internal static class LuceneQueries
{
    /// <summary>Facets are counted over the best this many hits.</summary>
    public const int FacetWindow = 2000;

    public static Query Build(QueryPlan plan, Ranking ranking)
    {
        var query = new BooleanQuery(disableCoord: true);
        if (plan.Terms.Count > 0)
        {
            var terms = new BooleanQuery();
            foreach (var term in plan.Terms)
            {
                var one = new BooleanQuery(disableCoord: true)
                {
                    { new TermQuery(new Term("title", term)) { Boost = ranking.TitleBoost }, Occur.SHOULD },
                    { new TermQuery(new Term("body", term)), Occur.SHOULD },
                };
                foreach (var alternate in plan.Alternates.GetValueOrDefault(term, []))
                {
                    one.Add(Phrase("title", alternate, ranking.TitleBoost), Occur.SHOULD);
                    one.Add(Phrase("body", alternate, 1f), Occur.SHOULD);
                }
                foreach (var surface in plan.Surfaces.GetValueOrDefault(term, []))
                {
                    one.Add(new TermQuery(new Term("words", surface)) { Boost = ranking.SurfaceBoost }, Occur.SHOULD);
                }
                terms.Add(one, Occur.SHOULD);
            }
            query.Add(terms, plan.Phrases.Count == 0 ? Occur.MUST : Occur.SHOULD);
            if (plan.Terms.Count > 1 && ranking.ProximityBoost > 0)
            {
                var near = new PhraseQuery { Slop = ranking.ProximitySlop, Boost = ranking.ProximityBoost };
                foreach (var term in plan.Terms)
                {
                    near.Add(new Term("body", term));
                }
                query.Add(near, Occur.SHOULD);
            }
        }
        foreach (var phrase in plan.Phrases)
        {
            query.Add(new BooleanQuery(disableCoord: true)
            {
                { Phrase("title", phrase, ranking.TitleBoost), Occur.SHOULD },
                { Phrase("body", phrase, 1f), Occur.SHOULD },
            }, Occur.MUST);
        }
        return query;
    }

    private static Query Phrase(string field, string[] terms, float boost)
    {
        if (terms.Length == 1)
        {
            return new TermQuery(new Term(field, terms[0])) { Boost = boost };
        }
        // Stop words between the words were left out of the index, so allow their gap.
        var q = new PhraseQuery { Slop = 1, Boost = boost };
        foreach (var t in terms)
        {
            q.Add(new Term(field, t));
        }
        return q;
    }

    public static Filter? Filter(SearchRequest request)
    {
        var must = new BooleanQuery();
        if (request.Kind is { } kind)
        {
            must.Add(new TermQuery(new Term("kind", kind)), Occur.MUST);
        }
        if (request.Opd is { } opd)
        {
            must.Add(new TermQuery(new Term("opd", opd)), Occur.MUST);
        }
        if (request.Year is { } year)
        {
            must.Add(new TermQuery(new Term("year", year.ToString(System.Globalization.CultureInfo.InvariantCulture))), Occur.MUST);
        }
        return must.Clauses.Count == 0 ? null : new QueryWrapperFilter(must);
    }
}
