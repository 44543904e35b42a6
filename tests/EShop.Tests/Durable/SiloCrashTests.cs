using System.Collections.Concurrent;
using System.Diagnostics;
using EShop.Carts;
using EShop.Catalog;
using EShop.Catalog.Events;
using EShop.GraphQLGateway.Hosting;
using EShop.Ordering;
using EShop.Shared;
using EShop.Tests.Ordering;
using EShop.Tests.Shared;
using Xunit.Abstractions;

namespace EShop.Tests.Durable;

[Collection(DurableCollection.Name), Trait("Category", "Integration")]
public sealed class SiloCrashTests(ITestOutputHelper output)
{
    private const int Customers = 150, Units = 60;

    [Fact]
    public async Task KillNineOneOfThreeSilosDuringCheckouts_LosesNothingAndSellsEachUnitOnce()
    {
        await using var cluster = await DurableCluster.CreateAsync();
        for (var i = 0; i < 3; i++)
        {
            await cluster.StartSiloAsync();
        }

        var grains = await cluster.ConnectClientAsync();
        var product = await TestCatalog.CreateProductAsync(grains, price: 5m, stock: Customers);
        var buyers = await Task.WhenAll(Enumerable.Range(0, Customers).Select(_ => Checkouts.CustomerWithCartAsync(grains, (product.Id, 1))));
        await grains.GetGrain<ICatalogAdminGrain>(0).AdjustStockAsync(product.Id, Units - Customers);
        var probes = Enumerable.Range(0, 300).Select(_ => grains.GetGrain<ICustomerOrdersGrain>(Guid.NewGuid())).ToList();
        await Task.WhenAll(probes.Select(p => p.GetPageAsync(0, 1)));

        // Each shopper retries the same checkout (same key) until it gets an answer, as a storefront would.
        var answers = new ConcurrentDictionary<Guid, Result<OrderSnapshot>>();
        var waits = new ConcurrentBag<TimeSpan>();
        var started = 0;
        var shopping = Task.WhenAll(buyers.Select(async buyer =>
        {
            var request = Checkouts.Request(buyer, key: "crash-test");
            Interlocked.Increment(ref started);
            var clock = Stopwatch.StartNew();
            answers[buyer] = await UntilAnsweredAsync(() => Checkouts.CheckoutAsync(grains, request));
            waits.Add(clock.Elapsed);
        }));

        // Kill in the thick of it: once the first checkouts are through, long before the last.
        await Eventually.MatchesAsync(() => Task.FromResult(answers.Count), n => n >= 10, TimeSpan.FromSeconds(60));
        var victim = cluster.Silos[1];
        victim.Kill();
        var answeredAtKill = answers.Count;
        var recovery = Stopwatch.StartNew();
        await UntilAnsweredAsync(async () => (await Task.WhenAll(probes.Select(p => p.GetPageAsync(0, 1).WaitAsync(TimeSpan.FromSeconds(2))))).Length);
        recovery.Stop();
        await shopping.WaitAsync(TimeSpan.FromMinutes(6));
        output.WriteLine($"Killed silo {victim.Id} with {answeredAtKill} of {Customers} checkouts answered; all 300 probe grains answered again after {recovery.Elapsed.TotalSeconds:F1} s; the slowest checkout took {waits.Max().TotalSeconds:F1} s.");

        var sold = answers.Where(a => a.Value.Succeeded).ToList();
        var refused = answers.Where(a => !a.Value.Succeeded).ToList();
        var stock = (await TestCatalog.ReadAsync(grains, product.Id))!.Stock;
        var placed = 0;
        foreach (var buyer in buyers)
        {
            placed += await grains.GetGrain<IOrderGrain>(OrderIds.ForCheckout(buyer, "crash-test")).GetAsync() is null ? 0 : 1;
        }

        output.WriteLine($"placed {placed}, sold {sold.Count}, refused {refused.Count} ({string.Join(',', refused.SelectMany(r => r.Value.Errors.Select(e => e.Code)).Distinct())}), stock {stock}");
        Assert.Equal(Customers, answers.Count);
        Assert.True(answeredAtKill < Customers, "The silo died after the traffic: nothing was tested.");
        Assert.Equal(Units, sold.Count);
        Assert.Equal(Units, placed);
        Assert.All(refused, r => Assert.Equal([ErrorCodes.OutOfStock], r.Value.Errors.Select(e => e.Code)));
        foreach (var (buyer, answer) in sold)
        {
            var stored = await grains.GetGrain<IOrderGrain>(answer.Value!.Id).GetAsync();
            Assert.Equal((buyer, 1), (stored!.CustomerId, stored.Lines.Sum(l => l.Quantity)));
            Assert.Equal([answer.Value.Id], (await grains.GetGrain<ICustomerOrdersGrain>(buyer).GetPageAsync(0, 5)).OrderIds.ToArray());
        }

        foreach (var (buyer, _) in refused)
        {
            Assert.Equal(1, (await grains.GetGrain<ICartGrain>(buyer).GetAsync()).ItemCount);
        }

        // An order id is a function of the key, so a second order for a key would have to be the same grain: the
        // orders that exist are exactly the acknowledged ones, and stock plus units sold is the initial stock.
        Assert.Equal(Units, stock + sold.Count);
    }

