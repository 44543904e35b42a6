using System.Net;
using System.Diagnostics;
using System.Text.RegularExpressions;
using EShop.Benchmarks;
using EShop.Catalog;
using EShop.Customers;

// Usage (figures and how to read them: docs/benchmarks.md):
//   dotnet build EShop.sln -c Release
//   dotnet run -c Release --no-build --project tests/Benchmarks -- [seconds] [Local|Durable]
//       catalog reads (GraphQL vs minimal API), checkout through the gateway, and on Durable pgbench's ceiling
//   dotnet run -c Release --no-build --project tests/Benchmarks -- search [seconds] [productsPerCategory] [Local|Durable]
//       the demo catalog generated at 12 x productsPerCategory products (8334: 100,008), then catalog searches
//   dotnet run -c Release --no-build --project tests/Benchmarks -- recovery [seconds]
//       two Durable silos; shoppers buy while one silo is killed with kill -9 after seconds, and for seconds more
//   dotnet run -c Release --no-build --project tests/Benchmarks -- orders [count] [Local|Durable]
//       count checkouts, then the work each cost (calls, CPU, PostgreSQL transactions and rows) once every saga is done
//   dotnet run -c Release --no-build --project tests/Benchmarks -- watchers [count] [Local|Durable]
//       count customers favourite one product; then its price drops, until every one of them has the notification
var searchRun = args.FirstOrDefault() == "search";
var recoveryRun = args.FirstOrDefault() == "recovery";
var watchersRun = args.FirstOrDefault() == "watchers";
var ordersRun = args.FirstOrDefault() == "orders";
var rest = searchRun || recoveryRun || watchersRun || ordersRun ? args[1..] : args;
var seconds = rest.Length > 0 && !watchersRun && !ordersRun ? int.Parse(rest[0]) : 10;
var orderCount = ordersRun && rest.Length > 0 ? int.Parse(rest[0]) : 2_000;
var watchers = watchersRun && rest.Length > 0 ? int.Parse(rest[0]) : 10_000;
var durable = recoveryRun || rest.ElementAtOrDefault(searchRun ? 2 : 1) == "Durable";
var productsPerCategory = searchRun && rest.Length > 1 ? int.Parse(rest[1]) : 8334;
var duration = TimeSpan.FromSeconds(seconds);
const int ReadClients = 16, Shoppers = 32, SearchClients = 16;
const int GatewayPort = 30_100;
const string SiloUrl = "http://127.0.0.1:8181", SecondSiloUrl = "http://127.0.0.1:8183", GatewayUrl = "http://127.0.0.1:8180", MinimalApiUrl = "http://127.0.0.1:8182";

// A cluster of its own per run: Redis keeps a run's silos in the membership table after it ends, and a silo of the next
// run on the same port would be taken for an old one that never left (messages addressed to it, connections dropped).
var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss");
var clusterId = $"eshop-bench-{stamp}";
var orleans = new Dictionary<string, string>
{
    ["Orleans__SiloPort"] = "11211",
    ["Orleans__GatewayPort"] = GatewayPort.ToString(),
    ["Orleans__ClusterId"] = clusterId,
    ["EShop__DemoCatalog__Enabled"] = "true",
    ["Logging__LogLevel__Default"] = "Warning",
    ["Logging__LogLevel__EShop.Silo.DemoCatalog"] = "Information",

    // The load comes from one address: the per-address limits would measure themselves.
    ["EShop__RateLimits__RequestsPerSecond"] = "0",
    ["EShop__RateLimits__SignUpsPerMinute"] = "1000000",
};
if (searchRun)
{
    orleans["EShop__DemoCatalog__ProductsPerCategory"] = productsPerCategory.ToString();
}

if (ordersRun)
{
    foreach (var (name, value) in OrderWorkBenchmark.Settings)
    {
        orleans[name] = value;
    }
}

Directory.CreateDirectory(Path.Combine(ChildProcess.RepositoryRoot, ".data/logs"));
if (durable)
{
    // PostgreSQL (fsync on, the server's default) and Redis from deploy/local, and a fresh database for this run.
    await Database.UpAsync();
    orleans["EShop__Profile"] = "Durable";
    orleans["ConnectionStrings__Postgres"] = await Database.CreateAsync($"eshop_bench_{stamp}");
    orleans["ConnectionStrings__Redis"] = Database.Redis;
}

