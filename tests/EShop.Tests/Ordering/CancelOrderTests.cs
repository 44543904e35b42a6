using EShop.Catalog;
using EShop.Ordering;
using EShop.Shared;
using EShop.Tests.Shared;

namespace EShop.Tests.Ordering;

[Collection(ClusterCollection.Name)]
public sealed class CancelOrderTests(EShopClusterFixture fixture)
{
    private readonly IGrainFactory _grains = fixture.Grains;

    [Fact]
    public async Task Cancel_PendingOrder_ReleasesStockAndRecordsTheChange()
    {
        var product = await TestCatalog.CreateProductAsync(_grains, stock: 5);
        var customerId = await Checkouts.CustomerWithCartAsync(_grains, (product.Id, 2));
        var order = (await Checkouts.CheckoutAsync(_grains, Checkouts.Request(customerId))).Value!;

        var result = await _grains.GetGrain<IOrderProcessGrain>(order.Id).CancelAsync("changed my mind");

        Assert.Equal(OrderStatus.Cancelled, result.Value!.Status);
        Assert.Equal(OrderTimeline.Placed, result.Value.Timeline[0].Type);
        Assert.Equal((OrderTimeline.Cancelled, "changed my mind"), (result.Value.Timeline[^1].Type, result.Value.Timeline[^1].Detail));
        Assert.Equal(5, (await TestCatalog.ReadAsync(_grains, product.Id))!.Stock);
        Assert.Equal(5, (await _grains.GetGrain<ICatalogGrain>(ICatalogGrain.Key).GetProductAsync(product.Id))!.Stock);
    }

    [Fact]
    public async Task Cancel_AlreadyCancelled_ReturnsInvalidStateAndReleasesNothingMore()
    {
        var product = await TestCatalog.CreateProductAsync(_grains, stock: 5);
        var customerId = await Checkouts.CustomerWithCartAsync(_grains, (product.Id, 2));
        var order = (await Checkouts.CheckoutAsync(_grains, Checkouts.Request(customerId))).Value!;
        var process = _grains.GetGrain<IOrderProcessGrain>(order.Id);
        await process.CancelAsync("first");

        var again = await process.CancelAsync("second");

        Assert.Equal(ErrorCodes.InvalidState, Assert.Single(again.Errors).Code);
        Assert.Equal(5, (await TestCatalog.ReadAsync(_grains, product.Id))!.Stock);
    }

    [Fact]
    public async Task Cancel_WhileOthersCheckOutTheSameProduct_ReleasesItsUnitsExactlyOnce()
    {
        var product = await TestCatalog.CreateProductAsync(_grains, stock: 100);
        var customerId = await Checkouts.CustomerWithCartAsync(_grains, (product.Id, 3));
        var order = (await Checkouts.CheckoutAsync(_grains, Checkouts.Request(customerId))).Value!;
        var others = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => Checkouts.CustomerWithCartAsync(_grains, (product.Id, 1))));

        var checkouts = Task.WhenAll(others.Select(o => Checkouts.CheckoutAsync(_grains, Checkouts.Request(o))));
        var cancels = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _grains.GetGrain<IOrderProcessGrain>(order.Id).CancelAsync("changed my mind")));

        Assert.All(await checkouts, r => Assert.True(r.Succeeded));
        Assert.Equal([true, false, false], cancels.Select(c => c.Succeeded).Order().Reverse());
        Assert.All(cancels.Where(c => !c.Succeeded), c => Assert.Equal(ErrorCodes.InvalidState, Assert.Single(c.Errors).Code));
        Assert.Equal(100 - 30, (await TestCatalog.ReadAsync(_grains, product.Id))!.Stock);
        Assert.Equal(OrderStatus.Cancelled, (await _grains.GetGrain<IOrderGrain>(order.Id).GetAsync())!.Status);
    }

    [Fact]
    public async Task Cancel_UnknownOrder_ReturnsNotFound()
    {
        var result = await _grains.GetGrain<IOrderProcessGrain>(Guid.NewGuid()).CancelAsync("nothing there");

        Assert.Equal(ErrorCodes.NotFound, Assert.Single(result.Errors).Code);
    }
}
