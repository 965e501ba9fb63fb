using Microsoft.AspNetCore.Mvc.RazorPages;
using SatuPintu.Hosting;

namespace SatuPintu.Content;

/// <summary>Articles, documents and pages: public lists and detail pages, per OPD too, and document downloads.</summary>
public static class ContentFeature
{
    public static void AddContent(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<RazorPagesOptions>(o =>
        {
            o.Conventions.AddPageRoute("/Content/ArticleList", "/opd/{opd}/{kind:" + ArticleKinds.RoutePattern + "}");
            o.Conventions.AddPageRoute("/Content/DocumentList", "/opd/{opd}/dokumen");
        });
    }

    public static void MapContent(this WebApplication app)
    {
        app.MapGet("/dokumen/{slug}/unduh", DocumentDownload.HandleAsync);
    }
}
