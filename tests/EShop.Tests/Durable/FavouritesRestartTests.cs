using EShop.Carts;
using EShop.Catalog;
using EShop.Favourites;
using EShop.Tests.Ordering;
using EShop.Tests.Shared;
using Npgsql;

namespace EShop.Tests.Durable;

// The favourites context on PostgreSQL: its own schema, and its favourites, watchers, inboxes and purchase log as they
// were after a stop and a start.
[Collection(DurableCollection.Name), Trait("Category", "Integration")]
public sealed class FavouritesRestartTests
{
    [Fact]
    public async Task StopAndStart_FavouritesNotificationsAndPurchasesAreAsTheyWere()
    {
        await using var cluster = await DurableCluster.CreateAsync();
        await cluster.StartSiloAsync();
        var grains = await cluster.ConnectClientAsync();
        var (kettle, mug) = (await TestCatalog.CreateProductAsync(grains, price: 30m, name: "Kettle"), await TestCatalog.CreateProductAsync(grains, price: 4m, name: "Mug"));
        var customerId = Guid.NewGuid();
        await grains.GetGrain<IFavouritesGrain>(customerId).AddAsync(mug.Id);
        await grains.GetGrain<ICatalogAdminGrain>(0).SetPriceAsync(mug.Id, 3m);
        var notified = await Eventually.MatchesAsync(() => grains.GetGrain<INotificationInboxGrain>(customerId).GetAsync(20, false), n => n.Length == 1);
        await grains.GetGrain<ICartGrain>(customerId).AddAsync(kettle.Id, 1);
        await grains.GetGrain<ICartGrain>(customerId).AddAsync(mug.Id, 2);
        await Checkouts.CheckoutAsync(grains, Checkouts.Request(customerId));
        var projected = await Eventually.MatchesAsync(() => grains.GetGrain<ICoPurchaseGrain>(kettle.Id).GetAsync(), c => c.UnitsSold == 1);

        await cluster.Silos[0].StopAsync();
        await cluster.StartSiloAsync();
        var after = await cluster.ConnectClientAsync();

        Assert.Equal([mug.Id], (await after.GetGrain<IFavouritesGrain>(customerId).GetAsync()).Select(f => f.ProductId));
        Assert.Equal(1, await after.GetGrain<IProductWatchersGrain>(mug.Id).CountAsync());
        Assert.Equal(notified.Select(n => n.Id), (await after.GetGrain<INotificationInboxGrain>(customerId).GetAsync(20, false)).Select(n => n.Id));
        Assert.Equal<ProductCount>(projected.Top, (await after.GetGrain<ICoPurchaseGrain>(kettle.Id).GetAsync()).Top);
        Assert.Equal(new[] { kettle.Id, mug.Id }.Order(StringComparer.Ordinal), (await after.GetGrain<ICustomerPurchasesGrain>(customerId).GetAsync()).Bought.Order(StringComparer.Ordinal));
        Assert.Equal(1, await after.GetGrain<IRecommendationsGrain>(0).RebuildAsync());
        Assert.Equal<ProductCount>(projected.Top, (await after.GetGrain<ICoPurchaseGrain>(kettle.Id).GetAsync()).Top);
        Assert.Equal((1L, true), await FavouritesRowsAsync(cluster.Postgres));
    }

    // The purchase log's events, and whether grain state is stored, in the favourites schema.
    private static async Task<(long Events, bool States)> FavouritesRowsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT (SELECT count(*) FROM favourites.event_log), EXISTS (SELECT 1 FROM favourites.grain_state)", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetBoolean(1));
    }
}
