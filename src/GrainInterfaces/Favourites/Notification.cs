namespace EShop.Favourites;

/// <summary>
/// News about a product the customer watches. <see cref="Id"/> is made from the product change that caused it, so
/// one change makes one notification however often its event is delivered.
/// </summary>
[GenerateSerializer, Immutable, Alias("eshop.favourites.Notification")]
public sealed record Notification(
    [property: Id(0)] string Id,
    [property: Id(1)] NotificationKind Kind,
    [property: Id(2)] string ProductId,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] bool Read,
    [property: Id(5)] string? Detail)
{
    public static string IdOf(NotificationKind kind, string productId, long productVersion) => $"{kind}:{productId}:{productVersion}";
}