var started = DateTime.UtcNow;
await using var silo = ChildProcess.Start("src/Silo", SiloUrl, orleans, ".data/logs/bench-silo.log");
await using var second = recoveryRun
    ? ChildProcess.Start("src/Silo", SecondSiloUrl, new Dictionary<string, string>(orleans) { ["Orleans__SiloPort"] = "11212", ["Orleans__GatewayPort"] = $"{GatewayPort + 1}" }, ".data/logs/bench-silo-2.log")
    : null;
await using var gateway = ChildProcess.Start("src/GraphQLGateway", GatewayUrl, orleans, ".data/logs/bench-gateway.log");

// (b) The same catalog view behind a minimal API: what GraphQL costs on top of it.
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.UseUrls(MinimalApiUrl);
builder.UseOrleansClient(client => client
    .UseStaticClustering(new IPEndPoint(IPAddress.Loopback, GatewayPort))
    .Configure<Orleans.Configuration.ClusterOptions>(o => (o.ServiceId, o.ClusterId) = ("eshop", clusterId))
    .UseConnectionRetryFilter(async (_, ct) => { await Task.Delay(500, ct); return true; })
    .UseTransactions());
var app = builder.Build();
app.MapGet("/products/{id}", async (string id, IGrainFactory grains) =>
    await grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key).GetProductAsync(id) is { } p ? Results.Ok(p) : Results.NotFound());

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Shoppers * 2 }) { Timeout = TimeSpan.FromMinutes(5) };
await ChildProcess.WaitHealthyAsync(http, SiloUrl);
if (second is not null)
{
    await ChildProcess.WaitHealthyAsync(http, SecondSiloUrl);
}

await app.StartAsync();
await ChildProcess.WaitHealthyAsync(http, GatewayUrl);
var grains = app.Services.GetRequiredService<IGrainFactory>();
var storefront = new Storefront(http, GatewayUrl);
Console.WriteLine($"{Environment.ProcessorCount} cores, {(ordersRun ? $"{orderCount} orders" : $"{seconds} s per run")}; silo and gateway up in {(DateTime.UtcNow - started).TotalSeconds:F1} s");

var runs = new List<LoadRun>();
string? cpuPerOrder = null, gatewayPerRead = null;
List<string> cpuPerSearch = [];
if (recoveryRun)
{
    await RecoveryBenchmark.RunAsync(storefront, grains, second!, duration, duration, stamp);
    await app.StopAsync();
    return;
}

if (ordersRun)
{
    var shoppers = await CheckoutShoppers.SetUpAsync(storefront, grains, Shoppers, stamp);
    await OrderWorkBenchmark.RunAsync(shoppers, grains, http, SiloUrl, silo, gateway, orderCount, durable ? orleans["ConnectionStrings__Postgres"] : null);
    await app.StopAsync();
    return;
}

if (watchersRun)
{
    StaffContext.Grant(StaffContext.System);
    await WatchersBenchmark.RunAsync(grains, watchers, durable ? orleans["ConnectionStrings__Postgres"] : null);
    await app.StopAsync();
    return;
}

