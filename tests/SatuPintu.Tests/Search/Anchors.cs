using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Id;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using SatuPintu.Search;

namespace SatuPintu.Tests.Search;

/// <summary>The searches ours is compared with on the known-item set.</summary>
internal static class Anchors
{
    /// <summary>WordPress's /?s=: every word a substring of title or content; title matches first, then newest.</summary>
    public static IReadOnlyList<string> Like(IReadOnlyList<SearchEntry> entries, string q)
    {
        var words = q.Replace("\"", " ", StringComparison.Ordinal).ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return entries
            .Where(e => words.All(w => e.Title.Contains(w, StringComparison.OrdinalIgnoreCase) || e.Body.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .OrderByDescending(e => words.Count(w => e.Title.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .ThenByDescending(e => e.Id, StringComparer.Ordinal)
            .Take(10).Select(e => e.Id).ToList();
    }

    /// <summary>Plain Lucene.NET: its IndonesianAnalyzer, BM25, title ×3; optionally FuzzyQuery for unknown terms.</summary>
    public sealed class PlainLucene : IDisposable
    {
        private readonly RAMDirectory _dir = new();
        private readonly IndonesianAnalyzer _analyzer = new(LuceneVersion.LUCENE_48);
        private readonly DirectoryReader _reader;
        private readonly IndexSearcher _searcher;

        public PlainLucene(IEnumerable<SearchEntry> entries)
        {
            using (var writer = new IndexWriter(_dir, new IndexWriterConfig(LuceneVersion.LUCENE_48, _analyzer) { Similarity = new BM25Similarity() }))
            {
                foreach (var e in entries)
                {
                    writer.AddDocument(new Document { new StringField("id", e.Id, Field.Store.YES), new TextField("title", e.Title, Field.Store.NO), new TextField("body", e.Body, Field.Store.NO) });
                }
            }
            _reader = DirectoryReader.Open(_dir);
            _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
        }

        private List<string> Terms(string text)
        {
            var terms = new List<string>();
            using var ts = _analyzer.GetTokenStream("body", text);
            var term = ts.AddAttribute<ICharTermAttribute>();
            ts.Reset();
            while (ts.IncrementToken())
            {
                terms.Add(term.ToString());
            }
            ts.End();
            return terms;
        }

        public IReadOnlyList<string> Search(string q, bool fuzzy)
        {
            var parsed = QueryText.Parse(q);
            var query = new BooleanQuery();
            foreach (var t in parsed.Words.SelectMany(Terms))
            {
                var known = _reader.DocFreq(new Term("body", t)) + _reader.DocFreq(new Term("title", t)) > 0;
                Query Make(string field) => fuzzy && !known && t.Length >= 4 ? new FuzzyQuery(new Term(field, t), t.Length >= 6 ? 2 : 1) : new TermQuery(new Term(field, t));
                var title = Make("title");
                title.Boost = 3;
                query.Add(new BooleanQuery { { title, Occur.SHOULD }, { Make("body"), Occur.SHOULD } }, Occur.SHOULD);
            }
            foreach (var p in parsed.Phrases)
            {
                var pq = new PhraseQuery { Slop = 1 };
                foreach (var t in Terms(p))
                {
                    pq.Add(new Term("body", t));
                }
                query.Add(pq, Occur.MUST);
            }
            return _searcher.Search(query, 10).ScoreDocs.Select(d => _searcher.Doc(d.Doc).Get("id", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        }

        public void Dispose()
        {
            _reader.Dispose();
            _dir.Dispose();
            _analyzer.Dispose();
        }
    }

    /// <summary>
    /// PostgreSQL's own Snowball <c>indonesian</c> configuration as a site would use it: title weight A over body,
    /// <c>websearch_to_tsquery</c> (all words, quotes as phrases), <c>ts_rank</c>; or with any word enough.
    /// </summary>
    public sealed class PostgresIndonesian(Npgsql.NpgsqlDataSource source)
    {
        public async Task LoadAsync(IEnumerable<SearchEntry> entries)
        {
            await using (var create = source.CreateCommand("""
                CREATE TABLE anchor_indonesian (id text PRIMARY KEY, tsv tsvector NOT NULL);
                """))
            {
                await create.ExecuteNonQueryAsync();
            }
            foreach (var chunk in entries.Chunk(200))
            {
                await using var insert = source.CreateCommand("""
                    INSERT INTO anchor_indonesian (id, tsv)
                    SELECT i, setweight(to_tsvector('indonesian', t), 'A') || setweight(to_tsvector('indonesian', b), 'B')
                    FROM unnest(@ids, @titles, @bodies) AS x(i, t, b)
                    """);
                insert.Parameters.AddWithValue("ids", chunk.Select(e => e.Id).ToArray());
                insert.Parameters.AddWithValue("titles", chunk.Select(e => e.Title).ToArray());
                insert.Parameters.AddWithValue("bodies", chunk.Select(e => e.Body).ToArray());
                await insert.ExecuteNonQueryAsync();
            }
        }

        public IReadOnlyList<string> Search(string q, bool anyWord)
        {
            var query = anyWord
                ? "replace(websearch_to_tsquery('indonesian', @q)::text, ' & ', ' | ')::tsquery"
                : "websearch_to_tsquery('indonesian', @q)";
            using var cmd = source.CreateCommand($"SELECT id FROM anchor_indonesian, (SELECT {query} AS q) AS x WHERE tsv @@ q ORDER BY ts_rank(tsv, q) DESC, id LIMIT 10");
            cmd.Parameters.AddWithValue("q", q);
            using var reader = cmd.ExecuteReader();
            var ids = new List<string>();
            while (reader.Read())
            {
                ids.Add(reader.GetString(0));
            }
            return ids;
        }
    }
}
