using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SatuPintu.Data;

/// <summary>
/// One row per seeding step done, so that a restart never seeds twice and the
/// <c>seed</c> verb knows where its deterministic sequence stopped.
/// </summary>
public sealed class SeedState
{
    public required string Key { get; set; }
    public long Value { get; set; }
    public DateTime UpdatedAt { get; set; }
}

internal sealed class SeedStateConfiguration : IEntityTypeConfiguration<SeedState>
{
    public void Configure(EntityTypeBuilder<SeedState> b)
    {
        b.HasKey(s => s.Key);
        b.Property(s => s.Key).HasMaxLength(80);
    }
}
