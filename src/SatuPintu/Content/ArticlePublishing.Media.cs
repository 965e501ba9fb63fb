using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Content.Uploads;

namespace SatuPintu.Content;

public sealed partial class ArticlePublishing
{
    /// <summary>The uploaded images the article (any of its revisions) shows and no other article or page does: they go with it.</summary>
    private async Task<List<MediaFile>> ImagesOnlyOfAsync(Article article, CancellationToken ct)
    {
        var bodies = await db.ArticleRevisions.Where(r => r.ArticleId == article.Id).Select(r => r.BodyMarkdown).ToListAsync(ct);
        bodies.Add(article.BodyMarkdown ?? "");
        var names = bodies.SelectMany(b => MediaName().Matches(b).Select(m => m.Groups[1].Value)).Distinct().ToList();
        if (names.Count == 0)
        {
            return [];
        }
        var only = new List<MediaFile>();
        foreach (var media in await db.MediaFiles.Where(m => names.Contains(m.StoredName)).ToListAsync(ct))
        {
            var name = media.StoredName;
            if (!await db.Articles.AnyAsync(a => a.Id != article.Id && a.BodyMarkdown!.Contains(name), ct)
                && !await db.Pages.AnyAsync(p => p.BodyMarkdown.Contains(name), ct))
            {
                only.Add(media);
            }
        }
        return only;
    }

    [GeneratedRegex("/media/([a-f0-9]{24}\\.webp)")]
    private static partial Regex MediaName();
}
