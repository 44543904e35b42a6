using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace EShop.ServiceDefaults;

// Traces, metrics and logs for every host of the shop, wired once (as eShop's ServiceDefaults): ASP.NET Core, outgoing
// HTTP, Orleans' own sources and meters, the .NET runtime, and ours (every ActivitySource and Meter named EShop.*).
// Traces go where the standard OTEL_* variables say; metrics are served at /metrics in Prometheus' text format; logs
// are JSON lines on the console (AddEShopLogging).
public static class TelemetryExtensions
{
    public const string MetricsPath = "/metrics";

    public static WebApplicationBuilder AddEShopTelemetry(
        this WebApplicationBuilder builder,
        string defaultServiceName,
        Action<TracerProviderBuilder>? tracing = null,
        Action<MeterProviderBuilder>? metrics = null)
    {
        var configuration = builder.Configuration;
        builder.AddEShopLogging(defaultServiceName);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName(configuration, defaultServiceName)))
            .WithTracing(traces =>
            {
                traces
                    .SetSampler(TraceSampling.FromConfiguration(configuration))
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsPlumbing(http.Request.Path))
                    .AddHttpClientInstrumentation()
                    .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", "EShop.*");
                tracing?.Invoke(traces);
                TraceExporters.Add(traces, configuration);
            })
            .WithMetrics(meters =>
            {
                meters
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter("Microsoft.Orleans", "EShop.*")
                    .AddPrometheusExporter();
                metrics?.Invoke(meters);
            });
        return builder;
    }

    public static WebApplication MapEShopTelemetry(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        return app;
    }

    // The name that traces, metrics and logs give this host: OTEL_SERVICE_NAME, or its own (eshop-silo, eshop-gateway).
    public static string ServiceName(IConfiguration configuration, string defaultServiceName) =>
        configuration["OTEL_SERVICE_NAME"] ?? defaultServiceName;

    // Scrapes and health probes are not what anyone wants to trace.
    private static bool IsPlumbing(PathString path) => path.StartsWithSegments(MetricsPath) || path.StartsWithSegments("/health");
}
