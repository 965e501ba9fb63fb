using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using SatuPintu.Accounts;
using SatuPintu.Changes;
using SatuPintu.Data;
using SatuPintu.Hosting.Cli;
using SatuPintu.Search.Acronyms;
using SatuPintu.Search.Analysis;
using SatuPintu.Search.Lucene;
using SatuPintu.Search.Postgres;
using SatuPintu.Shared;

namespace SatuPintu.Search;

/// <summary>
/// One search over services, OPDs and units, articles, documents and pages, in Indonesian: the
/// analyzer, the backend (Lucene.NET in the data folder, or PostgreSQL's own tables when the site runs on it), the indexer on the change feed, /cari,
/// /api/v1/search and the reindex verb.
/// </summary>
public static class SearchFeature
{
    public static void AddSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TextAnalyzer>();
        builder.Services.AddSingleton<AcronymList>();
        builder.Services.AddScoped<AcronymEditing>();
        builder.Services.AddSingleton<ReindexJob>();
        builder.Services.AddPublicEntity<SearchAcronym>(SearchIndexer.AcronymKind, _ => null);
        builder.Services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Search/Admin", Access.AdminPolicy));
        builder.Services.AddSingleton<DocumentText>();
        builder.Services.AddScoped<SearchSources>();
        if (builder.Configuration.UsesPostgres())
        {
            // Every node searches the same tables; no node keeps an index of its own.
            builder.Services.TryAddSingleton(_ => NpgsqlDataSource.Create(builder.Configuration.GetConnectionString("Postgres")!));
            builder.Services.AddSingleton<PostgresBackend>();
            builder.Services.AddSingleton<ISearchBackend>(sp => sp.GetRequiredService<PostgresBackend>());
        }
        else
        {
            builder.Services.AddSingleton<LuceneBackend>();
            builder.Services.AddSingleton<ISearchBackend>(sp => sp.GetRequiredService<LuceneBackend>());
        }
        builder.Services.AddSingleton<SiteSearch>();
        builder.Services.AddSingleton<SearchIndexer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SearchIndexer>());
        builder.Services.AddSingleton<IChangeConsumer>(sp => sp.GetRequiredService<SearchIndexer>());
        builder.AddCliVerb(ReindexVerb.Verb);
    }

    public static void MapSearch(this WebApplication app) => SearchApi.Map(app.MapApiV1());
}
