using SatuPintu.Changes;
using SatuPintu.Hosting.Cli;
using SatuPintu.Search.Analysis;
using SatuPintu.Search.Lucene;
using SatuPintu.Shared;

namespace SatuPintu.Search;

/// <summary>
/// One search over services, OPDs and units, articles, documents and pages, in Indonesian: the
/// analyzer, the backend (Lucene.NET in the data folder), the indexer on the change feed, /cari,
/// /api/v1/search and the reindex verb.
/// </summary>
public static class SearchFeature
{
    public static void AddSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TextAnalyzer>();
        builder.Services.AddSingleton<DocumentText>();
        builder.Services.AddScoped<SearchSources>();
        builder.Services.AddSingleton<LuceneBackend>();
        builder.Services.AddSingleton<ISearchBackend>(sp => sp.GetRequiredService<LuceneBackend>());
        builder.Services.AddSingleton<SiteSearch>();
        builder.Services.AddSingleton<SearchIndexer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SearchIndexer>());
        builder.Services.AddSingleton<IChangeConsumer>(sp => sp.GetRequiredService<SearchIndexer>());
        builder.AddCliVerb(ReindexVerb.Verb);
    }

    public static void MapSearch(this WebApplication app) => SearchApi.Map(app.MapApiV1());
}
