namespace EShop.Ordering.Events;

/// <summary>The carrier picked the parcel up.</summary>
[GenerateSerializer, Immutable, Alias("eshop.ordering.OrderShipped")]
public sealed record OrderShipped(Guid OrderId, Guid CustomerId, DateTimeOffset At) : OrderingEvent(OrderId, CustomerId, At);
