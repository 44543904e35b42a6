namespace EShop.Ordering.Events;

[GenerateSerializer, Immutable, Alias("eshop.ordering.OrderCancelled")]
public sealed record OrderCancelled(
    Guid OrderId, Guid CustomerId, DateTimeOffset At,
    [property: Id(0)] string Reason) : OrderingEvent(OrderId, CustomerId, At);
