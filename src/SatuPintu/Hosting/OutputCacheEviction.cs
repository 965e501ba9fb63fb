using Microsoft.AspNetCore.OutputCaching;
using SatuPintu.Changes;
using SatuPintu.Content;

namespace SatuPintu.Hosting;

/// <summary>
/// Drops the cached public pages a batch of changes can affect (tags of <see cref="PublicPageTags"/>).
/// Runs after the catalog has rebuilt, so a page cached again right after is built from the new data.
/// An OPD's slug comes from the catalog; a change whose OPD is unknown, and any change of an OPD,
/// unit, service or tag (their names show on many pages), drops every public page. A network
/// change drops /jaringan and the pages of the OPDs housed at the site it touches.
/// </summary>
public sealed class OutputCacheEviction(IOutputCacheStore store, PublicCatalog catalog) : IChangeConsumer
{
    public int Order => 100;

    public async Task ApplyAsync(IReadOnlyList<PublicChange> changes, CancellationToken ct)
    {
        var tags = Tags(changes, catalog.Current);
        foreach (var tag in tags.Contains(PublicPageTags.All) ? [PublicPageTags.All] : tags)
        {
            await store.EvictByTagAsync(tag, ct);
        }
    }

    internal static HashSet<string> Tags(IEnumerable<PublicChange> changes, CatalogSnapshot? snapshot)
    {
        var tags = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in changes)
        {
            tags.Add(PublicPageTags.Other);
            if (c.Kind == Network.NetworkFeature.Kind)
            {
                // /jaringan, plus the page of the OPD housed where the row is (see Network.SiteOpdChanges).
                tags.Add(PublicPageTags.Kind(c.Kind));
                if (c.OpdId is { } housed)
                {
                    tags.Add(snapshot?.OpdsById.GetValueOrDefault(housed) is { } at ? PublicPageTags.Opd(at.Slug) : PublicPageTags.All);
                }
                continue;
            }
            if (c.Kind is not ("article" or "document" or "page"))
            {
                tags.Add(PublicPageTags.All);
                continue;
            }
            if (c.OpdId is null)
            {
                // Regency pages have no OPD; anything else without one is unknown.
                tags.Add(c.Kind == "page" ? PublicPageTags.Kind("page") : PublicPageTags.All);
                continue;
            }
            if (snapshot?.OpdsById.GetValueOrDefault(c.OpdId.Value) is not { } opd)
            {
                tags.Add(PublicPageTags.All);
                continue;
            }
            tags.Add(PublicPageTags.Opd(opd.Slug));
            if (c.Kind != "page")
            {
                tags.Add(PublicPageTags.Kind(c.Kind));
            }
        }
        return tags;
    }
}
