using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EShop.GraphQLGateway.Hosting;

// Healthy when the gateway can reach a silo of the cluster: it asks the management grain for the active silos.
public sealed class ClusterHealthCheck(IClusterClient client) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var silos = await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(TimeSpan.FromSeconds(3), cancellationToken);
            return silos.Count > 0 ? HealthCheckResult.Healthy($"{silos.Count} active silo(s)") : HealthCheckResult.Unhealthy("No active silo.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The cluster cannot be reached.", exception);
        }
    }
}
