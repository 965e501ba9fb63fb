using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SatuPintu.Directory;

internal sealed class OpdConfiguration : IEntityTypeConfiguration<Opd>
{
    public void Configure(EntityTypeBuilder<Opd> b)
    {
        b.HasIndex(o => o.Slug).IsUnique();
        b.Property(o => o.Slug).HasMaxLength(80);
        b.Property(o => o.Name).HasMaxLength(200);
        b.Property(o => o.ShortName).HasMaxLength(40);
        b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(o => o.Hours).HasMaxLength(OpeningHours.MaxLength);
        b.HasMany(o => o.Units).WithOne(u => u.Opd).HasForeignKey(u => u.OpdId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(o => o.Services).WithOne(s => s.Opd).HasForeignKey(s => s.OpdId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OpdUnitConfiguration : IEntityTypeConfiguration<OpdUnit>
{
    public void Configure(EntityTypeBuilder<OpdUnit> b)
    {
        b.HasIndex(u => new { u.OpdId, u.Slug }).IsUnique();
        b.Property(u => u.Slug).HasMaxLength(80);
        b.Property(u => u.Name).HasMaxLength(200);
        b.Property(u => u.KindLabel).HasMaxLength(40);
        b.Property(u => u.Address).HasMaxLength(500);
        b.Property(u => u.Phone).HasMaxLength(40);
        b.Property(u => u.Hours).HasMaxLength(OpeningHours.MaxLength);
    }
}

internal sealed class PublicServiceConfiguration : IEntityTypeConfiguration<PublicService>
{
    public void Configure(EntityTypeBuilder<PublicService> b)
    {
        b.HasIndex(s => new { s.OpdId, s.Slug }).IsUnique();
        b.Property(s => s.Slug).HasMaxLength(120);
        b.Property(s => s.Name).HasMaxLength(200);
        b.Property(s => s.Topic).HasMaxLength(40);
        b.Property(s => s.Office).HasMaxLength(200);
        b.Property(s => s.OfficeAddress).HasMaxLength(500);
        b.Property(s => s.MapUrl).HasMaxLength(500);
        b.Property(s => s.Hours).HasMaxLength(OpeningHours.MaxLength);
    }
}
