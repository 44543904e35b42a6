namespace EShop.Catalog;

/// <summary>A product before and after an upsert, so the coordinator can tell which events the change makes.</summary>
[GenerateSerializer, Immutable, Alias("eshop.catalog.ProductUpsert")]
public sealed record ProductUpsert(
    [property: Id(0)] ProductSnapshot? Previous,
    [property: Id(1)] ProductSnapshot Current);
