using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SatuPintu.Content.Uploads;

namespace SatuPintu.Syndication;

/// <summary>
/// An image of a source, fetched once and stored as a <see cref="MediaFile"/>: later polls send its
/// ETag/Last-Modified and compare the bytes' hash, so an unchanged image is neither stored nor (after a
/// 304) downloaded again; when no live article or page shows it any more it is removed (<see cref="ImportImages"/>).
/// </summary>
public sealed class ImportedImage
{
    public int Id { get; set; }
    public int SourceId { get; set; }
    /// <summary>SHA-256 of the absolute URL at the source: URLs are long, the key stays short and indexed.</summary>
    public required string UrlHash { get; set; }
    public required string Url { get; set; }
    public int MediaFileId { get; set; }
    public MediaFile? MediaFile { get; set; }
    /// <summary>SHA-256 of the bytes the source sent.</summary>
    public required string ContentHash { get; set; }
    public string? ETag { get; set; }
    public string? LastModified { get; set; }
}

internal sealed class ImportedImageConfiguration : IEntityTypeConfiguration<ImportedImage>
{
    public void Configure(EntityTypeBuilder<ImportedImage> b)
    {
        b.ToTable("SyndicationImages");
        b.HasIndex(i => new { i.SourceId, i.UrlHash }).IsUnique();
        b.HasIndex(i => i.MediaFileId);
        b.Property(i => i.UrlHash).HasMaxLength(64);
        b.Property(i => i.Url).HasMaxLength(2000);
        b.Property(i => i.ContentHash).HasMaxLength(64);
        b.Property(i => i.ETag).HasMaxLength(500);
        b.Property(i => i.LastModified).HasMaxLength(100);
        b.HasOne<Source>().WithMany().HasForeignKey(i => i.SourceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(i => i.MediaFile).WithMany().HasForeignKey(i => i.MediaFileId).OnDelete(DeleteBehavior.Cascade);
    }
}
