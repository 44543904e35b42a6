using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace EShop.Silo.Health;

// This silo is an active member of its cluster: it takes grain calls.
public sealed class SiloActiveHealthCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress) == SiloStatus.Active
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"The silo is {membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress)}, not active."));
}
