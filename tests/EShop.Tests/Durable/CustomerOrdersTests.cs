using EShop.Carts;
using EShop.Ordering;
using EShop.Shared;
using EShop.Tests.Ordering;
using EShop.Tests.Shared;
using Npgsql;

namespace EShop.Tests.Durable;

// A customer's order history as rows of the ordering event log, one per order, with a history stored the earlier way
// (the whole list as one grain-state value) still read.
[Collection(DurableCollection.Name), Trait("Category", "Integration")]
public sealed class CustomerOrdersTests
{
    [Fact]
    public async Task HistoryStoredAsOneValue_IsListedWithTheOrdersAddedSince_EachOfThemARowOfTheLog()
    {
        await using var cluster = await DurableCluster.CreateAsync();
        await cluster.StartSiloAsync();
        var grains = await cluster.ConnectClientAsync();
        var product = await TestCatalog.CreateProductAsync(grains, price: 5m, stock: 10);
        var customerId = await Checkouts.CustomerWithCartAsync(grains, (product.Id, 1));
        var (older, newer, at) = (Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow.AddDays(-1));
        var ordering = new NpgsqlConnectionStringBuilder(cluster.Postgres) { SearchPath = StorageNames.Ordering }.ConnectionString;
        var key = customerId.ToByteArray();
        await using (var connection = await DurableServices.OpenAsync(ordering))
        {
            await DurableServices.ExecuteAsync(connection, $$"""
                INSERT INTO grain_state (service_id, state_name, key_n0, key_n1, key_string, payload, version) VALUES
                ('{{cluster.Settings(0)["Orleans__ServiceId"]}}', '{{StateNames.CustomerOrders}}', {{BitConverter.ToInt64(key, 0)}}, {{BitConverter.ToInt64(key, 8)}}, '',
                 '{"type": "List<eshop.ordering.PlacedOrder>", "state": [
                     {"orderId": "{{newer}}", "placedAt": "{{at.AddHours(1):O}}"}, {"orderId": "{{older}}", "placedAt": "{{at:O}}"}]}', 1)
                """);
        }

        var first = (await Checkouts.CheckoutAsync(grains, Checkouts.Request(customerId, key: "first"))).Value!;
        await grains.GetGrain<ICartGrain>(customerId).AddAsync(product.Id, 1);
        var second = (await Checkouts.CheckoutAsync(grains, Checkouts.Request(customerId, key: "second"))).Value!;

        Guid[] listed = [second.Id, first.Id, newer, older];
        Assert.Equal(listed, (await grains.GetGrain<ICustomerOrdersGrain>(customerId).GetPageAsync(0, 10)).OrderIds);
        Assert.Equal(2L, await DurableServices.ScalarAsync<long>(ordering, "SELECT count(*) FROM event_log WHERE owner LIKE 'eshop.ordering.customer-orders/%'"));
        Assert.Equal(1, await DurableServices.ScalarAsync<int>(ordering, $"SELECT version FROM grain_state WHERE state_name = '{StateNames.CustomerOrders}'"));

        // A new activation reads both again.
        cluster.Silos[0].Kill();
        await cluster.StartSiloAsync(index: 0);
        var page = await Eventually.AnsweredAsync(() => grains.GetGrain<ICustomerOrdersGrain>(customerId).GetPageAsync(1, 2), TimeSpan.FromMinutes(2));
        Assert.Equal(listed[1..3], page.OrderIds);
        Assert.Equal(4, page.TotalCount);
    }
}
