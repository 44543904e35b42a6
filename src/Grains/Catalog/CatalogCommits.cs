using System.Collections.Immutable;
using EShop.Catalog.Events;

namespace EShop.Catalog;

public static class CatalogCommits
{
    // Hands committed product changes to the shards that own the products, all at once.
    public static Task CommitCatalogAsync(this IGrainFactory grains, IEnumerable<CatalogEvent> changes) =>
        Task.WhenAll(changes
            .GroupBy(c => IProductPartitionGrain.Of(c.ProductId))
            .Select(shard => grains.GetGrain<IProductPartitionGrain>(shard.Key).CommitAsync([.. shard])));
}
