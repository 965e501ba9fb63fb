using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SatuPintu.Audit;

/// <summary>One change: who, when, what, and the changed fields before and after (JSON).</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    /// <summary>The signed-in person's e-mail, or "cli:…"/"sistem:…" for verbs and jobs.</summary>
    public required string Actor { get; set; }
    /// <summary>"create", "update", "delete", or an explicit event (<see cref="AuditEvents"/>) such as "login-failed".</summary>
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public int? OpdId { get; set; }
    public string? Summary { get; set; }
    public string? Before { get; set; }
    public string? After { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.HasIndex(a => a.At);
        b.HasIndex(a => new { a.EntityType, a.EntityId });
        b.HasIndex(a => a.OpdId);
        b.Property(a => a.Actor).HasMaxLength(256);
        b.Property(a => a.Action).HasMaxLength(20);
        b.Property(a => a.EntityType).HasMaxLength(60);
        b.Property(a => a.EntityId).HasMaxLength(64);
        b.Property(a => a.Summary).HasMaxLength(300);
    }
}
