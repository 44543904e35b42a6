using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace EShop.ServiceDefaults;

// The console log of every host: Logging:Console:FormatterName picks the format, "ecs" (JSON lines for ELK, the hosts'
// appsettings) or "simple" (for people: Logging__Console__FormatterName=simple). Levels stay Logging:LogLevel:*.
public static class LoggingExtensions
{
    public static WebApplicationBuilder AddEShopLogging(this WebApplicationBuilder builder, string defaultServiceName)
    {
        var serviceName = TelemetryExtensions.ServiceName(builder.Configuration, defaultServiceName);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Logging.AddConsole().AddConsoleFormatter<EcsConsoleFormatter, EcsConsoleFormatterOptions>(o => o.ServiceName = serviceName);
        return builder;
    }
}
