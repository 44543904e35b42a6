namespace EShop.Catalog;

// The categories, stored under the catalog's first state name (StateNames.Catalog), where they have always been.
[GenerateSerializer, Alias("eshop.catalog.CatalogState")]
public sealed class CategoriesState
{
    [Id(0)] public Dictionary<string, Category> Categories { get; set; } = [];

    // Id(1) held the product ids before the catalog was sharded (now ProductPartitionState); it is not reused.

    // Grows with every change, so a view never takes an older list for a newer one.
    [Id(2)] public long Version { get; set; }
}
