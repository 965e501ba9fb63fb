using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SatuPintu.Data;

/// <summary>
/// Who runs a background job across all nodes, until when. A node holds the lease while it renews
/// it before <see cref="ExpiresAtMs"/>; when a node dies, another takes over once it expires.
/// </summary>
public sealed class JobLease
{
    public required string Name { get; set; }
    public required string Holder { get; set; }
    /// <summary>Unix milliseconds (UTC): compared in SQL the same way on SQLite and PostgreSQL.</summary>
    public long ExpiresAtMs { get; set; }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> b)
    {
        b.HasKey(l => l.Name);
        b.Property(l => l.Name).HasMaxLength(100);
        b.Property(l => l.Holder).HasMaxLength(200);
    }
}

/// <summary>Takes and renews <see cref="JobLease"/>s; one per app instance (its holder name is unique to the instance).</summary>
public sealed class JobLeases(IServiceScopeFactory scopes, TimeProvider time)
{
    public string Holder { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>
    /// True when this instance holds <paramref name="job"/> for the next <paramref name="duration"/>:
    /// it held it already, or nobody did, or the holder let it expire. One statement, so two nodes
    /// asking at once cannot both win.
    /// </summary>
    public async Task<bool> TryAcquireAsync(string job, TimeSpan duration, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SatuPintuDb>();
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var until = now + (long)duration.TotalMilliseconds;
        var taken = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "JobLeases" ("Name", "Holder", "ExpiresAtMs") VALUES ({job}, {Holder}, {until})
            ON CONFLICT ("Name") DO UPDATE SET "Holder" = excluded."Holder", "ExpiresAtMs" = excluded."ExpiresAtMs"
            WHERE "JobLeases"."Holder" = excluded."Holder" OR "JobLeases"."ExpiresAtMs" < {now}
            """, ct);
        return taken == 1;
    }

    /// <summary>Gives the lease up (on shutdown), so another node need not wait for it to expire.</summary>
    public async Task ReleaseAsync(string job, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SatuPintuDb>();
        await db.Database.ExecuteSqlInterpolatedAsync($"""DELETE FROM "JobLeases" WHERE "Name" = {job} AND "Holder" = {Holder}""", ct);
    }
}
