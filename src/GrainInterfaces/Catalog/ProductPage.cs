using System.Collections.Immutable;

namespace EShop.Catalog;

[GenerateSerializer, Immutable, Alias("eshop.catalog.ProductPage")]
public sealed record ProductPage(
    [property: Id(0)] ImmutableArray<ProductSnapshot> Items,
    [property: Id(1)] int Offset,
    [property: Id(2)] int TotalCount);
