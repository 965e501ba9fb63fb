using Microsoft.EntityFrameworkCore;
using SatuPintu.Content;
using SatuPintu.Syndication;
using SatuPintu.Tests.Infrastructure;

namespace SatuPintu.Tests.Syndication;

/// <summary>A source and one imported item per OPD of the authorization matrix, made once.</summary>
public static class SyndicationMatrixSteps
{
    public static Dictionary<string, int> SourceId { get; } = [];
    public static Dictionary<string, int> ItemId { get; } = [];

    /// <summary>Refused at once (nothing listens on port 1): answered 422 to whoever may add, without a server.</summary>
    public const string Unreachable = "http://127.0.0.1:1/";

    public static async Task PrepareAsync(SatuPintuApp app)
    {
        foreach (var slug in new[] { Personas.OpdA, Personas.OpdB })
        {
            (SourceId[slug], ItemId[slug]) = await app.WithDbAsync(async db =>
            {
                var opd = await db.Opds.SingleAsync(o => o.Slug == slug);
                var now = TimeProvider.System.GetUtcNow().UtcDateTime;
                var source = new Source { OpdId = opd.Id, SiteUrl = Unreachable, FeedUrl = Unreachable + slug, Title = "Sumber uji " + slug, IntervalMinutes = 60, Paused = true, CreatedAt = now };
                db.SyndicationSources.Add(source);
                await db.SaveChangesAsync();
                var item = new Article
                {
                    OpdId = opd.Id, Kind = ArticleKind.Berita, Slug = "impor-" + Guid.NewGuid().ToString("N")[..10], Title = "Butir impor uji", BodyHtml = "<p>x</p>", BodyMarkdown = "<p>x</p>",
                    Status = PublicationStatus.Published, PublishAt = now, CreatedAt = now, UpdatedAt = now, Origin = ContentOrigin.Imported, SourceId = source.Id, ExternalKey = "uji-" + slug,
                };
                db.Articles.Add(item);
                await db.SaveChangesAsync();
                return (source.Id, item.Id);
            });
        }
    }
}
