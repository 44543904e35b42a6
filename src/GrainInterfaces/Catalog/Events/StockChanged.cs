namespace EShop.Catalog.Events;

/// <summary><see cref="Reason"/> says why: an admin adjustment, a sale, or units released by a cancelled order.</summary>
[GenerateSerializer, Immutable, Alias("eshop.catalog.StockChanged")]
public sealed record StockChanged(
    ProductSnapshot Product, DateTimeOffset At,
    [property: Id(0)] int Delta,
    [property: Id(1)] string Reason) : CatalogEvent(Product, At)
{
    public const string Adjusted = "adjusted";
    public const string Sold = "sold";
    public const string Released = "released";

    public override bool IsOffer => !Product.Removed && Product.Stock > 0 && Product.Stock - Delta <= 0;
}
