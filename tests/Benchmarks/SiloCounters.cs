using System.Globalization;

namespace EShop.Benchmarks;

// How much work the silo did, from the counters it serves at /metrics: grain requests, messages received and
// activations created. Read before and after a run, they say how many calls an order costs. That moves with the
// machine's speed far less than CPU time does, though not at all: the run also counts the saga's and the consumers'
// work for earlier orders, which fall further behind on a slower machine.
public sealed record SiloCounters(double Requests, double Messages, double Activations)
{
    public static async Task<SiloCounters> ReadAsync(HttpClient http, string siloUrl)
    {
        var metrics = await http.GetStringAsync($"{siloUrl}/metrics");
        return new(
            Sum(metrics, "orleans_app_requests_latency_milliseconds_count"),
            Sum(metrics, "orleans_messaging_processing_dispatcher_received_total"),
            Sum(metrics, "orleans_catalog_activation_created_total"));
    }

    // "Silo work per {per}: ...", the work since before divided by orders.
    public string PerOrder(SiloCounters before, long orders, string per) =>
        $"Silo work per {per}: {(Requests - before.Requests) / orders:F1} grain requests, "
        + $"{(Messages - before.Messages) / orders:F1} messages received, {(Activations - before.Activations) / orders:F1} activations created";

    // A counter's value summed over its label sets: "name{labels} value [timestamp]" or "name value", one a line.
    private static double Sum(string metrics, string name) => metrics.Split('\n')
        .Where(line => line.StartsWith(name, StringComparison.Ordinal) && line.Length > name.Length && line[name.Length] is '{' or ' ')
        .Select(line => line[(line[name.Length] == '{' ? line.IndexOf('}', name.Length) + 1 : name.Length)..].Trim().Split(' ')[0])
        .Sum(value => double.Parse(value, CultureInfo.InvariantCulture));
}
