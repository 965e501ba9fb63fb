using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SatuPintu.Monitoring;

internal sealed class CheckConfiguration : IEntityTypeConfiguration<Check>
{
    public void Configure(EntityTypeBuilder<Check> b)
    {
        b.ToTable("MonitorChecks");
        b.Property(c => c.Name).HasMaxLength(200);
        b.Property(c => c.Target).HasMaxLength(500);
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(10);
        b.Property(c => c.KeywordMust).HasMaxLength(200);
        b.Property(c => c.KeywordMustNot).HasMaxLength(200);
        b.Property(c => c.DnsRecordType).HasMaxLength(10);
        b.Property(c => c.DnsServer).HasMaxLength(200);
        b.HasIndex(c => new { c.Paused, c.NextDueMs });
        b.HasOne(c => c.ParentCheck).WithMany().HasForeignKey(c => c.ParentCheckId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(c => c.Opd).WithMany().HasForeignKey(c => c.OpdId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne(c => c.Status).WithOne().HasForeignKey<CheckStatus>(s => s.CheckId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CheckStatusConfiguration : IEntityTypeConfiguration<CheckStatus>
{
    public void Configure(EntityTypeBuilder<CheckStatus> b)
    {
        b.ToTable("MonitorCheckStatus");
        b.HasKey(s => s.CheckId);
        b.Property(s => s.State).HasConversion<string>().HasMaxLength(12);
        b.Property(s => s.LastAlerted).HasConversion<string>().HasMaxLength(12);
        b.Property(s => s.LastError).HasMaxLength(500);
    }
}

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> b)
    {
        b.ToTable("MonitorIncidents");
        b.Property(i => i.Title).HasMaxLength(300);
        b.Property(i => i.Kind).HasMaxLength(10);
        b.Property(i => i.AcknowledgedBy).HasMaxLength(256);
        b.Property(i => i.Url).HasMaxLength(1000);
        b.HasIndex(i => i.OpenedAt);
        b.HasOne(i => i.Check).WithMany().HasForeignKey(i => i.CheckId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(i => i.Timeline).WithOne().HasForeignKey(e => e.IncidentId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(i => i.Opds).WithOne().HasForeignKey(o => o.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IncidentEventConfiguration : IEntityTypeConfiguration<IncidentEvent>
{
    public void Configure(EntityTypeBuilder<IncidentEvent> b)
    {
        b.ToTable("MonitorIncidentEvents");
        b.Property(e => e.Kind).HasMaxLength(20);
        b.Property(e => e.Actor).HasMaxLength(256);
        b.Property(e => e.Text).HasMaxLength(2000);
    }
}

internal sealed class IncidentOpdConfiguration : IEntityTypeConfiguration<IncidentOpd>
{
    public void Configure(EntityTypeBuilder<IncidentOpd> b)
    {
        b.ToTable("MonitorIncidentOpds");
        b.HasKey(o => new { o.IncidentId, o.OpdId });
        b.HasOne(o => o.Opd).WithMany().HasForeignKey(o => o.OpdId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MaintenanceWindowConfiguration : IEntityTypeConfiguration<MaintenanceWindow>
{
    public void Configure(EntityTypeBuilder<MaintenanceWindow> b)
    {
        b.ToTable("MonitorMaintenanceWindows");
        b.Property(w => w.Title).HasMaxLength(200);
        b.Property(w => w.CreatedBy).HasMaxLength(256);
        b.HasIndex(w => w.EndsAt);
    }
}

internal sealed class CheckRollupConfiguration : IEntityTypeConfiguration<CheckRollup>
{
    public void Configure(EntityTypeBuilder<CheckRollup> b)
    {
        b.ToTable("MonitorRollups");
        b.Property(r => r.Period).HasConversion<string>().HasMaxLength(5);
        b.HasIndex(r => new { r.CheckId, r.Period, r.Start }).IsUnique();
        b.HasIndex(r => new { r.Period, r.Start });
    }
}
