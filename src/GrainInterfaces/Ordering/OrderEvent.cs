namespace EShop.Ordering;

/// <summary>One entry of an order's timeline: every status change, oldest first.</summary>
[GenerateSerializer, Immutable, Alias("eshop.ordering.OrderEvent")]
public sealed record OrderEvent(
    [property: Id(0)] string Type,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string? Detail);
