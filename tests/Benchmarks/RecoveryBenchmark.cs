using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using EShop.Catalog;
using EShop.Customers;

namespace EShop.Benchmarks;

// Two Durable silos behind the gateway; shoppers buy one unit at a time from a few products, each checkout retried
// with its idempotency key until it is acknowledged (an order comes back). One silo is killed with kill -9 midway.
// Measured: for each product, the longest time without an acknowledged order around the kill. Checked afterwards:
// every acknowledged order exists, no key gave two orders, and each product's stock fell by exactly its orders.
public static class RecoveryBenchmark
{
    private const int Products = 8, Shoppers = 32;
    private const long Stock = 1_000_000;

    private const string SetAndCheckout =
        "mutation($productId: ID!, $key: String!) { setCartQuantity(productId: $productId, quantity: 1) { userErrors { code message } } " + Storefront.Checkout + " }";

    public static async Task RunAsync(Storefront storefront, IGrainFactory grains, ChildProcess victim, TimeSpan before, TimeSpan after, string stamp)
    {
        var products = Enumerable.Range(1, Products).Select(i => new ProductImport($"recovery-{i}", new ProductDetails(
            $"Recovery Product {i}", "A product of the recovery benchmark.", "electronics", 10m + i, (int)Stock, 500))).ToArray();
        StaffContext.Grant(StaffContext.System);
        var imported = await grains.GetGrain<ICatalogAdminGrain>(0).ImportProductsAsync([.. products]);
        if (!imported.Succeeded)
        {
            throw new InvalidOperationException(imported.Errors[0].Message);
        }

        var tokens = await Task.WhenAll(Enumerable.Range(0, Shoppers).Select(i => storefront.SignUpAsync($"recovery-{stamp}-{i}@example.com")));
        var acknowledged = new ConcurrentBag<(int Product, TimeSpan At, string OrderId, string Key)>();
        var clock = Stopwatch.StartNew();
        var stop = before + after;
        var failures = new ConcurrentDictionary<string, int>();
        await Task.WhenAll(
            Task.Run(async () =>
            {
                await Task.Delay(before);
                victim.Kill();
                Console.WriteLine($"kill -9 of the second silo at {clock.Elapsed.TotalSeconds:F1} s");
            }),
            Task.WhenAll(Enumerable.Range(0, Shoppers).Select(async shopper =>
            {
                for (var n = 0; clock.Elapsed < stop; n++)
                {
                    var product = shopper % Products;
                    var key = $"recovery-{shopper}-{n}";
                    while (true)
                    {
                        string failure;
                        try
                        {
                            var data = await storefront.PostAsync(SetAndCheckout, new { productId = products[product].ProductId, key }, tokens[shopper]);
                            if (data.GetProperty("checkout").GetProperty("order") is { ValueKind: JsonValueKind.Object } order)
                            {
                                acknowledged.Add((product, clock.Elapsed, order.GetProperty("id").GetString()!, key));
                                break;
                            }

                            failure = "no order";
                        }
                        catch (Exception exception)
                        {
                            failure = Regex.Match(exception.Message, "\"code\":\"(\\w+)\"") is { Success: true } code ? code.Groups[1].Value : exception.GetType().Name;
                        }

                        failures.AddOrUpdate(failure, 1, (_, n) => n + 1);
                        await Task.Delay(200);
                    }
                }
            })));

        var acks = acknowledged.ToList();
        Console.WriteLine($"{acks.Count} orders acknowledged, {failures.Values.Sum()} tries failed and were retried with the same key"
            + (failures.IsEmpty ? "" : $" ({string.Join(", ", failures.OrderByDescending(f => f.Value).Select(f => $"{f.Key} {f.Value}"))})"));
        var worst = TimeSpan.Zero;
        for (var product = 0; product < Products; product++)
        {
            // Over the load's window: after it only the shoppers still retrying an order buy, so an end of it would
            // stand for a gap that is the benchmark's own.
            var times = acks.Where(a => a.Product == product && a.At < stop).Select(a => a.At).Append(TimeSpan.Zero).Append(stop).Order().ToList();
            var (from, to) = times.Zip(times.Skip(1)).MaxBy(pair => pair.Second - pair.First);
            worst = to - from > worst ? to - from : worst;
            Console.WriteLine($"  {products[product].ProductId}: {acks.Count(a => a.Product == product)} orders, longest without one {(to - from).TotalSeconds:F1} s ({from.TotalSeconds:F1} s to {to.TotalSeconds:F1} s)");
        }

        Console.WriteLine($"Longest time any product went without an acknowledged order: {worst.TotalSeconds:F1} s");

        // Nothing lost, duplicated or oversold.
        var duplicates = acks.GroupBy(a => a.OrderId).Count(g => g.Count() > 1) + acks.GroupBy(a => a.Key).Count(g => g.Select(a => a.OrderId).Distinct().Count() > 1);
        var (missing, sold) = (0, new int[Products]);
        foreach (var ack in acks)
        {
            var shopper = int.Parse(ack.Key.Split('-')[1]);
            var order = (await storefront.PostAsync("query($id: ID!) { order(id: $id) { id status } }", new { id = ack.OrderId }, tokens[shopper])).GetProperty("order");
            missing += order.ValueKind == JsonValueKind.Object ? 0 : 1;
            sold[ack.Product] += order.ValueKind == JsonValueKind.Object && order.GetProperty("status").GetString() != "CANCELLED" ? 1 : 0;
        }

        var mismatched = 0;
        for (var product = 0; product < Products; product++)
        {
            var stock = (await storefront.PostAsync("query($id: ID!) { product(id: $id) { stock } }", new { id = products[product].ProductId }))
                .GetProperty("product").GetProperty("stock").GetInt64();
            mismatched += Stock - stock == sold[product] ? 0 : 1;
        }

        Console.WriteLine($"Acknowledged orders missing: {missing}; keys or orders duplicated: {duplicates}; products whose stock does not match their orders: {mismatched}");
    }
}
