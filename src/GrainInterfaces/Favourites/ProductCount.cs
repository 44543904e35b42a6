namespace EShop.Favourites;

[GenerateSerializer, Immutable, Alias("eshop.favourites.ProductCount")]
public sealed record ProductCount(
    [property: Id(0)] string ProductId,
    [property: Id(1)] long Count);
