using Microsoft.Extensions.Configuration;
using OpenTelemetry.Trace;

namespace EShop.ServiceDefaults;

// OTEL_TRACES_EXPORTER as the OpenTelemetry specification names it: otlp (OTEL_EXPORTER_OTLP_ENDPOINT), zipkin
// (OTEL_EXPORTER_ZIPKIN_ENDPOINT), console, or none (the default: spans are made, for the trace context that crosses
// processes, and go nowhere). Several may be listed, comma-separated; an unknown one stops the host at start.
public static class TraceExporters
{
    public static string[] Names(IConfiguration configuration) =>
        (configuration["OTEL_TRACES_EXPORTER"] ?? "none").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static void Add(TracerProviderBuilder traces, IConfiguration configuration)
    {
        foreach (var name in Names(configuration))
        {
            _ = name.ToLowerInvariant() switch
            {
                "otlp" => traces.AddOtlpExporter(),
                // Deprecated upstream in favour of OTLP, but Zipkin is what the seed's monitoring names and what some
                // collectors still take; kept until a Zipkin user has OTLP.
#pragma warning disable CS0618
                "zipkin" => traces.AddZipkinExporter(),
#pragma warning restore CS0618
                "console" => traces.AddConsoleExporter(),
                "none" => traces,
                _ => throw new InvalidOperationException($"OTEL_TRACES_EXPORTER '{name}' is not one of otlp, zipkin, console, none."),
            };
        }
    }
}
