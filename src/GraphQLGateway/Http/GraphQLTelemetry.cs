using System.Diagnostics;
using System.Diagnostics.Metrics;
using EShop.Shared;
using GraphQL;

namespace EShop.GraphQLGateway.Http;

// A span and two metrics per GraphQL operation, named by the operation's name (what a storefront calls it, so a
// dashboard reads "Checkout", not "POST /graphql"): graphql_operations_total{operation, outcome} and
// graphql_operation_duration_seconds{operation}.
public sealed class GraphQLTelemetry
{
    public const string Name = "EShop.GraphQL";

    private static readonly ActivitySource Source = new(Name);

    private readonly Counter<long> _operations;
    private readonly Histogram<double> _duration;

    public GraphQLTelemetry(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        _operations = meter.CreateCounter<long>("graphql.operations", "{operation}", "GraphQL operations run, by name and outcome.");
        _duration = meter.CreateHistogram<double>("graphql.operation.duration", "s", "How long GraphQL operations took, by name.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LatencyBuckets.Seconds });
    }

    // The operation's span, named once the executed operation is known; the caller disposes it.
    public Activity? Start() => Source.StartActivity("graphql", ActivityKind.Internal);

    public void Record(Activity? activity, ExecutionResult result, TimeSpan elapsed)
    {
        var name = OperationName(result.Operation?.Name?.StringValue);
        var outcome = result.Errors is { Count: > 0 } ? "error" : "ok";
        if (activity is not null)
        {
            activity.DisplayName = $"graphql {name}";
            activity.SetTag("graphql.operation.name", name);
            activity.SetTag("graphql.outcome", outcome);
            if (outcome == "error")
            {
                activity.SetStatus(ActivityStatusCode.Error, result.Errors![0].Code ?? "error");
            }
        }

        _operations.Add(1, new("operation", name), new("outcome", outcome));
        _duration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("operation", name));
    }

    // A metric label, so bounded: unnamed operations (and those that never parsed) share one.
    private static string OperationName(string? name) =>
        string.IsNullOrEmpty(name) ? "anonymous" : name.Length > 64 ? name[..64] : name;
}
