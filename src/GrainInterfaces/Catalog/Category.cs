namespace EShop.Catalog;

[GenerateSerializer, Immutable, Alias("eshop.catalog.Category")]
public sealed record Category(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name);
