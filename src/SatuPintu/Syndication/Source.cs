using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SatuPintu.Content;
using SatuPintu.Directory;

namespace SatuPintu.Syndication;

/// <summary>A feed of an OPD's own website that the portal imports, with its polling state and health.</summary>
public sealed class Source
{
    public int Id { get; set; }
    public int OpdId { get; set; }
    public Opd? Opd { get; set; }
    /// <summary>What the person entered (a site or a feed).</summary>
    public required string SiteUrl { get; set; }
    /// <summary>The feed or WordPress REST endpoint actually polled.</summary>
    public required string FeedUrl { get; set; }
    public SourceKind Kind { get; set; }
    public required string Title { get; set; }
    /// <summary>Other feeds discovery found, one URL a line, for the person to switch to.</summary>
    public string? Alternatives { get; set; }
    public int IntervalMinutes { get; set; }
    public bool Paused { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }

    public string? ETag { get; set; }
    public string? LastModified { get; set; }
    public DateTime? NextPollAt { get; set; }
    public DateTime? LastFetchAt { get; set; }
    public DateTime? LastSuccessAt { get; set; }
    /// <summary>Plain Indonesian, for the health view; null after a success.</summary>
    public string? LastError { get; set; }
    public int ConsecutiveFailures { get; set; }
    public DateTime? BackoffUntil { get; set; }
    public int ItemsImported { get; set; }
    /// <summary>WordPress: the whole archive has been read once; later polls read the most recently modified page.</summary>
    public bool ArchiveComplete { get; set; }
    /// <summary>WordPress: when the whole archive was last read, so items gone from the source are found (once a day).</summary>
    public DateTime? ArchiveReadAt { get; set; }
    /// <summary>
    /// WordPress: the page a read of the whole archive stopped before, when the source's deadline
    /// (<see cref="SyndicationOptions.SourceTimeoutSeconds"/>) ended a round; the next round goes on from there. 0: none.
    /// </summary>
    public int ArchiveNextPage { get; set; }
    /// <summary>What happens to an item the source no longer lists: kept and marked (the default), hidden, or moved to the bin.</summary>
    public GoneItems GoneItems { get; set; }

    /// <summary>The node polling it now, until when (Unix ms): one node per source per round.</summary>
    public string? LeaseHolder { get; set; }
    public long LeaseUntilMs { get; set; }
}

public enum GoneItems
{
    Keep = 0,
    Hide = 1,
    Remove = 2,
}

public enum SourceKind
{
    Rss = 0,
    Atom = 1,
    JsonFeed = 2,
    WordPress = 3,
}

internal sealed class SourceConfiguration : IEntityTypeConfiguration<Source>
{
    public void Configure(EntityTypeBuilder<Source> b)
    {
        b.ToTable("SyndicationSources");
        b.HasIndex(s => new { s.OpdId, s.FeedUrl }).IsUnique();
        b.HasIndex(s => new { s.Paused, s.NextPollAt });
        b.Property(s => s.SiteUrl).HasMaxLength(2000);
        b.Property(s => s.FeedUrl).HasMaxLength(2000);
        b.Property(s => s.Title).HasMaxLength(300);
        b.Property(s => s.Alternatives).HasMaxLength(8000);
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.GoneItems).HasConversion<string>().HasMaxLength(10);
        b.Property(s => s.CreatedBy).HasMaxLength(256);
        b.Property(s => s.ETag).HasMaxLength(500);
        b.Property(s => s.LastModified).HasMaxLength(100);
        b.Property(s => s.LastError).HasMaxLength(1000);
        b.Property(s => s.LeaseHolder).HasMaxLength(200);
        b.HasOne(s => s.Opd).WithMany().HasForeignKey(s => s.OpdId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>The import bookkeeping on articles: one row per item of a source, found by its key.</summary>
internal sealed class ImportedArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> b)
    {
        b.HasIndex(a => new { a.SourceId, a.ExternalKey }).IsUnique();
        b.Property(a => a.ExternalKey).HasMaxLength(500);
        b.Property(a => a.ImportHash).HasMaxLength(64);
        b.Property(a => a.SourceName).HasMaxLength(300);
        b.HasOne<Source>().WithMany().HasForeignKey(a => a.SourceId).OnDelete(DeleteBehavior.SetNull);
    }
}
