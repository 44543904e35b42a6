using EShop.ServiceDefaults;
using EShop.Silo.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace EShop.Silo.Health;

public static class SiloHealthChecks
{
    // Ready: the silo is active in its cluster and, outside the Local profile, each PostgreSQL server it stores to and
    // Redis answer. /health stays what it was: the silo's HTTP port answers.
    public static IHealthChecksBuilder AddEShopSiloChecks(this IHealthChecksBuilder health, IConfiguration configuration)
    {
        health.AddCheck<SiloActiveHealthCheck>("silo-active", tags: [HealthEndpoints.Ready]);
        if (Hosting.SiloBuilderExtensions.Profile(configuration) == Hosting.SiloProfile.Local)
        {
            return health;
        }

        var databases = Hosting.SiloBuilderExtensions.Contexts.Append(PostgresConnections.ClusterSchema)
            .Select(schema => PostgresConnections.For(configuration, schema))
            .GroupBy(connectionString => new NpgsqlConnectionStringBuilder(connectionString) is var b ? $"{b.Host}:{b.Port}/{b.Database}" : "");
        foreach (var database in databases)
        {
            health.Add(new HealthCheckRegistration(
                $"postgres {database.Key}", _ => new PostgresHealthCheck(database.First()), null, [HealthEndpoints.Ready, HealthEndpoints.Dependency]));
        }

        return health.AddRedisCheck(configuration);
    }
}
