using System.Globalization;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Trace;

namespace EShop.ServiceDefaults;

// OTEL_TRACES_SAMPLER and OTEL_TRACES_SAMPLER_ARG as the OpenTelemetry specification names them; the default follows
// the caller's decision and samples every trace that starts here (parentbased_always_on).
public static class TraceSampling
{
    public static Sampler FromConfiguration(IConfiguration configuration)
    {
        var ratio = double.TryParse(configuration["OTEL_TRACES_SAMPLER_ARG"], NumberStyles.Float, CultureInfo.InvariantCulture, out var arg) ? arg : 1.0;
        return (configuration["OTEL_TRACES_SAMPLER"] ?? "parentbased_always_on").ToLowerInvariant() switch
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
