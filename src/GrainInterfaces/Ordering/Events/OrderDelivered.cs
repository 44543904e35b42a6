namespace EShop.Ordering.Events;

/// <summary>The carrier delivered the parcel.</summary>
[GenerateSerializer, Immutable, Alias("eshop.ordering.OrderDelivered")]
public sealed record OrderDelivered(Guid OrderId, Guid CustomerId, DateTimeOffset At) : OrderingEvent(OrderId, CustomerId, At);
