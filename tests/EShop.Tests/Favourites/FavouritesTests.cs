using EShop.Catalog;
using EShop.Favourites;
using EShop.Tests.Shared;

namespace EShop.Tests.Favourites;

[Collection(ClusterCollection.Name)]
public sealed class FavouritesTests(EShopClusterFixture fixture)
{
    private IFavouritesGrain Favourites(Guid customerId) => fixture.Grains.GetGrain<IFavouritesGrain>(customerId);

    [Fact]
    public async Task AddAndRemove_AreIdempotent_AndTheListIsNewestFirst()
    {
        var (lamp, rug) = (await TestCatalog.CreateProductAsync(fixture.Grains), await TestCatalog.CreateProductAsync(fixture.Grains));
        var favourites = Favourites(Guid.NewGuid());

        await favourites.AddAsync(lamp.Id);
        await favourites.AddAsync(rug.Id);
        var again = await favourites.AddAsync(lamp.Id);
        var removed = await favourites.RemoveAsync(rug.Id);
        var removedAgain = await favourites.RemoveAsync(rug.Id);

        Assert.Equal([rug.Id, lamp.Id], again.Value!.Select(f => f.ProductId));
        Assert.Equal([lamp.Id], removed.Select(f => f.ProductId));
        Assert.Equal([lamp.Id], removedAgain.Select(f => f.ProductId));
    }

    [Theory]
    [InlineData("sku-that-does-not-exist")]
    [InlineData("not a sku; DROP TABLE")]
    public async Task Add_UnknownProduct_IsNotFound_AndKeepsNothing(string productId)
    {
        var favourites = Favourites(Guid.NewGuid());

        var result = await favourites.AddAsync(productId);

        Assert.Equal([EShop.Shared.ErrorCodes.NotFound], ErrorCodesOf(result));
        Assert.Empty(await favourites.GetAsync());
    }

    [Fact]
    public async Task Add_The501st_IsRefused_UntilOneIsRemoved()
    {
        var products = await TestCatalog.ImportAsync(fixture.Grains, IFavouritesGrain.Capacity + 1);
        var favourites = Favourites(Guid.NewGuid());
        foreach (var product in products[..IFavouritesGrain.Capacity])
        {
            Assert.True((await favourites.AddAsync(product.ProductId)).Succeeded);
        }

        var refused = await favourites.AddAsync(products[^1].ProductId);
        await favourites.RemoveAsync(products[0].ProductId);
        var accepted = await favourites.AddAsync(products[^1].ProductId);

        Assert.Equal([EShop.Shared.ErrorCodes.LimitExceeded], ErrorCodesOf(refused));
        Assert.Equal((IFavouritesGrain.Capacity, products[^1].ProductId), (accepted.Value!.Length, accepted.Value[0].ProductId));
    }

    [Fact]
    public async Task Watchers_AreSpreadOverPartitionsByCustomer()
    {
        var product = await TestCatalog.CreateProductAsync(fixture.Grains);
        var customers = Enumerable.Range(0, 300).Select(_ => Guid.NewGuid()).ToList();

        await Task.WhenAll(customers.Select(c => Favourites(c).AddAsync(product.Id)));
        await Favourites(customers[0]).RemoveAsync(product.Id);

        var expected = customers.Skip(1).GroupBy(IWatcherPartitionGrain.Of).ToDictionary(g => g.Key, g => g.Count());
        var counted = new Dictionary<int, int>();
        foreach (var partition in Enumerable.Range(0, IProductWatchersGrain.Partitions))
        {
            var count = await fixture.Grains.GetGrain<IWatcherPartitionGrain>(IWatcherPartitionGrain.KeyOf(product.Id, partition)).CountAsync();
            if (count > 0)
            {
                counted[partition] = count;
            }
        }

        Assert.Equal(expected.OrderBy(p => p.Key), counted.OrderBy(p => p.Key));
        Assert.True(counted.Count > IProductWatchersGrain.Partitions / 2, $"{counted.Count} partitions used");
        Assert.Equal(299, await fixture.Grains.GetGrain<IProductWatchersGrain>(product.Id).CountAsync());
    }

    private static List<string> ErrorCodesOf<T>(EShop.Shared.Result<T> result) => [.. result.Errors.Select(e => e.Code)];
}
