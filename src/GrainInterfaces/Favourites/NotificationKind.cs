namespace EShop.Favourites;

[GenerateSerializer, Alias("eshop.favourites.NotificationKind")]
public enum NotificationKind
{
    PriceDrop,
    BackInStock,
}
