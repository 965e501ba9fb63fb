using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SatuPintu.Changes;

/// <summary>
/// One change of data the public sees, written in the same transaction as the change itself. Every
/// node reads these rows in id order and hands them to its consumers (output cache, public catalog,
/// later the search index); old rows are pruned.
/// </summary>
public sealed class PublicChange
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    /// <summary>The registered kind of the row, e.g. "article", "document", "page", "opd".</summary>
    public required string Kind { get; set; }
    /// <summary>The changed row's primary key (composite keys joined by commas).</summary>
    public required string Key { get; set; }
    /// <summary>The OPD the row belongs to; null for regency-wide rows (or when unknown: consumers then act broadly).</summary>
    public int? OpdId { get; set; }
    /// <summary>"create", "update" or "delete".</summary>
    public required string Action { get; set; }
}

internal sealed class PublicChangeConfiguration : IEntityTypeConfiguration<PublicChange>
{
    public void Configure(EntityTypeBuilder<PublicChange> b)
    {
        b.ToTable("PublicChanges");
        b.HasIndex(c => c.At);
        b.Property(c => c.Kind).HasMaxLength(40);
        b.Property(c => c.Key).HasMaxLength(64);
        b.Property(c => c.Action).HasMaxLength(10);
    }
}
