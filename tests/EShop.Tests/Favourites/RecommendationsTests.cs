using EShop.Catalog;
using EShop.Favourites;
using EShop.Tests.Shared;

namespace EShop.Tests.Favourites;

[Collection(ClusterCollection.Name)]
public sealed class RecommendationsTests(EShopClusterFixture fixture)
{
    private IRecommendationsGrain Recommendations => fixture.Grains.GetGrain<IRecommendationsGrain>(0);

    [Fact]
    public async Task ForProduct_RanksByOrdersTogether_ThenById_CountingARepeatedOrderOnce_WithoutPadding()
    {
        var category = TestCatalog.NewCategoryId();
        var (a, b, c, d, bestSeller) = (await ProductAsync(category), await ProductAsync(category), await ProductAsync(category), await ProductAsync(category), await ProductAsync(category));
        var twice = Purchase(a, b);

        await AppendAsync(twice, twice, Purchase(a, b), Purchase(a, c, d), Purchase(b, c), Purchase([bestSeller], quantity: 9));

        // The category's best seller was never bought with a: five asked for, three partners answered.
        var (cId, dId) = string.CompareOrdinal(c.Id, d.Id) < 0 ? (c.Id, d.Id) : (d.Id, c.Id);
        await EventuallyRecommendedAsync(a.Id, 5, [b.Id, cId, dId]);
        var co = await fixture.Grains.GetGrain<ICoPurchaseGrain>(a.Id).GetAsync();
        Assert.Equal((3L, 2L), (co.UnitsSold, co.Top.Single(p => p.ProductId == b.Id).Count));
    }

    [Fact]
    public async Task ForProduct_WithNoPartnerThatCanBeSold_RecommendsTheCategorysBestSellers_NeverItselfOrWhatNobodyBought()
    {
        var category = TestCatalog.NewCategoryId();
        var a = await ProductAsync(category);
        var soldOut = await ProductAsync(category, stock: 1);
        var gone = await ProductAsync(category);
        await fixture.Grains.GetGrain<ICatalogAdminGrain>(0).RemoveProductAsync(gone.Id);
        var (best, second, unsold) = (await ProductAsync(category), await ProductAsync(category), await ProductAsync(category));
        await fixture.Grains.GetGrain<ICatalogAdminGrain>(0).AdjustStockAsync(soldOut.Id, -1);

        await AppendAsync(Purchase(a, soldOut), Purchase(a, gone), Purchase([gone], quantity: 9), Purchase([best], quantity: 3), Purchase([second], quantity: 2), Purchase(a));

        await EventuallyRecommendedAsync(a.Id, 5, [best.Id, second.Id]);
        Assert.Equal(0L, (await fixture.Grains.GetGrain<ICoPurchaseGrain>(unsold.Id).GetAsync()).UnitsSold);
        Assert.Equal(10L, (await fixture.Grains.GetGrain<ICoPurchaseGrain>(gone.Id).GetAsync()).UnitsSold);
    }

