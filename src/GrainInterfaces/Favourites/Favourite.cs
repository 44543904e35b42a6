namespace EShop.Favourites;

[GenerateSerializer, Immutable, Alias("eshop.favourites.Favourite")]
public sealed record Favourite(
    [property: Id(0)] string ProductId,
    [property: Id(1)] DateTimeOffset AddedAt);
