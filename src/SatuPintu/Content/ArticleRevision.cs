using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SatuPintu.Content;

/// <summary>An article as it was saved once: every create, edit and restore adds one.</summary>
public sealed class ArticleRevision
{
    public int Id { get; set; }
    /// <summary>Null once a reviewer deleted an article that had been public: its revisions stay as the record of what was published.</summary>
    public int? ArticleId { get; set; }
    public Article? Article { get; set; }
    public int Number { get; set; }
    public int OpdId { get; set; }
    public ArticleKind Kind { get; set; }
    public required string Title { get; set; }
    public string? Summary { get; set; }
    public string BodyMarkdown { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }

    /// <summary>The revision numbered <paramref name="number"/> holding what <paramref name="a"/> says now: for the editor's save and the importer's alike.</summary>
    public static ArticleRevision Of(Article a, int number, string? by, DateTime at) => new()
    {
        Article = a, Number = number, OpdId = a.OpdId, Kind = a.Kind, Title = a.Title, Summary = a.Summary, BodyMarkdown = a.BodyMarkdown ?? "",
        CreatedAt = at, CreatedBy = by,
    };
}

internal sealed class ArticleRevisionConfiguration : IEntityTypeConfiguration<ArticleRevision>
{
    public void Configure(EntityTypeBuilder<ArticleRevision> b)
    {
        b.HasIndex(r => new { r.ArticleId, r.Number }).IsUnique();
        b.Property(r => r.Title).HasMaxLength(300);
        b.Property(r => r.Summary).HasMaxLength(1000);
        b.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        b.HasOne(r => r.Article).WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.SetNull);
    }
}
