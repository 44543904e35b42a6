using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EShop.ServiceDefaults;

// Three probes on every host: /health/live (the process answers: for a liveness probe, never restarted for a
// dependency's outage), /health/ready (the checks tagged ready: the cluster, PostgreSQL, Redis — take traffic or not),
// and /health as it always was (everything but the dependency checks), which scripts and tests wait on.
public static class HealthEndpoints
{
    public const string Ready = "ready";

    // A check of something outside this host (a database, Redis): part of readiness, not of /health.
    public const string Dependency = "dependency";

    // Redis, when the host has one (ConnectionStrings:Redis: the Durable and Azure profiles' membership), as a
    // dependency of readiness. One connection for the host's life, closed with it.
    public static IHealthChecksBuilder AddRedisCheck(this IHealthChecksBuilder health, IConfiguration configuration)
    {
        if (configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
        {
            health.Services.AddSingleton(new RedisHealthCheck(redis));
            health.Add(new HealthCheckRegistration("redis", services => services.GetRequiredService<RedisHealthCheck>(), null, [Ready, Dependency]));
        }

        return health;
    }

    public static WebApplication MapEShopHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = check => !check.Tags.Contains(Dependency) });
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready) });
        return app;
    }
}
