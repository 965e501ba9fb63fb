using Microsoft.AspNetCore.OutputCaching;

namespace SatuPintu.Hosting;

/// <summary>
/// Tags every cached public page by what it shows, from its address, so a change evicts only the
/// pages that can show it (<see cref="OutputCacheEviction"/>): pages of one OPD by its slug, the
/// regency-wide lists and detail pages by kind, the home page by every kind it combines. Pages not
/// classified here (search, sitemap, later feeds) are tagged <see cref="Other"/> and dropped on every change.
/// </summary>
public sealed class PublicPageTags : IOutputCachePolicy
{
    /// <summary>Every public page: an OPD, unit, service or tag change reaches nearly all of them.</summary>
    public const string All = "public";
    public const string Other = "other";

    public static string Kind(string kind) => "kind:" + kind;

    public static string Opd(string slug) => "opd:" + slug;

    public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        foreach (var tag in For(context.HttpContext.Request.Path))
        {
            context.Tags.Add(tag);
        }
        return ValueTask.CompletedTask;
    }

    public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

    public static IEnumerable<string> For(PathString path)
    {
        yield return All;
        var segments = (path.Value ?? "/").Split('/', StringSplitOptions.RemoveEmptyEntries);
        var first = segments.Length > 0 ? segments[0] : "";
        switch (first)
        {
            case "":
                yield return Kind("article");
                yield return Kind("document");
                yield return Kind("page");
                break;
            case "berita" or "pengumuman" or "agenda":
                // Detail pages too: they link the previous and next article of any OPD.
                yield return Kind("article");
                break;
            case "dokumen":
                yield return Kind("document");
                break;
            case "halaman":
                yield return Kind("page");
                break;
            case "jaringan":
                yield return Kind(Network.NetworkFeature.Kind);
                break;
            case "layanan" or "profil":
                // Services, OPDs and settings only: every service or OPD change evicts All.
                break;
            case "status":
            case "api" when segments.Length >= 3 && segments[1] == "v1" && segments[2] == "status":
                // Live states: evicted when a state changes (Monitoring.StatusCache), not by content changes.
                yield return Kind(Monitoring.StatusCache.Kind);
                break;
            case "opd" when segments.Length == 1:
                // The directory shows only OPDs: evicted through All.
                break;
            case "opd":
                yield return Opd(segments[1]);
                break;
            default:
                yield return Other;
                break;
        }
    }
}
