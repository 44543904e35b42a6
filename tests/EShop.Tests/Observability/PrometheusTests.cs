using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using EShop.Tests.Durable;
using EShop.Tests.Shared;

namespace EShop.Tests.Observability;

// A real Prometheus (Debian's package; .ci/run installs it) scraping a running gateway and silo: the business figures
// of a checkout are read back through its HTTP query API.
[Collection(DurableCollection.Name), Trait("Category", "Integration")]
public sealed class PrometheusTests
{
    [Fact]
    public async Task Prometheus_ScrapingGatewayAndSilo_ReadsACheckoutsFiguresBack()
    {
        await using var cluster = await DurableCluster.CreateAsync();
        var silo = await cluster.StartSiloAsync();
        var gateway = await cluster.StartGatewayAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{gateway.HttpPort}") };
        await Eventually.MatchesAsync(async () => (await http.GetAsync("/health")).IsSuccessStatusCode, ok => ok, TimeSpan.FromSeconds(60));
        await using var prometheus = await PrometheusProcess.StartAsync(gateway.HttpPort, silo.HttpPort);
        var grains = await cluster.ConnectClientAsync();
        var product = await TestCatalog.CreateProductAsync(grains, price: 20m, stock: 5);
        var signUp = await new GraphQLClient(http, null).DataAsync(
            "mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }",
            new { input = new { email = $"prom-{Guid.NewGuid():N}@example.com", password = "password-1", name = "Prom" } });
        var shopper = new GraphQLClient(http, signUp.GetProperty("signUp").GetProperty("accessToken").GetString());

        await StorefrontOrders.PlaceAsync(shopper, product.Id, quantity: 2);

        // Each host is scraped on its own schedule: each figure is read once a scrape after the checkout has it.
        var orders = await ScrapedAsync(prometheus, "sum(eshop_orders_placed_total{job=\"eshop-silo\"})");
        var revenue = await ScrapedAsync(prometheus, "sum(eshop_revenue_total{currency=\"USD\"})");
        var checkouts = await ScrapedAsync(prometheus, "sum(graphql_operations_total{job=\"eshop-gateway\",operation=\"Checkout\",outcome=\"ok\"})");
        var durations = await ScrapedAsync(prometheus, "sum(eshop_checkout_duration_seconds_count)");
        var silosUp = await ScrapedAsync(prometheus, "sum(up{job=\"eshop-silo\"})");

        // Two 500 g units of 20.00 to Spain: 40.00 and 14.39 shipping.
        Assert.Equal((1d, 54.39d, 1d, 1d, 1d), (orders, Math.Round(revenue, 2), checkouts, durations, silosUp));
    }

    private static Task<double> ScrapedAsync(PrometheusProcess prometheus, string query) =>
        Eventually.MatchesAsync(() => prometheus.QueryAsync(query), v => v > 0, TimeSpan.FromSeconds(60));

    private sealed class PrometheusProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly string _directory;
        private readonly HttpClient _http;

        private PrometheusProcess(Process process, string directory, int port) =>
            (_process, _directory, _http) = (process, directory, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") });

        public static async Task<PrometheusProcess> StartAsync(int gatewayPort, int siloPort)
        {
            var binary = new[] { "/usr/bin/prometheus", "/usr/local/bin/prometheus" }.FirstOrDefault(File.Exists)
                ?? throw new InvalidOperationException("Prometheus is not installed: apt-get install prometheus (.ci/run does).");
            var directory = Directory.CreateTempSubdirectory("eshop-prometheus-").FullName;
            await File.WriteAllTextAsync(Path.Combine(directory, "prometheus.yml"), $$"""
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                scrape_configs:
                  - job_name: eshop-gateway
                    static_configs: [{ targets: ["127.0.0.1:{{gatewayPort}}"] }]
                  - job_name: eshop-silo
                    static_configs: [{ targets: ["127.0.0.1:{{siloPort}}"] }]
                """);
            var port = HostProcess.FreePort();
            var process = Process.Start(new ProcessStartInfo(binary,
            [
                $"--config.file={Path.Combine(directory, "prometheus.yml")}",
                $"--storage.tsdb.path={Path.Combine(directory, "data")}",
                $"--web.listen-address=127.0.0.1:{port}",
            ]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var prometheus = new PrometheusProcess(process, directory, port);
            await Eventually.MatchesAsync(async () =>
            {
                try
                {
                    return (await prometheus._http.GetAsync("/-/ready")).IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            }, ready => ready, TimeSpan.FromSeconds(30));
            return prometheus;
        }

        // The query's single value now; 0 when it has none yet.
        public async Task<double> QueryAsync(string query)
        {
            var answer = await _http.GetFromJsonAsync<JsonElement>($"/api/v1/query?query={Uri.EscapeDataString(query)}");
            var result = answer.GetProperty("data").GetProperty("result");
            return result.GetArrayLength() == 0 ? 0 : double.Parse(result[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
        }

        public async ValueTask DisposeAsync()
        {
            _http.Dispose();
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
            Directory.Delete(_directory, recursive: true);
        }
    }
}
