using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SatuPintu.Network;

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> b)
    {
        b.ToTable("NetworkSites");
        b.HasIndex(s => s.Name).IsUnique();
        b.Property(s => s.Name).HasMaxLength(200);
        b.Property(s => s.Address).HasMaxLength(300);
        b.Property(s => s.StateReason).HasMaxLength(500);
        b.Property(s => s.Notes).HasMaxLength(2000);
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.State).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(s => s.State);
        // A site with children cannot be deleted out from under them.
        b.HasOne(s => s.ParentSite).WithMany(s => s.Children).HasForeignKey(s => s.ParentSiteId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(s => s.Phase).WithMany(p => p.Sites).HasForeignKey(s => s.PhaseId).OnDelete(DeleteBehavior.SetNull);
        b.HasMany(s => s.Opds).WithOne(o => o.Site).HasForeignKey(o => o.SiteId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(s => s.Link).WithOne(l => l.Site).HasForeignKey<Link>(l => l.SiteId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Subnets).WithOne(n => n.Site).HasForeignKey(n => n.SiteId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.History).WithOne(h => h.Site).HasForeignKey(h => h.SiteId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SiteOpdConfiguration : IEntityTypeConfiguration<SiteOpd>
{
    public void Configure(EntityTypeBuilder<SiteOpd> b)
    {
        b.ToTable("NetworkSiteOpds");
        b.HasIndex(o => new { o.SiteId, o.OpdId, o.OpdUnitId }).IsUnique();
        b.HasIndex(o => o.OpdId);
        b.HasOne(o => o.Opd).WithMany().HasForeignKey(o => o.OpdId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(o => o.OpdUnit).WithMany().HasForeignKey(o => o.OpdUnitId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class SiteStateChangeConfiguration : IEntityTypeConfiguration<SiteStateChange>
{
    public void Configure(EntityTypeBuilder<SiteStateChange> b)
    {
        b.ToTable("NetworkSiteStateChanges");
        b.HasIndex(h => new { h.SiteId, h.ChangedAt });
        b.Property(h => h.From).HasConversion<string>().HasMaxLength(20);
        b.Property(h => h.To).HasConversion<string>().HasMaxLength(20);
        b.Property(h => h.Reason).HasMaxLength(500);
        b.Property(h => h.ChangedBy).HasMaxLength(256);
    }
}

internal sealed class LinkConfiguration : IEntityTypeConfiguration<Link>
{
    public void Configure(EntityTypeBuilder<Link> b)
    {
        b.ToTable("NetworkLinks");
        b.HasIndex(l => l.SiteId).IsUnique();
        b.Property(l => l.Medium).HasConversion<string>().HasMaxLength(20);
        b.Property(l => l.Provider).HasMaxLength(200);
        b.Property(l => l.DeviceModel).HasMaxLength(200);
        b.Property(l => l.ManagementAddress).HasMaxLength(100);
    }
}

internal sealed class UplinkConfiguration : IEntityTypeConfiguration<Uplink>
{
    public void Configure(EntityTypeBuilder<Uplink> b)
    {
        b.ToTable("NetworkUplinks");
        b.Property(u => u.Provider).HasMaxLength(200);
        b.Property(u => u.Notes).HasMaxLength(1000);
    }
}

internal sealed class SubnetConfiguration : IEntityTypeConfiguration<Subnet>
{
    public void Configure(EntityTypeBuilder<Subnet> b)
    {
        b.ToTable("NetworkSubnets");
        // Exact duplicates are refused by the database too; partial overlaps by SubnetRules.
        b.HasIndex(n => n.Cidr).IsUnique();
        b.HasIndex(n => n.Family);
        b.Property(n => n.Cidr).HasMaxLength(64);
        b.Property(n => n.Gateway).HasMaxLength(64);
        b.Property(n => n.Description).HasMaxLength(300);
    }
}

internal sealed class PhaseConfiguration : IEntityTypeConfiguration<Phase>
{
    public void Configure(EntityTypeBuilder<Phase> b)
    {
        b.ToTable("NetworkPhases");
        b.HasIndex(p => p.Name).IsUnique();
        b.Property(p => p.Name).HasMaxLength(200);
        b.Property(p => p.Description).HasMaxLength(2000);
    }
}

internal sealed class BudgetLineConfiguration : IEntityTypeConfiguration<BudgetLine>
{
    public void Configure(EntityTypeBuilder<BudgetLine> b)
    {
        b.ToTable("NetworkBudgetLines");
        b.HasIndex(l => new { l.FiscalYear, l.Source });
        b.Property(l => l.Source).HasConversion<string>().HasMaxLength(20);
        b.Property(l => l.Item).HasConversion<string>().HasMaxLength(20);
        b.Property(l => l.Description).HasMaxLength(300);
        b.HasOne(l => l.Phase).WithMany().HasForeignKey(l => l.PhaseId).OnDelete(DeleteBehavior.SetNull);
    }
}
