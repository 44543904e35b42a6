using System.Globalization;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Trace;

namespace EShop.ServiceDefaults;

// OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG as the OpenTelemetry specification names them. The default follows
// the caller's decision, and for a trace that starts here records every one (parentbased_always_on) when traces go
// somewhere (OTEL_TRACES_EXPORTER), and none when they go nowhere (parentbased_always_off): a span not recorded is still
// made, so trace ids still cross processes and still stand in the logs, but nobody pays for tags no one will read
// (7 points of GraphQL reads against a minimal API in docs/benchmarks.md).
public static class TraceSampling
{
    public static Sampler FromConfiguration(IConfiguration configuration)
    {
        var ratio = double.TryParse(configuration["OTEL_TRACES_SAMPLER_ARG"], NumberStyles.Float, CultureInfo.InvariantCulture, out var arg) ? arg : 1.0;
        var exported = TraceExporters.Names(configuration).Any(name => !name.Equals("none", StringComparison.OrdinalIgnoreCase));
        return (configuration["OTEL_TRACES_SAMPLER"] ?? (exported ? "parentbased_always_on" : "parentbased_always_off")).ToLowerInvariant() switch
        {
            "always_on" => new AlwaysOnSampler(),
            "always_off" => new AlwaysOffSampler(),
            "traceidratio" => new TraceIdRatioBasedSampler(ratio),
            "parentbased_always_on" => new ParentBasedSampler(new AlwaysOnSampler()),
            "parentbased_always_off" => new ParentBasedSampler(new AlwaysOffSampler()),
            "parentbased_traceidratio" => new ParentBasedSampler(new TraceIdRatioBasedSampler(ratio)),
            var other => throw new InvalidOperationException($"OTEL_TRACES_SAMPLER '{other}' is not a sampler this host knows."),
        };
    }
}
