using Microsoft.AspNetCore.Mvc.RazorPages;
using SatuPintu.Accounts;
using SatuPintu.Changes;
using SatuPintu.Content.Uploads;
using SatuPintu.Hosting;
using SatuPintu.Shared;

namespace SatuPintu.Content;

/// <summary>
/// Articles, documents and pages: public lists and detail pages (per OPD too), document downloads,
/// the editorial workflow (admin pages and API) and the scheduled publisher.
/// </summary>
public static class ContentFeature
{
    public static void AddContent(this WebApplicationBuilder builder)
    {
        builder.AddValidatedOptions<ContentOptions, ContentOptionsValidator>(ContentOptions.Section);
        builder.AddValidatedOptions<UploadOptions, UploadOptionsValidator>(UploadOptions.Section);
        builder.Services.AddSingleton<UploadInspector>();
        builder.Services.AddSingleton<ImageProcessor>();
        builder.Services.AddScoped<UploadStore>();
        builder.Services.AddScoped<DocumentPublishing>();
        builder.Services.AddSingleton<HtmlCleaner>();
        builder.Services.AddScoped<ArticlePublishing>();
        builder.Services.AddScoped<PagePublishing>();
        builder.Services.AddSingleton<PublicCatalog>();
        // Only rows that are or were published are public changes: a draft saved, submitted or rejected is not.
        builder.Services.AddPublicEntity<Article>("article", a => a.OpdId, a => a.Status == PublicationStatus.Published);
        builder.Services.AddPublicEntity<Document>("document", d => d.OpdId, d => d.Status == PublicationStatus.Published);
        builder.Services.AddPublicEntity<Page>("page", p => p.OpdId, p => p.Status == PublicationStatus.Published);
        builder.Services.AddPublicEntity<Tag>("tag", _ => null);
        builder.Services.AddSingleton<ScheduledPublisher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ScheduledPublisher>());
        builder.Services.AddSingleton<BinPurger>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<BinPurger>());
        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Content/Admin", Access.StaffPolicy);
            o.Conventions.AddPageRoute("/Content/ArticleList", "/opd/{opd}/{kind:" + ArticleKinds.RoutePattern + "}");
            o.Conventions.AddPageRoute("/Content/DocumentList", "/opd/{opd}/dokumen");
            o.Conventions.AddPageRoute("/Content/Admin/EditArticle", "/admin/artikel/baru/{handler?}");
            o.Conventions.AddPageRoute("/Content/Admin/EditPage", "/admin/halaman/baru/{handler?}");
            o.Conventions.AddPageRoute("/Content/PageDetail", "/opd/{opd}/halaman/{slug}");
        });
    }

    public static void MapContent(this WebApplication app)
    {
        app.MapGet("/dokumen/{slug}/unduh", DocumentDownload.HandleAsync);
        app.MapGet("/media/{name}", MediaEndpoint.Handle);
        app.UseUploadLimits();
        ArticlesApi.Map(app.MapApiV1());
        DocumentsApi.Map(app.MapApiV1());
        PagesApi.Map(app.MapApiV1());
    }
}
