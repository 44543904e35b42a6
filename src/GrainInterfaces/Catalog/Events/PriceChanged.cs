namespace EShop.Catalog.Events;

/// <summary>The list price or the discount changed; <see cref="PreviousSalePrice"/> is what customers paid before.</summary>
[GenerateSerializer, Immutable, Alias("eshop.catalog.PriceChanged")]
public sealed record PriceChanged(
    ProductSnapshot Product, DateTimeOffset At,
    [property: Id(0)] decimal PreviousSalePrice) : CatalogEvent(Product, At)
{
    public override bool IsOffer => !Product.Removed && Product.SalePrice < PreviousSalePrice;
}
