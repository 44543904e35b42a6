namespace EShop.Ordering.Events;

/// <summary>Cash on delivery</summary>
[GenerateSerializer, Immutable, Alias("eshop.ordering.OrderConfirmed")]
public sealed record OrderConfirmed(Guid OrderId, Guid CustomerId, DateTimeOffset At) : OrderingEvent(OrderId, CustomerId, At);
