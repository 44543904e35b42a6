using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace EShop.ServiceDefaults;

// Traces and metrics for every host of the shop, wired once (as eShop's ServiceDefaults): ASP.NET Core, outgoing HTTP,
// Orleans' own sources and meters, the .NET runtime, and ours (every ActivitySource and Meter named EShop.*). Traces go
// where the standard OTEL_* variables say; metrics are served at /metrics in Prometheus' text format.
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
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? defaultServiceName))
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

    // Scrapes and health probes are not what anyone wants to trace.
    private static bool IsPlumbing(PathString path) => path.StartsWithSegments(MetricsPath) || path.StartsWithSegments("/health");
}
