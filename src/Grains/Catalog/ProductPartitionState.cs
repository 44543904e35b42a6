namespace EShop.Catalog;

// Which products of the shard exist. Their data is not kept here: it is read back from the product grains on activation.
[GenerateSerializer, Alias("eshop.catalog.ProductPartitionState")]
public sealed class ProductPartitionState
{
    [Id(0)] public HashSet<string> ProductIds { get; set; } = [];
}
