using EShop.Catalog;
using EShop.Shared;
using EShop.Tests.Shared;
using Npgsql;

namespace EShop.Tests.Durable;

// A catalog shard's product list as rows of the catalog event log, with a list stored the earlier way (one grain-state
// value) still read.
[Collection(DurableCollection.Name), Trait("Category", "Integration")]
public sealed class ProductPartitionTests
{
    [Fact]
    public async Task ListStoredAsOneValue_IsReadWithTheProductsListedSince_EachBatchARowOfTheLog()
    {
        await using var cluster = await DurableCluster.CreateAsync();
        await cluster.StartSiloAsync();
        var grains = await cluster.ConnectClientAsync();
        var earlier = await TestCatalog.CreateProductAsync(grains, price: 5m, stock: 3, name: "Kettle");
        var catalog = new NpgsqlConnectionStringBuilder(cluster.Postgres) { SearchPath = StorageNames.Catalog }.ConnectionString;
        var partition = IProductPartitionGrain.Of(earlier.Id);
        Assert.Equal(1L, await DurableServices.ScalarAsync<long>(catalog, $"SELECT count(*) FROM event_log WHERE owner LIKE 'eshop.catalog.product-partition/%' AND payload::text LIKE '%{earlier.Id}%'"));
        Assert.Equal(0L, await DurableServices.ScalarAsync<long>(catalog, $"SELECT count(*) FROM grain_state WHERE state_name = '{StateNames.ProductPartition}'"));
        cluster.Silos[0].Kill();

        // The shard's list as it was stored before its event log: one grain-state value.
        await using (var connection = await DurableServices.OpenAsync(catalog))
        {
            await DurableServices.ExecuteAsync(connection, $$$"""
                INSERT INTO grain_state (service_id, state_name, key_n0, key_n1, key_string, payload, version)
                SELECT '{{{cluster.Settings(0)["Orleans__ServiceId"]}}}', '{{{StateNames.ProductPartition}}}', 0, {{{partition}}}, '',
                       '{"type": "eshop.catalog.ProductPartitionState", "state": {"productIds": ["{{{earlier.Id}}}"]}}', 1;
                DELETE FROM event_log WHERE payload::text LIKE '%{{{earlier.Id}}}%';
                """);
        }

        await cluster.StartSiloAsync(index: 0);
        var shown = await Eventually.AnsweredAsync(() => grains.Catalog().GetProductAsync(earlier.Id), TimeSpan.FromMinutes(2));
        var later = await TestCatalog.CreateProductAsync(grains, price: 7m, stock: 2, name: "Mug");

        Assert.Equal(3, shown!.Stock);
        Assert.Equal(2, (await Eventually.MatchesAsync(() => grains.Catalog().GetProductAsync(later.Id), p => p is not null, TimeSpan.FromSeconds(30)))!.Stock);
        Assert.Equal(1L, await DurableServices.ScalarAsync<long>(catalog, $"SELECT count(*) FROM event_log WHERE payload::text LIKE '%{later.Id}%'"));
        Assert.Equal(1, await DurableServices.ScalarAsync<int>(catalog, $"SELECT version FROM grain_state WHERE state_name = '{StateNames.ProductPartition}'"));
    }
}
