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
        Assert.Equal([(OrderGrain.Placed, (string?)null), (OrderGrain.Cancelled, "changed my mind")],
            result.Value.Timeline.Select(e => (e.Type, e.Type == OrderGrain.Cancelled ? e.Detail : null)));
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
    public async Task Cancel_UnknownOrder_ReturnsNotFound()
    {
        var result = await _grains.GetGrain<IOrderProcessGrain>(Guid.NewGuid()).CancelAsync("nothing there");

        Assert.Equal(ErrorCodes.NotFound, Assert.Single(result.Errors).Code);
    }
}
