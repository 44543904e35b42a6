namespace EShop.Catalog;

/// <summary>
/// A committed copy of a product. <see cref="Version"/> grows with every change, so views keep the newest. A
/// <see cref="Removed"/> product is off the catalog: nobody finds, sees or buys it, but the orders and carts that hold
/// it still show it.
/// </summary>
[GenerateSerializer, Immutable, Alias("eshop.catalog.ProductSnapshot")]
public sealed record ProductSnapshot(
    [property: Id(0)] string Id,
    [property: Id(1)] string SellerId,
    [property: Id(2)] string Name,
    [property: Id(3)] string Description,
    [property: Id(4)] string CategoryId,
    [property: Id(5)] int WeightGrams,
    [property: Id(6)] decimal Price,
    [property: Id(7)] decimal DiscountPercent,
    [property: Id(8)] int Stock,
    [property: Id(9)] DateTimeOffset CreatedAt,
    [property: Id(10)] long Version,
    [property: Id(11)] bool Removed = false)
{
    public decimal SalePrice => Pricing.SalePrice(Price, DiscountPercent);
}
