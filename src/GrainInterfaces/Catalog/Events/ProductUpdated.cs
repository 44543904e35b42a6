namespace EShop.Catalog.Events;

/// <summary>Name, description, category or weight of an existing product changed, or a removed product was put back.</summary>
[GenerateSerializer, Immutable, Alias("eshop.catalog.ProductUpdated")]
public sealed record ProductUpdated(ProductSnapshot Product, DateTimeOffset At) : CatalogEvent(Product, At);
