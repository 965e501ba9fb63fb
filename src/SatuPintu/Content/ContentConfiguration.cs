using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SatuPintu.Content;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> b)
    {
        b.HasIndex(a => a.Slug).IsUnique();
        // The public lists: published, by kind (and OPD), newest first.
        b.HasIndex(a => new { a.Status, a.Kind, a.PublishAt });
        b.HasIndex(a => new { a.OpdId, a.Status, a.Kind, a.PublishAt });
        b.Property(a => a.Slug).HasMaxLength(200);
        b.Property(a => a.Title).HasMaxLength(300);
        b.Property(a => a.Summary).HasMaxLength(1000);
        b.Property(a => a.SourceUrl).HasMaxLength(2000);
        b.Property(a => a.EventPlace).HasMaxLength(300);
        b.Property(a => a.Category).HasMaxLength(40);
        b.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Origin).HasConversion<string>().HasMaxLength(20);
        b.HasOne(a => a.Opd).WithMany().HasForeignKey(a => a.OpdId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Tags).WithMany(t => t.Articles).UsingEntity("ArticleTag");
        // Two writers who read the same version: the later save fails instead of overwriting unseen.
        b.Property(a => a.Version).IsConcurrencyToken();
        b.Property(a => a.LeadImageCaption).HasMaxLength(300);
        b.Property(a => a.LeadImageCredit).HasMaxLength(200);
        b.Property(a => a.DeletedBy).HasMaxLength(256);
        b.HasOne(a => a.LeadImage).WithMany().HasForeignKey(a => a.LeadImageId).OnDelete(DeleteBehavior.SetNull);
        // What is in the bin is gone for every query; the bin and its purge ask with IgnoreQueryFilters.
        b.HasQueryFilter(a => a.DeletedAt == null);
    }
}

internal sealed class TagConfiguration : IEntityTypeConfiguration<Tag>
{
    public void Configure(EntityTypeBuilder<Tag> b)
    {
        b.HasIndex(t => t.Slug).IsUnique();
        b.Property(t => t.Slug).HasMaxLength(80);
        b.Property(t => t.Name).HasMaxLength(80);
    }
}

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> b)
    {
        b.HasIndex(d => d.Slug).IsUnique();
        b.HasIndex(d => new { d.Status, d.PublishAt });
        b.HasIndex(d => new { d.OpdId, d.Status, d.PublishAt });
        b.Property(d => d.Slug).HasMaxLength(200);
        b.Property(d => d.Title).HasMaxLength(300);
        b.Property(d => d.Category).HasMaxLength(80);
        b.Property(d => d.RegulationNumber).HasMaxLength(60);
        b.Property(d => d.RegulationStatus).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.FileName).HasMaxLength(255);
        b.Property(d => d.ContentType).HasMaxLength(120);
        b.Property(d => d.StoragePath).HasMaxLength(500);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        b.HasOne(d => d.Opd).WithMany().HasForeignKey(d => d.OpdId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(d => d.Article).WithMany().HasForeignKey(d => d.ArticleId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ArticleAddressConfiguration : IEntityTypeConfiguration<ArticleAddress>
{
    public void Configure(EntityTypeBuilder<ArticleAddress> b)
    {
        b.HasIndex(x => x.Slug).IsUnique();
        b.Property(x => x.Slug).HasMaxLength(200);
        b.HasOne(x => x.Article).WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
        // The article's own filter (the bin) applies to its old addresses too: a binned article's old
        // address answers 404 like its current one (EF warns about a filtered required end otherwise).
        b.HasQueryFilter(x => x.Article!.DeletedAt == null);
    }
}

internal sealed class PageConfiguration : IEntityTypeConfiguration<Page>
{
    public void Configure(EntityTypeBuilder<Page> b)
    {
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => new { p.OpdId, p.Slug }).IsUnique();
        // NULLs are distinct in a unique index: the regency's own pages (no OPD) need their own.
        b.HasIndex(p => p.Slug).IsUnique().HasFilter("\"OpdId\" IS NULL").HasDatabaseName("IX_Pages_Slug_Regency");
        b.Property(p => p.Slug).HasMaxLength(120);
        b.Property(p => p.Title).HasMaxLength(300);
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.RejectionReason).HasMaxLength(1000);
        b.Property(p => p.UpdatedBy).HasMaxLength(256);
        b.HasOne(p => p.Opd).WithMany().HasForeignKey(p => p.OpdId).OnDelete(DeleteBehavior.Cascade);
    }
}
