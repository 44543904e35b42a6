namespace EShop.Catalog;

// The categories, stored under the catalog's first state name (StateNames.Catalog), where they have always been.
[GenerateSerializer, Alias("eshop.catalog.CatalogState")]
public sealed class CategoriesState
{
    [Id(0)] public Dictionary<string, Category> Categories { get; set; } = [];

    // Grows with every change, so a view never takes an older list for a newer one.
    [Id(1)] public long Version { get; set; }
}
