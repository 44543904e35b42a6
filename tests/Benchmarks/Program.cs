using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EShop.Benchmarks;
using EShop.Carts;
using EShop.Catalog;
using EShop.Ordering;

// Usage: dotnet build EShop.sln -c Release && dotnet run -c Release --project tests/Benchmarks [-- seconds concurrency Local|Durable]
var seconds = args.Length > 0 ? int.Parse(args[0]) : 10;
var concurrency = args.Length > 1 ? int.Parse(args[1]) : 16;
var durable = args.Length > 2 && args[2] == "Durable";
var duration = TimeSpan.FromSeconds(seconds);
const int GatewayPort = 30_100;
const string SiloUrl = "http://127.0.0.1:8181", GatewayUrl = "http://127.0.0.1:8180", MinimalApiUrl = "http://127.0.0.1:8182";

var orleans = new Dictionary<string, string>
{
    ["Orleans__SiloPort"] = "11211",
    ["Orleans__GatewayPort"] = GatewayPort.ToString(),
    ["Orleans__ClusterId"] = "eshop-bench",
    ["EShop__DemoCatalog__Enabled"] = "true",
    ["Logging__LogLevel__Default"] = "Warning",
};
Directory.CreateDirectory(Path.Combine(ChildProcess.RepositoryRoot, ".data/logs"));
var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss");
if (durable)
{
    // PostgreSQL (fsync on, the server's default) and Redis from deploy/local, and a fresh database for this run.
    await Database.UpAsync();
    orleans["EShop__Profile"] = "Durable";
    orleans["ConnectionStrings__Postgres"] = await Database.CreateAsync($"eshop_bench_{stamp}");
    orleans["ConnectionStrings__Redis"] = Database.Redis;
}

await using var silo = ChildProcess.Start("src/Silo", SiloUrl, orleans, ".data/logs/bench-silo.log");
await using var gateway = ChildProcess.Start("src/GraphQLGateway", GatewayUrl, orleans, ".data/logs/bench-gateway.log");

// (b) The same grain read behind a minimal API: what GraphQL costs on top of it.
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.UseUrls(MinimalApiUrl);
builder.UseOrleansClient(client => client
    .UseStaticClustering(new IPEndPoint(IPAddress.Loopback, GatewayPort))
    .Configure<Orleans.Configuration.ClusterOptions>(o => (o.ServiceId, o.ClusterId) = ("eshop", "eshop-bench"))
    .UseConnectionRetryFilter(async (_, ct) => { await Task.Delay(500, ct); return true; })
    .UseTransactions());
var app = builder.Build();
app.MapGet("/products/{id}", async (string id, IGrainFactory grains) =>
    await grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key).GetProductAsync(id) is { } p ? Results.Ok(p) : Results.NotFound());

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency * 2 });
await ChildProcess.WaitHealthyAsync(http, SiloUrl);
await app.StartAsync();
await ChildProcess.WaitHealthyAsync(http, GatewayUrl);
var grains = app.Services.GetRequiredService<IGrainFactory>();

var skus = (await grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key).SearchAsync(new ProductQuery(null, null, null, null, true, ProductSort.Name, 0, 100)))
    .Items.Select(p => p.Id).ToArray();
const string ProductByIdQuery = "query($id: ID!) { product(id: $id) { id name price { amount currency } salePrice { amount } stock inStock } }";

async Task<bool> GraphQLRead(int i)
{
    using var response = await http.PostAsJsonAsync(GatewayUrl + "/graphql", new { query = ProductByIdQuery, variables = new { id = skus[i % skus.Length] } });
    var body = await response.Content.ReadFromJsonAsync<JsonElement>();
    return response.IsSuccessStatusCode && !body.TryGetProperty("errors", out _);
}

async Task<bool> MinimalRead(int i)
{
    using var response = await http.GetAsync($"{MinimalApiUrl}/products/{skus[i % skus.Length]}");
    await response.Content.ReadFromJsonAsync<JsonElement>();
    return response.IsSuccessStatusCode;
}

Console.WriteLine($"Warming up ({Environment.ProcessorCount} cores, {concurrency} concurrent clients, {seconds} s per run)...");
await LoadRun.MeasureAsync("warm-up", concurrency, TimeSpan.FromSeconds(3), GraphQLRead);
await LoadRun.MeasureAsync("warm-up", concurrency, TimeSpan.FromSeconds(3), MinimalRead);
var graphql = await LoadRun.MeasureAsync("(a) product(id) via GraphQL over HTTP", concurrency, duration, GraphQLRead);
var minimal = await LoadRun.MeasureAsync("(b) same grain via minimal API (GET JSON)", concurrency, duration, MinimalRead);

// (c) Checkouts: one transaction over cart, products and order per customer, spread over 20 products.
var admin = grains.GetGrain<ICatalogAdminGrain>(0);
var hot = skus.Take(20).ToArray();
foreach (var sku in hot)
{
    await admin.AdjustStockAsync(sku, 1_000_000);
}

var prices = (await grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key).GetProductsAsync([.. hot])).ToDictionary(p => p.Id, p => p.SalePrice);
var carts = 20_000;
var customers = new Guid[carts];
await LoadRun.MeasureAsync("fill carts", concurrency, TimeSpan.FromMinutes(10), async i =>
{
    customers[i] = Guid.NewGuid();
    var cart = grains.GetGrain<ICartGrain>(customers[i]);
    return (await cart.AddAsync(hot[i % hot.Length], 1)).Succeeded && (await cart.AddAsync(hot[(i * 7 + 3) % hot.Length], 2)).Succeeded;
}, carts);
var address = new Address("Bench", "Calle 1", null, "Madrid", "28013", "ES");
var checkout = await LoadRun.MeasureAsync(durable ? "(c) checkout, Durable: PostgreSQL (grain call)" : "(c) checkout, memory storage (grain call)", concurrency, duration, async i =>
{
    var request = new CheckoutRequest(customers[i], "bench", address, ShippingSpeed.Standard, new PaymentDetails(PaymentMethod.Card, "tok_visa", null));
    return (await grains.GetGrain<IOrderProcessGrain>(OrderIds.ForCheckout(customers[i], "bench")).CheckoutAsync(request)).Succeeded;
}, carts);

Console.WriteLine();
Console.WriteLine("| run                                          | requests | errors |      req/s |  p50 ms |  p99 ms |");
Console.WriteLine("|----------------------------------------------|---------:|-------:|-----------:|--------:|--------:|");
Console.WriteLine(graphql);
Console.WriteLine(minimal);
Console.WriteLine(checkout);
Console.WriteLine();
Console.WriteLine($"GraphQL / minimal API: throughput {graphql.PerSecond / minimal.PerSecond:P0}, p50 latency x{graphql.Percentile(50) / minimal.Percentile(50):F2}");
if (durable)
{
    await Database.CreateAsync($"eshop_pgbench_{stamp}");
    var (tps, latency) = await PgBench.RunAsync("127.0.0.1", Database.PostgresPort, $"eshop_pgbench_{stamp}", concurrency, seconds);
    Console.WriteLine($"pgbench, the checkout's writes as one PostgreSQL transaction: {tps:F0} tps, {latency:F2} ms average");
    Console.WriteLine($"Durable checkouts / pgbench ceiling: {checkout.PerSecond / tps:P1}");
}
await app.StopAsync();
