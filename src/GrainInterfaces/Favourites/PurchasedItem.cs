namespace EShop.Favourites;

[GenerateSerializer, Immutable, Alias("eshop.favourites.PurchasedItem")]
public sealed record PurchasedItem(
    [property: Id(0)] string ProductId,
    [property: Id(1)] int Quantity);
