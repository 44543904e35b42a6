using EShop.ServiceDefaults;
using EShop.Silo.Health;
using Npgsql;
using Orleans.Dashboard;

namespace EShop.Silo.Hosting;

public static partial class SiloHostExtensions
{
    public static WebApplicationBuilder AddEShopSiloHost(this WebApplicationBuilder builder)
    {
        builder.UseOrleans(silo => silo.UseEShopClustering().AddEShopSilo().AddDashboard());
        builder.AddEShopTelemetry("eshop-silo", traces => traces.AddNpgsql(), meters => meters.AddMeter("Npgsql"));
        builder.Services.AddHealthChecks().AddEShopSiloChecks(builder.Configuration);
        return builder;
    }

    public static WebApplication MapEShopSiloEndpoints(this WebApplication app)
    {
        app.RequireAdminForDashboard("/dashboard");
        app.MapOrleansDashboard("/dashboard");
        app.MapEShopTelemetry();
        app.MapEShopHealth();
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var logger = app.Services.GetRequiredService<ILogger<WebApplication>>();
            var dashboard = string.Join(", ", app.Urls.Select(u => u + "/dashboard"));
            var profile = app.Configuration.Profile();
            if (profile == SiloProfile.Local)
            {
                LogNotDurable(logger, dashboard);
            }
            else
            {
                LogStarted(logger, profile, dashboard);
            }
        });
        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Profile Local: grain state, streams and reminders are kept in memory only. NOTHING IS DURABLE: every order, cart and customer is lost when this silo stops. Dashboard: {Dashboard}")]
    private static partial void LogNotDurable(ILogger logger, string dashboard);

    [LoggerMessage(Level = LogLevel.Information, Message = "Profile {Profile}: state in PostgreSQL, membership in Redis. Dashboard: {Dashboard}")]
    private static partial void LogStarted(ILogger logger, SiloProfile profile, string dashboard);
}
