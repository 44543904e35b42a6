namespace EShop.Shared;

// Histogram buckets for durations in seconds (OpenTelemetry's defaults are for milliseconds): 5 ms to 10 s, fine
// enough around the 100-500 ms where checkout targets lie.
public static class LatencyBuckets
{
    public static readonly IReadOnlyList<double> Seconds = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];
}
