using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SatuPintu.Monitoring.Alerts;

internal sealed class AlertChannelConfiguration : IEntityTypeConfiguration<AlertChannel>
{
    public void Configure(EntityTypeBuilder<AlertChannel> b)
    {
        b.ToTable("AlertChannels");
        b.Property(c => c.Kind).HasMaxLength(20);
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Target).HasMaxLength(2000);
        b.Property(c => c.ProtectedSecret).HasMaxLength(4000);
        b.HasMany(c => c.Subscriptions).WithOne(s => s.Channel).HasForeignKey(s => s.ChannelId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AlertSubscriptionConfiguration : IEntityTypeConfiguration<AlertSubscription>
{
    public void Configure(EntityTypeBuilder<AlertSubscription> b)
    {
        b.ToTable("AlertSubscriptions");
        b.HasIndex(s => new { s.ChannelId, s.OpdId }).IsUnique();
        b.HasOne(s => s.Opd).WithMany().HasForeignKey(s => s.OpdId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AlertRecordConfiguration : IEntityTypeConfiguration<AlertRecord>
{
    public void Configure(EntityTypeBuilder<AlertRecord> b)
    {
        b.ToTable("Alerts");
        b.Property(a => a.Kind).HasMaxLength(20);
        b.Property(a => a.Name).HasMaxLength(300);
        b.Property(a => a.OpdSlugs).HasMaxLength(2000);
        b.Property(a => a.State).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Summary).HasMaxLength(500);
        b.Property(a => a.Evidence).HasMaxLength(8000);
    }
}

internal sealed class AlertDeliveryConfiguration : IEntityTypeConfiguration<AlertDelivery>
{
    public void Configure(EntityTypeBuilder<AlertDelivery> b)
    {
        b.ToTable("AlertDeliveries");
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(d => new { d.Status, d.DueAt });
        b.HasOne(d => d.Alert).WithMany().HasForeignKey(d => d.AlertId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(d => d.Channel).WithMany().HasForeignKey(d => d.ChannelId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class NotificationLogConfiguration : IEntityTypeConfiguration<NotificationLogEntry>
{
    public void Configure(EntityTypeBuilder<NotificationLogEntry> b)
    {
        b.ToTable("NotificationLog");
        b.Property(n => n.Status).HasMaxLength(20);
        b.Property(n => n.Error).HasMaxLength(1000);
        b.HasIndex(n => n.At);
        b.HasIndex(n => n.ChannelId);
    }
}
