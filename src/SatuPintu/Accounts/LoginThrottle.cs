using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SatuPintu.Accounts;

/// <summary>
/// Failed sign-in attempts of one typed e-mail ("akun:…") or one client address ("alamat:…"). Keyed by
/// what was typed, not by a user row, so an unknown e-mail is throttled exactly like a real account.
/// </summary>
public sealed class LoginThrottle
{
    public required string Key { get; set; }
    public int Failures { get; set; }
    public DateTime LastFailureAt { get; set; }
    /// <summary>No attempt for this key is checked before this time.</summary>
    public DateTime? BlockedUntil { get; set; }
}

internal sealed class LoginThrottleConfiguration : IEntityTypeConfiguration<LoginThrottle>
{
    public void Configure(EntityTypeBuilder<LoginThrottle> b)
    {
        b.HasKey(t => t.Key);
        b.Property(t => t.Key).HasMaxLength(300);
        b.HasIndex(t => t.LastFailureAt);
    }
}
