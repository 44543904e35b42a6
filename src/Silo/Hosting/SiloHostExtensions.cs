using Orleans.Dashboard;

namespace EShop.Silo.Hosting;

public static partial class SiloHostExtensions
{
    public static WebApplicationBuilder AddEShopSiloHost(this WebApplicationBuilder builder)
    {
        builder.UseOrleans(silo => silo.UseEShopClustering().AddEShopSilo().AddDashboard());
        builder.Services.AddHealthChecks();
        return builder;
    }

    public static WebApplication MapEShopSiloEndpoints(this WebApplication app)
    {
        app.MapOrleansDashboard("/dashboard");
        app.MapHealthChecks("/health");
        app.Lifetime.ApplicationStarted.Register(() =>
            LogNotDurable(app.Services.GetRequiredService<ILogger<WebApplication>>(), string.Join(", ", app.Urls.Select(u => u + "/dashboard"))));
        return app;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Profile Local: grain state, streams and reminders are kept in memory only. NOTHING IS DURABLE: every order, cart and customer is lost when this silo stops. Dashboard: {Dashboard}")]
    private static partial void LogNotDurable(ILogger logger, string dashboard);
}
