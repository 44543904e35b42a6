using System.Net.Http.Json;
using System.Text.Json;
using EShop.Tests.Durable;
using EShop.Tests.Shared;
using Xunit.Abstractions;

namespace EShop.Tests.Observability;

// Gateway and silo as processes, exporting to a Zipkin collector of the test's own and serving /metrics: one checkout
// is one trace across both, and the business figures move.
[Collection(DurableCollection.Name), Trait("Category", "Integration")]
public sealed class TelemetryTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Checkout_IsOneTraceFromTheGatewaysRequestToTheProductGrainsAndTheStorageWrite_AndItsFiguresAreScraped()
    {
        await using var collector = await ZipkinCollector.StartAsync();
        var tracing = new Dictionary<string, string>
        {
            ["OTEL_TRACES_EXPORTER"] = "zipkin",
            ["OTEL_EXPORTER_ZIPKIN_ENDPOINT"] = collector.Endpoint,
            // Spans leave in batches; a short delay keeps the test short.
            ["OTEL_BSP_SCHEDULE_DELAY"] = "500",
        };
        await using var cluster = await DurableCluster.CreateAsync();
        var silo = await cluster.StartSiloAsync(extra: tracing);
        var gateway = await cluster.StartGatewayAsync(tracing);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{gateway.HttpPort}") };
        await Eventually.MatchesAsync(async () => (await http.GetAsync("/health")).IsSuccessStatusCode, ok => ok, TimeSpan.FromSeconds(60));
        var grains = await cluster.ConnectClientAsync();
        // The last unit: the checkout sells the product out, so the stock-out counter has a series too.
        var product = await TestCatalog.CreateProductAsync(grains, price: 12m, stock: 1);
        var shopper = await SignUpAsync(http);

        await StorefrontOrders.PlaceAsync(shopper, product.Id);

        // The checkout's trace (the one holding the GraphQL operation the storefront named), once the product grain's
        // reservation and a PostgreSQL command inside it are linked, parent by parent, up to the gateway's request.
        var trace = await Eventually.MatchesAsync(
            () => Task.FromResult(TraceOf(collector, "graphql Checkout")),
            spans => PathToRoot(spans, IsReservation) is not null && PathToRoot(spans, IsStorageWrite) is not null,
            TimeSpan.FromSeconds(30));
        output.WriteLine(string.Join('\n', trace.Select(s => $"{s.Service} {s.Kind} {s.Name} {s.Id} <- {s.ParentId}")));

        var toReservation = PathToRoot(trace, IsReservation);
        var toStorage = PathToRoot(trace, IsStorageWrite);
        Assert.NotNull(toReservation);
        Assert.NotNull(toStorage);
        var root = toReservation[^1];
        Assert.Equal(("eshop-gateway", "SERVER", "POST /graphql"), (root.Service, root.Kind, root.Name));
        Assert.Contains(toReservation, s => s.Service == "eshop-gateway" && s.Name == "graphql Checkout");
        Assert.Contains(toReservation, s => s.Service == "eshop-gateway" && s.Name == "IOrderProcessGrain/CheckoutAsync");
        Assert.Equal(root, toStorage[^1]);

        var siloMetrics = await new HttpClient().GetStringAsync($"http://127.0.0.1:{silo.HttpPort}/metrics");
        var gatewayMetrics = await http.GetStringAsync("/metrics");
        Assert.Matches("""eshop_orders_placed_total\{[^}]*payment_method="Card"[^}]*\} 1""", siloMetrics);
        Assert.Matches("""eshop_checkout_duration_seconds_bucket\{[^}]*outcome="placed"[^}]*le="10"\} 1""", siloMetrics);
        Assert.Matches("""eshop_payments_breaker_state\{[^}]*\} 0""", siloMetrics);
        Assert.Matches("""graphql_operations_total\{[^}]*operation="Checkout",outcome="ok"\} 1""", gatewayMetrics);
        Assert.Matches("""graphql_operation_duration_seconds_bucket\{[^}]*operation="Checkout",le="10"\} 1""", gatewayMetrics);

        // Every panel of the Grafana dashboards queries metrics these hosts really emit (up is Prometheus' own).
        var emitted = MetricNames(siloMetrics).Union(MetricNames(gatewayMetrics)).Append("up").ToHashSet();
        var queried = DashboardMetrics().ToList();
        Assert.NotEmpty(queried);
        Assert.All(queried, q => Assert.True(emitted.Contains(q.Metric), $"{q.Dashboard}, panel '{q.Panel}': {q.Metric} is not emitted"));
    }

    private static IEnumerable<string> MetricNames(string exposition) =>
        exposition.Split('\n').Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('{', ' ')[0]);

    // The metric names of every panel's queries: each selector carries a label matcher, metric{...}.
    private static IEnumerable<(string Dashboard, string Panel, string Metric)> DashboardMetrics()
    {
        var folder = Path.Combine(RepositoryFiles.Root, "deploy", "observability", "dashboards");
        foreach (var file in Directory.GetFiles(folder, "*.json"))
        {
            using var dashboard = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var panel in dashboard.RootElement.GetProperty("panels").EnumerateArray())
            {
                foreach (var target in panel.GetProperty("targets").EnumerateArray())
                {
                    foreach (System.Text.RegularExpressions.Match match in System.Text.RegularExpressions.Regex.Matches(target.GetProperty("expr").GetString()!, "([a-zA-Z_:][a-zA-Z0-9_:]*)\\{"))
                    {
                        yield return (Path.GetFileName(file), panel.GetProperty("title").GetString()!, match.Groups[1].Value);
                    }
                }
            }
        }
    }

    private static bool IsReservation(ZipkinCollector.Span span) =>
        span is { Service: "eshop-silo", Kind: "SERVER", Name: "IProductGrain/ReserveAsync" };

    private static bool IsStorageWrite(ZipkinCollector.Span span) =>
        span.Service == "eshop-silo" && span.Tags.Keys.Any(k => k.StartsWith("db.", StringComparison.Ordinal));

    // From the first span that matches up to the trace's root, parent by parent; null while a link has not arrived.
    private static List<ZipkinCollector.Span>? PathToRoot(List<ZipkinCollector.Span> trace, Func<ZipkinCollector.Span, bool> from)
    {
        var byId = trace.GroupBy(s => s.Id).ToDictionary(g => g.Key, g => g.First());
        foreach (var start in trace.Where(from))
        {
            var path = new List<ZipkinCollector.Span> { start };
            while (path[^1].ParentId is { } parent && byId.TryGetValue(parent, out var next) && path.Count < 100)
            {
                path.Add(next);
            }

            if (path[^1].ParentId is null)
            {
                return path;
            }
        }

        return null;
    }

    // The spans of the trace that holds a span of this name.
    private static List<ZipkinCollector.Span> TraceOf(ZipkinCollector collector, string name)
    {
        var spans = collector.Spans.ToList();
        var traceId = spans.FirstOrDefault(s => s.Name == name)?.TraceId;
        return traceId is null ? [] : [.. spans.Where(s => s.TraceId == traceId)];
    }

    private static async Task<GraphQLClient> SignUpAsync(HttpClient http)
    {
        var anonymous = new GraphQLClient(http, null);
        var data = await anonymous.DataAsync(
            "mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }",
            new { input = new { email = $"trace-{Guid.NewGuid():N}@example.com", password = "password-1", name = "Trace" } });
        return new GraphQLClient(http, data.GetProperty("signUp").GetProperty("accessToken").GetString());
    }
}
