using SatuPintu.Content;
using SatuPintu.Directory;
using SatuPintu.Shared;

namespace SatuPintu.Data.Demo;

/// <summary>Makes article number <c>i</c> of the demo sequence; pure, so the sequence is repeatable.</summary>
internal sealed class DemoArticles(IReadOnlyList<Opd> opds, IReadOnlyList<Tag> tags, DateTime anchor)
{
    private const int Days = 5 * 365;

    public Article Create(int index)
    {
        var rng = new Random(index * 7919 + 17);
        var opd = opds[rng.Next(opds.Count)];
        var roll = rng.Next(100);
        var kind = roll < 70 ? ArticleKind.Berita : roll < 88 ? ArticleKind.Pengumuman : ArticleKind.Agenda;
        var topic = DemoText.Topic(rng);
        var place = DemoText.Place(rng);
        var title = kind switch
        {
            ArticleKind.Pengumuman => DemoText.AnnouncementTitle(rng, topic),
            ArticleKind.Agenda => DemoText.AgendaTitle(rng, topic, place),
            _ => DemoText.NewsTitle(rng, opd.DisplayShortName, topic, place),
        };
        // Older items are sparser, as on a real site that grew over the years.
        var daysAgo = (int)(Days * Math.Pow(rng.NextDouble(), 1.3));
        var published = anchor.AddDays(-daysAgo).AddMinutes(-rng.Next(0, 10 * 60));
        var article = new Article
        {
            OpdId = opd.Id,
            Kind = kind,
            Slug = $"{Slug.From(title, 90)}-{index + 1}",
            Title = title,
            Summary = DemoText.Summary(title, place),
            BodyHtml = DemoText.Body(rng, topic, place, opd.Name),
            Status = PublicationStatus.Published,
            PublishAt = published,
            CreatedAt = published.AddHours(-rng.Next(1, 48)),
            UpdatedAt = published,
            Origin = ContentOrigin.Native,
        };
        if (kind == ArticleKind.Pengumuman)
        {
            // From the title, so the demo's random sequence stays as it was.
            article.Category = title.StartsWith("Pengumuman Pendaftaran", StringComparison.Ordinal) ? (index % 2 == 0 ? AnnouncementCategories.Jobs : "seleksi")
                : title.StartsWith("Pengumuman Hasil", StringComparison.Ordinal) ? "seleksi"
                : title.StartsWith("Pemberitahuan", StringComparison.Ordinal) ? "layanan" : AnnouncementCategories.General;
        }
        if (kind == ArticleKind.Agenda)
        {
            article.EventStart = published.AddDays(rng.Next(3, 21)).Date.AddHours(1 + rng.Next(0, 6));
            article.EventEnd = article.EventStart.Value.AddHours(rng.Next(2, 7));
            article.EventPlace = place;
        }
        var tagCount = rng.Next(1, 4);
        for (var t = 0; t < tagCount; t++)
        {
            var tag = tags[rng.Next(tags.Count)];
            if (!article.Tags.Contains(tag))
            {
                article.Tags.Add(tag);
            }
        }
        return article;
    }
}
