using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EShop.GraphQLGateway.Hosting;

// Healthy when the gateway reaches the cluster: its circuit breaker, which probes the cluster every second, is closed.
// So /health turns 200 exactly when GraphQL requests go through.
public sealed class ClusterHealthCheck(ClusterCircuit circuit) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(circuit.Isolated ? HealthCheckResult.Unhealthy("The cluster cannot be reached.") : HealthCheckResult.Healthy());
}
