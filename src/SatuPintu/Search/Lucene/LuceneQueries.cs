using Lucene.Net.Index;
using Lucene.Net.Search;

namespace SatuPintu.Search.Lucene;

/// <summary>A <see cref="QueryPlan"/> as a Lucene query: each term scored in the title (×3) and the body; phrases required.</summary>
internal static class LuceneQueries
{
    public const float TitleBoost = 3f;

    /// <summary>Facets are counted over the best this many hits.</summary>
    public const int FacetWindow = 2000;

    public static Query Build(QueryPlan plan)
    {
        var query = new BooleanQuery();
        foreach (var term in plan.Terms)
        {
            query.Add(new BooleanQuery
            {
                { new TermQuery(new Term("title", term)) { Boost = TitleBoost }, Occur.SHOULD },
                { new TermQuery(new Term("body", term)), Occur.SHOULD },
            }, Occur.SHOULD);
        }
        foreach (var phrase in plan.Phrases)
        {
            query.Add(new BooleanQuery
            {
                { Phrase("title", phrase, TitleBoost), Occur.SHOULD },
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
