namespace EShop.Catalog;

/// <summary>What an admin sets when creating or replacing a product.</summary>
[GenerateSerializer, Immutable, Alias("eshop.catalog.ProductDetails")]
public sealed record ProductDetails(
    [property: Id(0)] string Name,
    [property: Id(1)] string Description,
    [property: Id(2)] string CategoryId,
    [property: Id(3)] decimal Price,
    [property: Id(4)] int Stock,
    [property: Id(5)] int WeightGrams);
