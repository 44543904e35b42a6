namespace EShop.Catalog;

/// <summary>One product of a bulk import: its SKU and what to set.</summary>
[GenerateSerializer, Immutable, Alias("eshop.catalog.ProductImport")]
public sealed record ProductImport(
    [property: Id(0)] string ProductId,
    [property: Id(1)] ProductDetails Details);