    [Fact]
    public async Task EventPublishedWhileTheSiloIsDown_IsDeliveredAfterItComesBack_AndAppliedOnce()
    {
        await using var cluster = await DurableCluster.CreateAsync();
        var silo = await cluster.StartSiloAsync();
        var grains = await cluster.ConnectClientAsync();
        var snapshot = new ProductSnapshot(TestCatalog.NewSku(), "eshop", "Crash test", "", "c", 1, 10m, 0m, 5, DateTimeOffset.UtcNow, 1);
        var stream = grains.GetStreamProvider(StreamNames.Provider)
            .GetStream<CatalogEvent>(Orleans.Runtime.StreamId.Create(StreamNames.Catalog, IProductPartitionGrain.StreamKey(snapshot.Id)));

        // Frozen, the silo cannot deliver; the events wait in PostgreSQL. The duplicate stands for a redelivery.
        await silo.FreezeAsync();
        var created = new ProductCreated(snapshot, DateTimeOffset.UtcNow);
        await stream.OnNextAsync(created);
        await stream.OnNextAsync(created);
        await stream.OnNextAsync(new StockChanged(snapshot with { Stock = 4, Version = 2 }, DateTimeOffset.UtcNow, -1, "sold"));
        silo.Kill();
        await cluster.StartSiloAsync(index: 0);

        var history = await Eventually.MatchesAsync(
            () => grains.GetGrain<IProductHistoryGrain>(snapshot.Id).GetAsync(), h => h.Any(e => e.Version == 2), TimeSpan.FromSeconds(90));
        Assert.Equal([(1L, "ProductCreated"), (2L, "StockChanged")], history.Select(h => (h.Version, h.Type)));
    }

