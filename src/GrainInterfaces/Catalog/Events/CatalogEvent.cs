namespace EShop.Catalog.Events;

/// <summary>
/// A committed change to a product, published on the catalog stream keyed by its SKU. It carries the product as it
/// is after the change, so a consumer can keep a view without calling back, and drop what is older than it holds.
/// </summary>
[GenerateSerializer, Immutable, Alias("eshop.catalog.CatalogEvent")]
public abstract record CatalogEvent(
    [property: Id(0)] ProductSnapshot Product,
    [property: Id(1)] DateTimeOffset At)
{
    public string ProductId => Product.Id;

    public long Version => Product.Version;

    /// <summary>
    /// Whether the change is an offer to a shopper waiting on the product: a lower sale price, or stock again after
    /// none, of a product still on the catalog.
    /// </summary>
    public virtual bool IsOffer => false;
}
