namespace EShop.Catalog.Events;

/// <summary>The product was taken off the catalog; an upsert puts it back (ProductUpdated).</summary>
[GenerateSerializer, Immutable, Alias("eshop.catalog.ProductRemoved")]
public sealed record ProductRemoved(ProductSnapshot Product, DateTimeOffset At) : CatalogEvent(Product, At);