    [Fact]
    public async Task GatewayWithTwoSilos_KeepsAnsweringWhenOneIsKilled()
    {
        await using var cluster = await DurableCluster.CreateAsync();
        await cluster.StartSiloAsync();
        await cluster.StartSiloAsync();
        var gateway = await cluster.StartGatewayAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{gateway.HttpPort}"), Timeout = TimeSpan.FromSeconds(5) };
        var storefront = new GraphQLClient(http, null);
        var before = await storefront.DataAsync("{ categories { id } products(first: 1) { totalCount } }");

        cluster.Silos[0].Kill();
        var outage = Stopwatch.StartNew();
        var after = await UntilAnsweredAsync(() => storefront.DataAsync("{ categories { id } products(first: 1) { totalCount } }"));
        var answeredAfter = outage.Elapsed;
        await UntilAnsweredAsync(async () => (await http.GetAsync("/health")).EnsureSuccessStatusCode());
        output.WriteLine($"After silo {cluster.Silos[0].Id} was killed the gateway answered GraphQL after {answeredAfter.TotalSeconds:F1} s and /health was 200 again after {outage.Elapsed.TotalSeconds:F1} s.");

        Assert.Equal(before.GetProperty("products").GetProperty("totalCount").GetInt32(), after.GetProperty("products").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task GatewayWithTwoSilos_AnswersRequestsCaughtOnAKilledSilo_WithoutWaitingOutTheResponseTimeout()
    {
        await using var cluster = await DurableCluster.CreateAsync();
        await cluster.StartSiloAsync();
        await cluster.StartSiloAsync();
        var gateway = await cluster.StartGatewayAsync(new Dictionary<string, string>
        {
            ["EShop__RateLimits__SignUpsPerMinute"] = "100000",
            ["EShop__RateLimits__RequestsPerSecond"] = "0",
        });
        var grains = await cluster.ConnectClientAsync();
        var product = await TestCatalog.CreateProductAsync(grains, stock: 100);

        // Shorter than Orleans' 30 s response timeout, which is what a request lost with the silo waited for before.
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{gateway.HttpPort}"), Timeout = TimeSpan.FromSeconds(20) };
        var shoppers = new List<GraphQLClient>();
        for (var i = 0; i < 12; i++)
        {
            var signedUp = await new GraphQLClient(http, null).DataAsync(
                "mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }",
                new { input = new { email = $"caught-{i}-{Guid.NewGuid():N}@example.com", password = "password-1", name = "Caught" } });
            shoppers.Add(new GraphQLClient(http, signedUp.GetProperty("signUp").GetProperty("accessToken").GetString()));
        }

        const string SetQuantity = "mutation($id: ID!, $quantity: Int!) { setCartQuantity(productId: $id, quantity: $quantity) { cart { itemCount } } }";
        await Task.WhenAll(shoppers.Select(s => s.DataAsync(SetQuantity, new { id = product.Id, quantity = 1 })));

        // Frozen, the silo takes requests and answers none, through its own gateway or forwarded to its grains; killed,
        // it takes them along.
        var victim = cluster.Silos[0];
        await victim.FreezeAsync();
        var clock = Stopwatch.StartNew();
        var requests = shoppers.Select(s => s.PostAsync(SetQuantity, new { id = product.Id, quantity = 2 })).ToList();
        await Task.Delay(TimeSpan.FromSeconds(1));
        victim.Kill();
        var answers = await Task.WhenAll(requests);
        output.WriteLine($"All {answers.Length} requests answered {clock.Elapsed.TotalSeconds:F1} s after the freeze: "
            + string.Join(", ", answers.Select(a => a.Body.TryGetProperty("errors", out var e) ? e[0].GetProperty("extensions").GetProperty("code").GetString() : "ok")));

        // Without the gateway's guard the requests on the killed silo would have waited 30 s, past the client's timeout.
        Assert.Contains(answers, a => a.Body.TryGetProperty("errors", out var errors)
            && errors[0].GetProperty("extensions").GetProperty("code").GetString() == ClusterCircuit.UnavailableCode);

        // Tried again, they reach the grains' new activations.
        foreach (var shopper in shoppers)
        {
            var cart = await UntilAnsweredAsync(() => shopper.DataAsync(SetQuantity, new { id = product.Id, quantity = 2 }));
            Assert.Equal(2, cart.GetProperty("setCartQuantity").GetProperty("cart").GetProperty("itemCount").GetInt32());
        }
    }

    // A checkout caught behind a transaction the dead silo took part in waits for PrepareTimeout, the death
    // declaration, or the call's 30 s response timeout; the deadline is far above that, as the assertions are what this
    // test is about.
    private static Task<T> UntilAnsweredAsync<T>(Func<Task<T>> call) => Eventually.AnsweredAsync(call, TimeSpan.FromMinutes(5));
}
