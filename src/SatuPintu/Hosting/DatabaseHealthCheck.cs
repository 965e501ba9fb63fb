using Microsoft.Extensions.Diagnostics.HealthChecks;
using SatuPintu.Data;

namespace SatuPintu.Hosting;

internal sealed class DatabaseHealthCheck(SatuPintuDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("database unreachable");
}
