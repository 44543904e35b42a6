namespace EShop.Ordering;

[GenerateSerializer, Immutable, Alias("eshop.ordering.PlacedOrder")]
public sealed record PlacedOrder([property: Id(0)] Guid OrderId, [property: Id(1)] DateTimeOffset PlacedAt);
