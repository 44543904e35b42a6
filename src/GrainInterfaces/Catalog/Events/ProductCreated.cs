namespace EShop.Catalog.Events;

[GenerateSerializer, Immutable, Alias("eshop.catalog.ProductCreated")]
public sealed record ProductCreated(ProductSnapshot Product, DateTimeOffset At) : CatalogEvent(Product, At);
