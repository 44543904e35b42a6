namespace EShop.Catalog;

// What the catalog view must remember across activations: the categories it owns, and which products exist.
// The products' data is not kept here: it is read back from the product grains on activation.
[GenerateSerializer, Alias("eshop.catalog.CatalogState")]
public sealed class CatalogState
{
    [Id(0)] public Dictionary<string, Category> Categories { get; set; } = [];
    [Id(1)] public HashSet<string> ProductIds { get; set; } = [];
}
