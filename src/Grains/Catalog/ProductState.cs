namespace EShop.Catalog;

[GenerateSerializer, Alias("eshop.catalog.ProductState")]
public sealed class ProductState
{
    // One seller for now; the field is here so a marketplace can add others without migrating state.
    public const string DefaultSeller = "eshop";

    [Id(0)] public string SellerId { get; set; } = DefaultSeller;
    [Id(1)] public string Name { get; set; } = "";
    [Id(2)] public string Description { get; set; } = "";
    [Id(3)] public string CategoryId { get; set; } = "";
    [Id(4)] public int WeightGrams { get; set; }
    [Id(5)] public decimal Price { get; set; }
    [Id(6)] public decimal DiscountPercent { get; set; }
    [Id(7)] public int Stock { get; set; }
    [Id(8)] public DateTimeOffset CreatedAt { get; set; }

    // 0 until the product is created; every committed change adds one.
    [Id(9)] public long Version { get; set; }

    [Id(10)] public bool Removed { get; set; }

    public ProductSnapshot? ToSnapshot(string id) => Version == 0 ? null
        : new(id, SellerId, Name, Description, CategoryId, WeightGrams, Price, DiscountPercent, Stock, CreatedAt, Version, Removed);
}