if (searchRun)
{
    var loaded = Regex.Match(await File.ReadAllTextAsync(Path.Combine(ChildProcess.RepositoryRoot, ".data/logs/bench-silo.log")), @"Loaded the demo catalog: (\d+) products in ([0-9.]+) s");
    Console.WriteLine($"Generated: {loaded.Groups[1].Value} products in {loaded.Groups[2].Value} s (silo log: Loaded the demo catalog)");
    foreach (var withWords in new[] { true, false })
    {
        // What a search costs each process (the load generator is this one), as for a checkout below.
        await SearchBenchmark.WarmUpAsync(storefront, SearchClients, withWords);
        var before = (Silo: silo.CpuTime, Gateway: gateway.CpuTime, Benchmark: Process.GetCurrentProcess().TotalProcessorTime);
        var search = await SearchBenchmark.RunAsync(storefront, SearchClients, duration, withWords);
        runs.Add(search);
        string Per(TimeSpan cpu) => $"{cpu.TotalMicroseconds / search.Requests:F0} µs";
        cpuPerSearch.Add($"CPU per search over run {search.Name[..4]}: silo {Per(silo.CpuTime - before.Silo)}, gateway {Per(gateway.CpuTime - before.Gateway)}, "
            + $"benchmark {Per(Process.GetCurrentProcess().TotalProcessorTime - before.Benchmark)}");
    }
}
else
{
    var skus = (await grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key).SearchAsync(new ProductQuery(null, null, null, null, true, ProductSort.Name, 0, 100)))
        .Items.Select(p => p.Id).ToArray();
    const string ProductById = "query($id: ID!) { product(id: $id) { id name price { amount currency } salePrice { amount } stock inStock } }";
    async Task<bool> GraphQLRead(int i)
    {
        await storefront.PostAsync(ProductById, new { id = skus[i % skus.Length] });
        return true;
    }

    async Task<bool> MinimalRead(int i)
    {
        using var response = await http.GetAsync($"{MinimalApiUrl}/products/{skus[i % skus.Length]}");
        await response.Content.ReadAsByteArrayAsync();
        return response.IsSuccessStatusCode;
    }

    await LoadRun.MeasureAsync("warm-up", ReadClients, TimeSpan.FromSeconds(3), GraphQLRead);
    await LoadRun.MeasureAsync("warm-up", ReadClients, TimeSpan.FromSeconds(3), MinimalRead);
    var gatewayBefore = gateway.CpuTime;
    runs.Add(await LoadRun.MeasureAsync($"(a) product(id), GraphQL, {ReadClients} clients", ReadClients, duration, GraphQLRead));
    gatewayPerRead = $"Gateway CPU per product(id) over run (a): {(gateway.CpuTime - gatewayBefore).TotalMicroseconds / runs[^1].Requests:F0} µs";
    runs.Add(await LoadRun.MeasureAsync($"(b) same view, minimal API, {ReadClients} clients", ReadClients, duration, MinimalRead));

    // (c) Checkout through the gateway: each of 32 signed-up shoppers, in a loop, adds one unit of one of 200 products
    // with deep stock and checks out (card, tok_visa), in one GraphQL mutation. The saga then pays and labels every
    // order on the same silo, cores and database while the run goes on.
    var shoppers = await CheckoutShoppers.SetUpAsync(storefront, grains, Shoppers, stamp);
    async Task<bool> Checkout(int shopper, int i) => await shoppers.CheckoutAsync(shopper, i) is not null;

    await LoadRun.MeasureAsync("warm-up", Shoppers, TimeSpan.FromSeconds(3), (s, i) => Checkout(s, 1_000_000 + i));
    // What an order costs each part, in CPU time over run (c): the saga's work for earlier orders goes on meanwhile, as
    // it does for these after it.
    var countersBefore = await SiloCounters.ReadAsync(http, SiloUrl);
    var cpuBefore = (Silo: silo.CpuTime, Gateway: gateway.CpuTime, Postgres: CpuTime.OfName("postgres"));
    var checkouts = await LoadRun.MeasureAsync($"(c) checkout, {(durable ? "Durable" : "Local")}, GraphQL, {Shoppers} shoppers", Shoppers, duration, Checkout);
    runs.Add(checkouts);
    cpuPerOrder = $"CPU per checkout over run (c): silo {Per(silo.CpuTime - cpuBefore.Silo)}, gateway {Per(gateway.CpuTime - cpuBefore.Gateway)}"
        + (durable ? $", PostgreSQL {Per(CpuTime.OfName("postgres") - cpuBefore.Postgres)}" : "")
        + Environment.NewLine + (await SiloCounters.ReadAsync(http, SiloUrl)).PerOrder(countersBefore, checkouts.Requests, "checkout over run (c)");
    string Per(TimeSpan cpu) => $"{cpu.TotalMilliseconds / checkouts.Requests:F1} ms";
}

Console.WriteLine();
Console.WriteLine("| run                                          | requests | errors |      req/s |  p50 ms |  p99 ms |");
Console.WriteLine("|----------------------------------------------|---------:|-------:|-----------:|--------:|--------:|");
runs.ForEach(Console.WriteLine);
Console.WriteLine();
cpuPerSearch.ForEach(Console.WriteLine);
if (!searchRun)
{
    Console.WriteLine($"GraphQL / minimal API: throughput {runs[0].PerSecond / runs[1].PerSecond:P0}, p50 latency x{runs[0].Percentile(50) / runs[1].Percentile(50):F2}");
    Console.WriteLine(gatewayPerRead);
    Console.WriteLine(cpuPerOrder);
}

if (durable && !searchRun)
{
    await Database.CreateAsync($"eshop_pgbench_{stamp}");
    var (tps, latency, cpu) = await PgBench.RunAsync("127.0.0.1", Database.PostgresPort, $"eshop_pgbench_{stamp}", Shoppers, seconds);
    Console.WriteLine($"pgbench, the checkout's writes as one PostgreSQL transaction, {Shoppers} clients: {tps:F0} tps, {latency:F2} ms average, PostgreSQL CPU {cpu.TotalMilliseconds:F2} ms per transaction");
    Console.WriteLine($"Durable checkouts / pgbench ceiling: {runs[2].PerSecond / tps:P1}");
}

await app.StopAsync();
