using System.Collections.Immutable;

namespace EShop.Catalog;

// Products a catalog shard took on: an event of the shard's log (ProductPartitionGrain).
[GenerateSerializer, Immutable, Alias("eshop.catalog.ProductsListed")]
public sealed record ProductsListed([property: Id(0)] ImmutableArray<string> ProductIds);
