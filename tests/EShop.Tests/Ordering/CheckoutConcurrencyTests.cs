using EShop.Carts;
using EShop.Catalog;
using EShop.Ordering;
using EShop.Shared;
using EShop.Tests.Shared;

namespace EShop.Tests.Ordering;

// Checkouts racing each other (for the last units of a product, retries of one idempotency key) and the customer's
// own cart changes.
[Collection(ClusterCollection.Name)]
public sealed class CheckoutConcurrencyTests(EShopClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task Checkout_TwentyConcurrentRetriesOfOneKey_PlaceOneOrder()
    {
        var product = await TestCatalog.CreateProductAsync(_grains, stock: 100);
        var customerId = await Checkouts.CustomerWithCartAsync(_grains, (product.Id, 3));
        var request = Checkouts.Request(customerId);

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Checkouts.CheckoutAsync(_grains, request)));

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Single(results.Select(r => r.Value!.Id).Distinct());
        Assert.Equal(97, (await TestCatalog.ReadAsync(_grains, product.Id))!.Stock);
        Assert.Equal(1, (await _grains.History(customerId).GetPageAsync(0, 10)).TotalCount);
    }

    [Fact]
    public async Task Checkout_TwoHundredCustomersForFiftyUnits_SellsExactlyFiftyAndNoPartialOrders()
    {
        const int customers = 200, units = 50;
        var product = await TestCatalog.CreateProductAsync(_grains, price: 9.99m, stock: customers);
        var other = await TestCatalog.CreateProductAsync(_grains, price: 1m, stock: 1_000);
        var buyers = await Task.WhenAll(Enumerable.Range(0, customers).Select(_ => Checkouts.CustomerWithCartAsync(_grains, (product.Id, 1), (other.Id, 1))));
        await _grains.CatalogAdmin().AdjustStockAsync(product.Id, units - customers);

        var results = await Task.WhenAll(buyers.Select(b => Checkouts.CheckoutAsync(_grains, Checkouts.Request(b))));

        var sold = results.Where(r => r.Succeeded).ToList();
        Assert.Equal(units, sold.Count);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal([ErrorCodes.OutOfStock], r.Errors.Select(e => e.Code)));
        Assert.All(sold, r => Assert.Equal(2, r.Value!.Lines.Length));
        Assert.Equal(0, (await TestCatalog.ReadAsync(_grains, product.Id))!.Stock);
        Assert.Equal(1_000 - units, (await TestCatalog.ReadAsync(_grains, other.Id))!.Stock);
        Assert.Equal((0, 1_000 - units), ((await _grains.Catalog().GetProductAsync(product.Id))!.Stock, (await _grains.Catalog().GetProductAsync(other.Id))!.Stock));
        var failed = buyers.Where((_, i) => !results[i].Succeeded).ToList();
        Assert.All(await Task.WhenAll(failed.Select(b => _grains.Cart(b).GetAsync())), c => Assert.Equal(2, c.ItemCount));
        Assert.All(await Task.WhenAll(failed.Select(b => _grains.History(b).GetPageAsync(0, 1))), h => Assert.Equal(0, h.TotalCount));
    }

    // Checkout reads the cart before its transaction and locks the cart last in it (see CheckoutAttempt): a line
    // added in between must end up either in the order or still in the cart, never cleared unsold.
    [Fact]
    public async Task Checkout_RacingALineAddedToTheCart_OrdersExactlyTheCartItClears()
    {
        const int customers = 30;
        var first = await TestCatalog.CreateProductAsync(_grains, stock: 1_000);
        var added = await TestCatalog.CreateProductAsync(_grains, stock: 1_000);
        var buyers = await Task.WhenAll(Enumerable.Range(0, customers).Select(_ => Checkouts.CustomerWithCartAsync(_grains, (first.Id, 1))));

        // The additions are spread over the checkouts' duration so that they land before, between and after their steps.
        var orders = await Task.WhenAll(buyers.Select(async (buyer, i) =>
        {
            var checkout = Checkouts.CheckoutAsync(_grains, Checkouts.Request(buyer));
            await Task.Delay(TimeSpan.FromMilliseconds(i * 5));
            await TransactionRetry.Pipeline.ExecuteAsync(async _ => await _grains.Cart(buyer).AddAsync(added.Id, 1));
            return (await checkout).Value!;
        }));

        var carts = await Task.WhenAll(buyers.Select(b => _grains.Cart(b).GetAsync()));
        for (var i = 0; i < customers; i++)
        {
            var ordered = orders[i].Lines.Where(l => l.ProductId == added.Id).Sum(l => l.Quantity);
            Assert.Equal(1, orders[i].Lines.Single(l => l.ProductId == first.Id).Quantity);
            Assert.Equal(1, ordered + carts[i].Lines.Where(l => l.ProductId == added.Id).Sum(l => l.Quantity));
            Assert.DoesNotContain(carts[i].Lines, l => l.ProductId == first.Id);
        }

        var soldAdded = orders.Sum(o => o.Lines.Where(l => l.ProductId == added.Id).Sum(l => l.Quantity));
        Assert.Equal((1_000 - customers, 1_000 - soldAdded), ((await TestCatalog.ReadAsync(_grains, first.Id))!.Stock, (await TestCatalog.ReadAsync(_grains, added.Id))!.Stock));
    }
}
