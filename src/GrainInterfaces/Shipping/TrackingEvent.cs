namespace EShop.Shipping;

[GenerateSerializer, Immutable, Alias("eshop.shipping.TrackingEvent")]
public sealed record TrackingEvent(
    [property: Id(0)] ShipmentStatus Status,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string? Location);
