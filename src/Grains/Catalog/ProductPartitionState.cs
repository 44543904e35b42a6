namespace EShop.Catalog;

// Which products of the shard exist, as shards stored it before their event log (ProductsListed): read, never written
// again. The products' data is not kept here either way: it is read back from the product grains on activation.
[GenerateSerializer, Alias("eshop.catalog.ProductPartitionState")]
public sealed class ProductPartitionState
{
    [Id(0)] public HashSet<string> ProductIds { get; set; } = [];
}
