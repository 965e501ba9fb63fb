using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using SatuPintu.Content.Uploads;
using SatuPintu.Directory;

namespace SatuPintu.Content;

public sealed partial class ArticlePublishing
{
    public const int MaxAlt = 300;
    public const int MaxCaption = 300;
    public const int MaxCredit = 200;

    /// <summary>
    /// The lead image the article will have after this change (null: none), with the errors of its fields:
    /// an image of the article's OPD, and alt text whenever there is one.
    /// </summary>
    private async Task<MediaFile?> ValidateLeadImageAsync(Article? article, Opd? opd, ArticleInput input, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var lead = input.RemoveLeadImage ? null : article?.LeadImage;
        if (input.LeadImageId is { } wanted && !input.RemoveLeadImage)
        {
            lead = await db.MediaFiles.FirstOrDefaultAsync(m => m.Id == wanted, ct);
            if (lead is null || (opd is not null && lead.OpdId != opd.Id))
            {
                errors["leadImageId"] = ["Gambar utama tidak ditemukan; unggah lagi."];
                return null;
            }
        }
        var alt = input.LeadImageAlt is null ? lead?.AltText : HtmlCleaner.PlainText(input.LeadImageAlt);
        if (lead is not null && string.IsNullOrWhiteSpace(alt))
        {
            errors["leadImageAlt"] = ["Tulis teks alternatif gambar utama: apa yang tampak di gambar, untuk pembaca yang tidak dapat melihatnya."];
        }
        else if ((alt?.Length ?? 0) > MaxAlt)
        {
            errors["leadImageAlt"] = [$"Teks alternatif paling banyak {MaxAlt} karakter."];
        }
        if ((input.LeadImageCaption?.Length ?? 0) > MaxCaption)
        {
            errors["leadImageCaption"] = [$"Keterangan gambar paling banyak {MaxCaption} karakter."];
        }
        if ((input.LeadImageCredit?.Length ?? 0) > MaxCredit)
        {
            errors["leadImageCredit"] = [$"Sumber foto paling banyak {MaxCredit} karakter."];
        }
        return lead;
    }

    private static void ApplyLeadImage(Article article, ArticleInput input, MediaFile? lead)
    {
        article.LeadImage = lead;
        article.LeadImageId = lead?.Id;
        if (lead is not null && input.LeadImageAlt is { } alt)
        {
            lead.AltText = HtmlCleaner.PlainText(alt);
        }
        if (input.LeadImageCaption is { } caption)
        {
            article.LeadImageCaption = HtmlCleaner.PlainText(caption) is { Length: > 0 } c ? c : null;
        }
        if (input.LeadImageCredit is { } credit)
        {
            article.LeadImageCredit = HtmlCleaner.PlainText(credit) is { Length: > 0 } c ? c : null;
        }
    }

    /// <summary>Documents attached from the article's form that wait for it go out with it, at the same time.</summary>
    private async Task PublishAttachmentsAsync(Article article, CancellationToken ct)
    {
        if (article.Status is not (PublicationStatus.Published or PublicationStatus.Scheduled))
        {
            return;
        }
        foreach (var doc in await db.Documents.Where(d => d.ArticleId == article.Id && d.Status == PublicationStatus.Review).ToListAsync(ct))
        {
            doc.Status = PublicationStatus.Published;
            doc.PublishAt = article.PublishAt;
            doc.UpdatedAt = Now;
        }
    }

    /// <summary>The uploaded images the article (any of its revisions, and its lead image) shows and no other article or page does: they go with it.</summary>
    private async Task<List<MediaFile>> ImagesOnlyOfAsync(Article article, CancellationToken ct)
    {
        var bodies = await db.ArticleRevisions.Where(r => r.ArticleId == article.Id).Select(r => r.BodyMarkdown).ToListAsync(ct);
        bodies.Add(article.BodyMarkdown ?? "");
        var names = bodies.SelectMany(b => MediaName().Matches(b).Select(m => m.Groups[1].Value)).Distinct().ToList();
        var candidates = await db.MediaFiles.Where(m => names.Contains(m.StoredName) || m.Id == article.LeadImageId).ToListAsync(ct);
        var others = db.Articles.IgnoreQueryFilters().Where(a => a.Id != article.Id);
        var only = new List<MediaFile>();
        foreach (var media in candidates)
        {
            var (name, id) = (media.StoredName, media.Id);
            if (!await others.AnyAsync(a => a.BodyMarkdown!.Contains(name) || a.LeadImageId == id, ct)
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