    [Fact]
    public async Task ForProduct_UnknownProduct_IsNotFound()
    {
        var result = await Recommendations.ForProductAsync("sku-nobody-made", 5);

        Assert.Equal(EShop.Shared.ErrorCodes.NotFound, Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task ForCustomer_RelatesFavouritesAndOrders_LeavingOutWhatTheyBought()
    {
        var category = TestCatalog.NewCategoryId();
        var (liked, bought, withLiked, withBought, alsoBought) =
            (await ProductAsync(category), await ProductAsync(category), await ProductAsync(category), await ProductAsync(category), await ProductAsync(category));
        var customer = Guid.NewGuid();
        await fixture.Grains.GetGrain<IFavouritesGrain>(customer).AddAsync(liked.Id);
        await AppendAsync(Purchase(liked, withLiked), Purchase(liked, withLiked), Purchase(bought, withBought), Purchase(bought, alsoBought));
        var own = Purchase(bought, alsoBought) with { CustomerId = customer };
        await AppendAsync(own);
        await fixture.Grains.GetGrain<ICustomerPurchasesGrain>(customer).RecordAsync(own);

        List<string> expected = [withLiked.Id, withBought.Id];
        var picks = await Eventually.MatchesAsync(async () => (await Recommendations.ForCustomerAsync(customer, 2)).Select(p => p.Id).ToList(), expected.SequenceEqual);

        Assert.Equal(expected, picks);
    }

    [Fact]
    public async Task ForCustomer_WithTooLittleHistory_RecommendsTheBestSellersOfTheirFavouritesCategories()
    {
        var category = TestCatalog.NewCategoryId();
        var (liked, best, other) = (await ProductAsync(category), await ProductAsync(category), await ProductAsync(category));
        var customer = Guid.NewGuid();
        await fixture.Grains.GetGrain<IFavouritesGrain>(customer).AddAsync(liked.Id);
        await AppendAsync(Purchase([best], quantity: 4), Purchase([other], quantity: 1), Purchase([liked], quantity: 9));

        List<string> expected = [best.Id, other.Id];
        var picks = await Eventually.MatchesAsync(async () => (await Recommendations.ForCustomerAsync(customer, 5)).Select(p => p.Id).ToList(), expected.SequenceEqual);

        Assert.Equal(expected, picks);
    }

    [Fact]
    public async Task Rebuild_FromTheStoredPurchases_GivesTheLiveAnswer()
    {
        var category = TestCatalog.NewCategoryId();
        var products = new List<ProductSnapshot>();
        for (var i = 0; i < 6; i++)
        {
            products.Add(await ProductAsync(category));
        }

        var random = new Random(7);
        var purchases = Enumerable.Range(0, 40).Select(_ => Purchase([.. products.Where(_ => random.Next(3) == 0).DefaultIfEmpty(products[0])])).ToList();
        await AppendAsync([.. purchases, purchases[3], purchases[9]]);
        var expected = CoPurchaseTally.Build(purchases);
        var live = new List<List<string>>();
        foreach (var product in products)
        {
            var projected = await Eventually.MatchesAsync(() => fixture.Grains.GetGrain<ICoPurchaseGrain>(product.Id).GetAsync(), c => c.UnitsSold == expected[product.Id].UnitsSold);
            Assert.Equal<ProductCount>(expected[product.Id].ToCoPurchases().Top, projected.Top);
            live.Add([.. (await Recommendations.ForProductAsync(product.Id, 5)).Value!.Select(p => p.Id)]);
        }

        // Entries the live projection would never correct (counted up to far beyond the log): only the rebuild can.
        var far = Enumerable.Range(0, IPurchaseLogGrain.Partitions).ToDictionary(p => p, _ => long.MaxValue / 2);
        foreach (var product in products.Take(3))
        {
            await fixture.Grains.GetGrain<ICoPurchaseGrain>(product.Id).ReplaceAsync(999, new Dictionary<string, long> { ["sku-bogus"] = 500 }, far);
        }

        var read = await Recommendations.RebuildAsync();
        var rebuilt = new List<List<string>>();
        foreach (var product in products)
        {
            rebuilt.Add([.. (await Recommendations.ForProductAsync(product.Id, 5)).Value!.Select(p => p.Id)]);
        }

        Assert.True(read >= purchases.Count);
        Assert.Equal(live, rebuilt);
        foreach (var product in products)
        {
            var entry = await fixture.Grains.GetGrain<ICoPurchaseGrain>(product.Id).GetAsync();
            Assert.Equal(purchases.Count(p => p.Items.Any(i => i.ProductId == product.Id)), entry.UnitsSold);
            Assert.Equal(CountedApart(purchases, product.Id), entry.Top.Select(c => (c.ProductId, c.Count)));
        }
    }

    // Pair counts as plainly as they can be made: every other product of every order with this one, ranked.
    private static List<(string, long)> CountedApart(List<Purchase> purchases, string productId) =>
        [.. purchases.Where(p => p.Items.Any(i => i.ProductId == productId))
            .SelectMany(p => p.Items.Select(i => i.ProductId).Where(id => id != productId).Distinct())
            .GroupBy(id => id).Select(g => (Id: g.Key, Count: (long)g.Count()))
            .OrderByDescending(c => c.Count).ThenBy(c => c.Id, StringComparer.Ordinal)];

    [Fact]
    public async Task OrderPlaced_DeliveredTwice_IsCountedOnce()
    {
        var category = TestCatalog.NewCategoryId();
        var (a, b) = (await ProductAsync(category), await ProductAsync(category));
        var (customer, first, second) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var stream = fixture.Cluster.Client.GetStreamProvider(EShop.Shared.StreamNames.Provider)
            .GetStream<EShop.Ordering.Events.OrderingEvent>(Orleans.Runtime.StreamId.Create(EShop.Shared.StreamNames.Ordering, first.ToString()));
        var placed = Placed(first, customer, (a.Id, 2), (b.Id, 1));

        await stream.OnNextAsync(placed);
        await stream.OnNextAsync(placed);

        // One stream delivers in order: once the third event is counted, both copies of the first have been handled.
        await stream.OnNextAsync(Placed(second, customer, (a.Id, 5)));
        var counted = await Eventually.MatchesAsync(() => fixture.Grains.GetGrain<ICoPurchaseGrain>(a.Id).GetAsync(), c => c.UnitsSold >= 7);
        var bought = await fixture.Grains.GetGrain<ICustomerPurchasesGrain>(customer).GetAsync();
        var logged = await fixture.Grains.GetGrain<IPurchaseLogGrain>(IPurchaseLogGrain.Of(first)).ReadAsync();

        Assert.Equal((7L, 1L), (counted.UnitsSold, Assert.Single(counted.Top).Count));
        Assert.Equal(new[] { a.Id, b.Id }.Order(StringComparer.Ordinal), bought.Bought.Order(StringComparer.Ordinal));
        Assert.Single(logged, p => p.OrderId == first);
    }

    private static EShop.Ordering.Events.OrderPlaced Placed(Guid orderId, Guid customerId, params (string ProductId, int Quantity)[] lines) =>
        new(orderId, customerId, DateTimeOffset.UtcNow, [.. lines.Select(l => new EShop.Ordering.OrderLine(l.ProductId, "Thing", l.Quantity, 10m))], 0m);

    // The projection runs behind the log: waits until the answer is the expected one, or fails with the last one.
    private async Task EventuallyRecommendedAsync(string productId, int first, List<string> expected)
    {
        var ids = await Eventually.MatchesAsync(async () => (await Recommendations.ForProductAsync(productId, first)).Value!.Select(p => p.Id).ToList(), expected.SequenceEqual);
        Assert.Equal(expected, ids);
    }

    private Task<ProductSnapshot> ProductAsync(string category, int stock = 10) =>
        TestCatalog.CreateProductAsync(fixture.Grains, stock: stock, categoryId: category);

    private Task AppendAsync(params Purchase[] purchases) =>
        Task.WhenAll(purchases.Select(p => fixture.Grains.GetGrain<IPurchaseLogGrain>(IPurchaseLogGrain.Of(p.OrderId)).AppendAsync(p)));

    private static Purchase Purchase(params ProductSnapshot[] products) => Purchase(products, 1);

    private static Purchase Purchase(ProductSnapshot[] products, int quantity) =>
        new(Guid.NewGuid(), Guid.NewGuid(), [.. products.Select(p => new PurchasedItem(p.Id, quantity))], DateTimeOffset.UtcNow);
}
