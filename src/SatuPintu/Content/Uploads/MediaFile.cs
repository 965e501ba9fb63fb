using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SatuPintu.Directory;

namespace SatuPintu.Content.Uploads;

/// <summary>An image an editor uploaded for articles, re-encoded, with a thumbnail; served from /media.</summary>
public sealed class MediaFile
{
    public int Id { get; set; }
    public int OpdId { get; set; }
    public Opd? Opd { get; set; }
    /// <summary>Random file name under uploads/media, e.g. "3f9c…e1.webp"; the thumbnail adds "-kecil".</summary>
    public required string StoredName { get; set; }
    public required string OriginalName { get; set; }
    public string? AltText { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    public long SizeBytes { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }

    public string Url => $"/media/{StoredName}";
    public string ThumbnailUrl => $"/media/{ThumbnailName(StoredName)}";

    public static string ThumbnailName(string stored) => stored.Replace(".webp", "-kecil.webp", StringComparison.Ordinal);
    public static string MediumName(string stored) => stored.Replace(".webp", "-sedang.webp", StringComparison.Ordinal);
    /// <summary>The JPEG for link previews (og:image): WhatsApp does not reliably show WebP previews.</summary>
    public static string ShareName(string stored) => stored.Replace(".webp", "-bagikan.jpg", StringComparison.Ordinal);

    /// <summary>The size of a rendition at most <paramref name="maxWidth"/> wide of an image of this size, as <see cref="ImageProcessor"/> scales it.</summary>
    public static (int Width, int Height) Scaled(int width, int height, int maxWidth)
    {
        var w = Math.Min(maxWidth, width);
        return (w, Math.Max(1, (int)Math.Round(height * (w / (double)width))));
    }
}

internal sealed class MediaFileConfiguration : IEntityTypeConfiguration<MediaFile>
{
    public void Configure(EntityTypeBuilder<MediaFile> b)
    {
        b.HasIndex(m => m.StoredName).IsUnique();
        b.Property(m => m.StoredName).HasMaxLength(64);
        b.Property(m => m.OriginalName).HasMaxLength(255);
        b.Property(m => m.AltText).HasMaxLength(300);
        b.HasOne(m => m.Opd).WithMany().HasForeignKey(m => m.OpdId).OnDelete(DeleteBehavior.Cascade);
    }
}
