using Microsoft.Extensions.Logging.Console;

namespace EShop.ServiceDefaults;

// Logging:Console:FormatterOptions, for the "ecs" formatter. Scopes are on by default: the order process puts the
// order's id in one, so a transaction's retries and Orleans' own lines during an order's call carry it too.
public sealed class EcsConsoleFormatterOptions : ConsoleFormatterOptions
{
    public EcsConsoleFormatterOptions() => IncludeScopes = true;

    // service.name: OTEL_SERVICE_NAME, or the host's own name (set by AddEShopLogging, not from configuration).
    public string ServiceName { get; set; } = "eshop";
}
