using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SatuPintu.Monitoring.Watch;

internal sealed class WatchTargetConfiguration : IEntityTypeConfiguration<WatchTarget>
{
    public void Configure(EntityTypeBuilder<WatchTarget> b)
    {
        b.ToTable("WatchTargets");
        b.Property(t => t.Url).HasMaxLength(2000);
        b.HasIndex(t => t.Url).IsUnique();
        b.HasIndex(t => new { t.Paused, t.NextDueAt });
        b.Property(t => t.LastError).HasMaxLength(1000);
        b.Property(t => t.BaselineHash).HasMaxLength(64);
        b.HasOne(t => t.Opd).WithMany().HasForeignKey(t => t.OpdId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WatchFindingConfiguration : IEntityTypeConfiguration<WatchFinding>
{
    public void Configure(EntityTypeBuilder<WatchFinding> b)
    {
        b.ToTable("WatchFindings");
        b.Property(f => f.Kind).HasMaxLength(30);
        b.Property(f => f.Subject).HasMaxLength(500);
        b.Property(f => f.What).HasMaxLength(500);
        b.Property(f => f.Where).HasMaxLength(1000);
        b.Property(f => f.Snippet).HasMaxLength(1000);
        b.Property(f => f.Url).HasMaxLength(2000);
        b.Property(f => f.ReviewedBy).HasMaxLength(256);
        b.HasIndex(f => new { f.TargetId, f.Kind, f.Subject });
        b.HasOne(f => f.Target).WithMany().HasForeignKey(f => f.TargetId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WatchAllowConfiguration : IEntityTypeConfiguration<WatchAllowEntry>
{
    public void Configure(EntityTypeBuilder<WatchAllowEntry> b)
    {
        b.ToTable("WatchAllowList");
        b.Property(a => a.Value).HasMaxLength(500);
        b.HasIndex(a => a.Value).IsUnique();
        b.Property(a => a.AddedBy).HasMaxLength(256);
    }
}

internal sealed class WatchKeywordConfiguration : IEntityTypeConfiguration<WatchKeyword>
{
    public void Configure(EntityTypeBuilder<WatchKeyword> b)
    {
        b.ToTable("WatchKeywords");
        b.Property(k => k.Phrase).HasMaxLength(100);
        b.HasIndex(k => k.Phrase).IsUnique();
    }
}
